// The only module that knows keycloak-connect. It verifies bearer tokens with keycloak-connect's
// GrantManager in bearer-only mode (signature against the realm's JWKS, expiry, token type, issuer,
// audience) and adds the checks keycloak-connect does not make (see docs/api.md, "Token checks"):
//   - alg must be RS256: keycloak-connect verifies with RSA-SHA256 whatever the header says, so
//     `alg: none` only fails by accident of an empty signature; we refuse it by name;
//   - exp must be present: keycloak-connect computes `undefined * 1000 < now`, false, so a token
//     without exp never expires;
//   - nbf, when present, must have passed: keycloak-connect ignores it;
//   - sub must be a non-empty string: the audit trail records it.
// Replacing the adapter (e.g. with jose) means rewriting this file only: callers see `VerifyBearer`.
import Keycloak from 'keycloak-connect';
import { IdentityProviderUnavailableError, UnauthenticatedError } from '../errors.js';
import { isRealmRole, type Identity, type VerifyBearer } from './identity.js';

export type KeycloakVerifierOptions = {
  /** Keycloak's public base URL (token issuer base), e.g. http://localhost:8080. */
  keycloakUrl: string;
  realm: string;
  /** The API's audience: tokens must list it in `aud`. */
  audience: string;
  /** Where the API itself reaches Keycloak for the JWKS when that differs from the public URL (docker-compose). */
  jwksBaseUrl?: string | undefined;
  /** Least seconds between two JWKS downloads triggered by unknown key ids (keycloak-connect's rate limit). */
  minTimeBetweenJwksRequests?: number | undefined;
  /** Milliseconds to wait for the realm's keys before answering IDENTITY_PROVIDER_UNAVAILABLE (503). */
  jwksTimeoutMs?: number | undefined;
};

type Claims = Record<string, unknown>;

function decodeSegment(segment: string | undefined): Claims | null {
  if (segment === undefined) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Claims) : null;
  } catch {
    return null;
  }
}

/** Both shapes of Keycloak's organization claim: ["so"] or { "so": { … } }; aliases in lower case. */
export function organizationAliases(claim: unknown): string[] {
  const aliases = Array.isArray(claim) ? claim : claim !== null && typeof claim === 'object' ? Object.keys(claim) : [];
  return [...new Set(aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim().toLowerCase()))];
}

function realmRoles(claims: Claims) {
  const access = claims.realm_access;
  const roles = access !== null && typeof access === 'object' ? (access as { roles?: unknown }).roles : undefined;
  return Array.isArray(roles) ? [...new Set(roles.filter(isRealmRole))] : [];
}

/** Creates the bearer-token verifier of the API on keycloak-connect's GrantManager. */
export function createKeycloakVerifier(options: KeycloakVerifierOptions): VerifyBearer {
  const keycloak = new Keycloak(
    {},
    {
      realm: options.realm,
      'auth-server-url': options.keycloakUrl,
      resource: options.audience,
      'bearer-only': true,
      'verify-token-audience': true,
      'ssl-required': 'external',
      'confidential-port': 0,
      'min-time-between-jwks-requests': options.minTimeBetweenJwksRequests ?? 10,
    } as unknown as Keycloak.KeycloakConfig,
  );
  const grantManager = keycloak.grantManager as unknown as {
    createGrant(raw: { access_token: string }): Promise<unknown>;
    rotation: { realmUrl: string; jwks: { kid?: string }[]; lastTimeRequesTime: number; minTimeBetweenJwksRequests: number };
  };
  const rotation = grantManager.rotation;
  const jwksTimeoutMs = options.jwksTimeoutMs ?? 5000;

  /**
   * keycloak-connect downloads the realm's keys itself when a token names an unknown key, with no timeout, and
   * reports a provider that cannot be reached exactly like a forged signature. The download is done here first,
   * with a timeout and under keycloak-connect's own rate limit, so that an unreachable provider is told apart:
   * IDENTITY_PROVIDER_UNAVAILABLE (503), never "invalid token". A key still unknown afterwards is a bad token.
   */
  async function ensureKey(kid: unknown): Promise<void> {
    if (rotation.jwks.some((k) => k.kid === kid)) return;
    const now = Date.now() / 1000;
    if (now <= rotation.lastTimeRequesTime + rotation.minTimeBetweenJwksRequests) return;
    let response: Response;
    try {
      response = await fetch(`${rotation.realmUrl}/protocol/openid-connect/certs`, { signal: AbortSignal.timeout(jwksTimeoutMs) });
    } catch (cause) {
      throw new IdentityProviderUnavailableError({ cause });
    }
    if (!response.ok) throw new IdentityProviderUnavailableError({ cause: new Error(`JWKS: HTTP ${response.status}`) });
    const body = (await response.json().catch(() => null)) as { keys?: unknown } | null;
    if (!body || !Array.isArray(body.keys)) throw new IdentityProviderUnavailableError({ cause: new Error('JWKS: no keys') });
    rotation.jwks = body.keys as { kid?: string }[];
    rotation.lastTimeRequesTime = now;
  }
  if (options.jwksBaseUrl) {
    // keycloak-connect derives the JWKS URL from the issuer; inside a container network the public
    // issuer URL may not be reachable, so only the key download goes to the internal address.
    grantManager.rotation.realmUrl = `${options.jwksBaseUrl.replace(/\/+$/, '')}/realms/${options.realm}`;
  }

  // A token verified once stays valid until it expires: the signature check (and keycloak-connect's JWK to
  // PEM conversion) is not repeated for every request of a session. Bounded; cleared wholesale when full.
  const verified = new Map<string, Identity>();

  return async function verifyBearer(token: string): Promise<Identity> {
    const known = verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now() / 1000) return known;
      verified.delete(token);
    }
    const parts = token.split('.');
    const header = decodeSegment(parts[0]);
    const claims = decodeSegment(parts[1]);
    if (parts.length !== 3 || header === null || claims === null) throw new UnauthenticatedError('malformed bearer token');
    if (header.alg !== 'RS256') throw new UnauthenticatedError('token algorithm not accepted');
    const now = Date.now() / 1000;
    if (typeof claims.exp !== 'number') throw new UnauthenticatedError('token without expiry');
    if (typeof claims.nbf === 'number' && claims.nbf > now) throw new UnauthenticatedError('token not yet valid');
    if (typeof claims.sub !== 'string' || claims.sub === '') throw new UnauthenticatedError('token without subject');
    await ensureKey(header.kid);
    try {
      await grantManager.createGrant({ access_token: token });
    } catch (error) {
      // keycloak-connect's reasons ("wrong ISS", "wrong audience", "expired", "signature") are safe to
      // name but not needed by clients; they go to the server log through the cause.
      throw Object.assign(new UnauthenticatedError('invalid bearer token'), { cause: error });
    }
    const identity: Identity = {
      subject: claims.sub,
      username: typeof claims.preferred_username === 'string' ? claims.preferred_username : null,
      roles: realmRoles(claims),
      organizations: organizationAliases(claims.organization),
      expiresAt: claims.exp,
    };
    if (verified.size >= 10_000) verified.clear();
    verified.set(token, identity);
    return identity;
  };
}
