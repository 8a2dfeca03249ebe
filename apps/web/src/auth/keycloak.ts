// Sign-in with keycloak-js (authorization code + PKCE S256) against Keycloak or apps/idp.
import Keycloak from 'keycloak-js';
import { appConfig } from '../app/config.js';

export type Session = {
  /** A valid access token, refreshed when it is about to expire. */
  token(): Promise<string>;
  /** Whether the access token expires within the next 30 seconds. */
  isExpiring(): boolean;
  /** Forces a refresh (after the API answered UNAUTHENTICATED); false when the session is over. */
  refresh(): Promise<boolean>;
  logout(): Promise<void>;
  username: string;
  displayName: string;
  roles: string[];
  organization: string | undefined;
};

const APP_ROLES = ['platform-admin', 'unioncamere-analyst', 'chamber-admin', 'manager', 'staff', 'oiv'];

function organizationOf(claim: unknown): string | undefined {
  if (Array.isArray(claim)) return typeof claim[0] === 'string' ? claim[0] : undefined;
  if (claim !== null && typeof claim === 'object') return Object.keys(claim)[0];
  return undefined;
}

/** Signs the person in (redirecting to the login page when needed) and returns the session. */
export async function signIn(): Promise<Session> {
  const config = appConfig();
  const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
  const parsed = keycloak.tokenParsed ?? {};
  const claims = parsed as Record<string, unknown>;
  return {
    async token() {
      await keycloak.updateToken(30);
      return keycloak.token ?? '';
    },
    isExpiring: () => keycloak.isTokenExpired(30),
    async refresh() {
      try {
        return await keycloak.updateToken(-1);
      } catch {
        return false;
      }
    },
    logout: () => keycloak.logout({ redirectUri: `${window.location.origin}/` }),
    username: typeof claims.preferred_username === 'string' ? claims.preferred_username : '',
    displayName: typeof claims.name === 'string' ? claims.name : '',
    roles: (parsed.realm_access?.roles ?? []).filter((r) => APP_ROLES.includes(r)),
    organization: organizationOf(claims.organization),
  };
}
