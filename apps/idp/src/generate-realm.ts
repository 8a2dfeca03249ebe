// Builds the two realm files of the `albero` realm:
// - infra/keycloak/albero-realm.json, the production realm that docker-compose.yml imports into Keycloak 26:
//   realm, roles, client scopes, mappers and clients, and no people, no organization, no password, no test
//   client; brute-force protection and a password policy on; the web client only with authorization code + PKCE;
//   the web app's address from the environment (Keycloak resolves `${ALBERO_WEB_URL}` at import). Chambers and
//   their people are created through Albero, never by a file.
// - infra/keycloak/development/albero-realm.json, the development and test realm that this package's provider
//   serves: the same realm plus the demo chambers' organizations and logins, generated from the demo plan files
//   (data/demo/*.yaml), so the identities a demo chamber needs exist in exactly one place: the plans. Password
//   `demo`, direct grants for tests and scripts.
// Output is deterministic (sorted, ids derived from names, no timestamps) so a test can check that the committed
// files are what this script produces.
//
//   pnpm --filter @albero/idp generate-realm
import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readPlanFile, type PlanFile } from '@albero/plan-format';
import { developmentRealmFile, productionRealmFile } from './realm.js';

export const defaultPlansDir = fileURLToPath(new URL('../../../data/demo/', import.meta.url));

const REALM = 'albero';
const DEMO_PASSWORD = 'demo';
const WEB_APP_URL = 'http://localhost:5173';
/** In the production realm the web app's address is the deployment's, resolved by Keycloak at import. */
const PRODUCTION_WEB_APP_URL = '${ALBERO_WEB_URL}';

/** Which realm file: production (no people, hardened) or development (demo people, password grant). */
export type RealmProfile = 'production' | 'development';
const API_CLIENT = 'albero-api';
/** The API's service account for Keycloak's Admin REST API (client credentials). */
export const ADMIN_CLIENT = 'albero-admin';
/** Its secret: the deployment's, resolved by Keycloak at import; a fixed one in the development realm. */
const PRODUCTION_ADMIN_SECRET = '${ALBERO_ADMIN_CLIENT_SECRET}';
export const DEVELOPMENT_ADMIN_SECRET = 'albero-admin-development-secret';
/**
 * The realm-management roles the service account holds, and no other: manage-users (create, update, role
 * mappings, execute-actions e-mail, logout; it implies view and query) and manage-realm, which Keycloak 26's
 * Organizations endpoints require for every call (OrganizationsResource: auth.realm().requireManageRealm()).
 */
export const ADMIN_CLIENT_ROLES = ['manage-realm', 'manage-users'];

const REALM_ROLES: Record<string, string> = {
  'platform-admin': 'Amministrazione della piattaforma Albero (tutte le camere)',
  'unioncamere-analyst': 'Analista Unioncamere: lettura aggregata di tutte le camere',
  'chamber-admin': 'Amministratore della camera di commercio (struttura tecnica di supporto)',
  manager: 'Responsabile di unità organizzativa',
  staff: 'Dipendente',
  oiv: 'Organismo Indipendente di Valutazione',
};

// Every chamber gets these four logins, whether or not its plan files name them.
const STANDARD_CHAMBER_USERS = [
  { prefix: 'admin', role: 'chamber-admin', firstName: 'Amministratore' },
  { prefix: 'manager', role: 'manager', firstName: 'Responsabile' },
  { prefix: 'staff', role: 'staff', firstName: 'Dipendente' },
  { prefix: 'oiv', role: 'oiv', firstName: 'OIV' },
] as const;

const PLATFORM_USERS = [
  { username: 'platform', role: 'platform-admin', firstName: 'Amministratore', lastName: 'Piattaforma' },
  { username: 'unioncamere', role: 'unioncamere-analyst', firstName: 'Analista', lastName: 'Unioncamere' },
] as const;

// --- stable ids -------------------------------------------------------------------------------------------

const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'; // RFC 4122 namespace for URLs

/** RFC 4122 version 5 UUID: the same name always gives the same id, so regenerating never churns ids. */
export function uuidV5(name: string, namespace = URL_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const stableId = (kind: string, name: string) => uuidV5(`https://albero.local/keycloak/${REALM}/${kind}/${name}`);

// --- client scopes and mappers ----------------------------------------------------------------------------

type Mapper = { id: string; name: string; protocol: 'openid-connect'; protocolMapper: string; consentRequired: false; config: Record<string, string> };

const IN = { access: 'access.token.claim', id: 'id.token.claim', userinfo: 'userinfo.token.claim', introspection: 'introspection.token.claim' } as const;
type Target = keyof typeof IN;

function mapper(owner: string, name: string, type: string, targets: Target[], config: Record<string, string> = {}): Mapper {
  const flags = Object.fromEntries(targets.map((t) => [IN[t], 'true']));
  return {
    id: stableId('protocol-mapper', `${owner}/${name}`),
    name,
    protocol: 'openid-connect',
    protocolMapper: type,
    consentRequired: false,
    config: sortKeys({ ...flags, ...config }),
  };
}

const ALL: Target[] = ['access', 'id', 'userinfo', 'introspection'];

function userAttribute(scope: string, name: string, attribute: string, claim: string, jsonType = 'String'): Mapper {
  return mapper(scope, name, 'oidc-usermodel-attribute-mapper', ALL, {
    'user.attribute': attribute,
    'claim.name': claim,
    'jsonType.label': jsonType,
  });
}

// A realm file that declares `clientScopes` gets none of Keycloak's built-in ones (RealmManager creates the
// defaults only when the array is absent), so the scopes whose claims we rely on are spelled out here,
// matching Keycloak 26's built-ins; `basic` matters most, it is where `sub` comes from since Keycloak 25.
function clientScopes() {
  const scope = (name: string, description: string, includeInTokenScope: boolean, mappers: Mapper[]) => ({
    id: stableId('client-scope', name),
    name,
    description,
    protocol: 'openid-connect',
    attributes: { 'display.on.consent.screen': 'false', 'include.in.token.scope': String(includeInTokenScope) },
    protocolMappers: mappers,
  });
  return [
    scope('acr', 'OpenID Connect scope for add acr (authentication context class reference) to the token', false, [
      mapper('acr', 'acr loa level', 'oidc-acr-mapper', ['access', 'id', 'introspection']),
    ]),
    scope('basic', 'OpenID Connect scope for add all basic claims to the token', false, [
      mapper('basic', 'auth_time', 'oidc-usersessionmodel-note-mapper', ['access', 'id', 'introspection'], {
        'user.session.note': 'AUTH_TIME',
        'claim.name': 'auth_time',
        'jsonType.label': 'long',
      }),
      mapper('basic', 'sub', 'oidc-sub-mapper', ['access', 'introspection']),
    ]),
    scope('email', 'OpenID Connect built-in scope: email', true, [
      userAttribute('email', 'email', 'email', 'email'),
      mapper('email', 'email verified', 'oidc-usermodel-property-mapper', ALL, {
        'user.attribute': 'emailVerified',
        'claim.name': 'email_verified',
        'jsonType.label': 'boolean',
      }),
    ]),
    // The claim shape is chosen here: jsonType.label "String" gives ["so"]; "JSON" (with addOrganizationId
    // "true") gives {"so": {"id": "..."}}. Both are Keycloak 26 behaviours the API must accept.
    scope('organization', 'Additional claims about the organization a subject belongs to', true, [
      mapper('organization', 'organization', 'oidc-organization-membership-mapper', ALL, {
        'claim.name': 'organization',
        'jsonType.label': 'String',
        multivalued: 'true',
        addOrganizationId: 'false',
        addOrganizationAttributes: 'false',
      }),
    ]),
    scope('profile', 'OpenID Connect built-in scope: profile', true, [
      mapper('profile', 'full name', 'oidc-full-name-mapper', ALL),
      userAttribute('profile', 'family name', 'lastName', 'family_name'),
      userAttribute('profile', 'given name', 'firstName', 'given_name'),
      userAttribute('profile', 'username', 'username', 'preferred_username'),
    ]),
    scope('roles', 'OpenID Connect scope for add user roles to the access token', false, [
      mapper('roles', 'audience resolve', 'oidc-audience-resolve-mapper', ['access', 'introspection']),
      mapper('roles', 'client roles', 'oidc-usermodel-client-role-mapper', ['access', 'introspection'], {
        'claim.name': 'resource_access.${client_id}.roles',
        'jsonType.label': 'String',
        multivalued: 'true',
      }),
      mapper('roles', 'realm roles', 'oidc-usermodel-realm-role-mapper', ['access', 'introspection'], {
        'claim.name': 'realm_access.roles',
        'jsonType.label': 'String',
        multivalued: 'true',
      }),
    ]),
    scope('web-origins', 'OpenID Connect scope for add allowed web origins to the access token', false, [
      mapper('web-origins', 'allowed web origins', 'oidc-allowed-origins-mapper', ['access', 'introspection']),
    ]),
  ];
}

const DEFAULT_SCOPES = ['acr', 'basic', 'email', 'organization', 'profile', 'roles', 'web-origins'];

// --- clients ----------------------------------------------------------------------------------------------

function apiAudienceMapper(clientId: string): Mapper {
  return mapper(`client/${clientId}`, `audience ${API_CLIENT}`, 'oidc-audience-mapper', ['access', 'introspection'], {
    'included.client.audience': API_CLIENT,
  });
}

function client(fields: {
  clientId: string;
  name: string;
  description: string;
  publicClient: boolean;
  bearerOnly: boolean;
  standardFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  rootUrl?: string;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
  issuesTokens: boolean;
}) {
  const { issuesTokens, rootUrl, ...rest } = fields;
  return {
    id: stableId('client', fields.clientId),
    clientId: rest.clientId,
    name: rest.name,
    description: rest.description,
    ...(rootUrl ? { rootUrl, baseUrl: '/' } : {}),
    enabled: true,
    protocol: 'openid-connect',
    publicClient: rest.publicClient,
    bearerOnly: rest.bearerOnly,
    standardFlowEnabled: rest.standardFlowEnabled,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: rest.directAccessGrantsEnabled,
    serviceAccountsEnabled: false,
    consentRequired: false,
    fullScopeAllowed: true,
    frontchannelLogout: true,
    redirectUris: rest.redirectUris ?? [],
    webOrigins: rest.webOrigins ?? [],
    attributes: sortKeys(rest.attributes ?? {}),
    defaultClientScopes: issuesTokens ? DEFAULT_SCOPES : [],
    optionalClientScopes: [],
    protocolMappers: issuesTokens ? [apiAudienceMapper(rest.clientId)] : [],
  };
}

function clients(profile: RealmProfile) {
  const production = profile === 'production';
  const webUrl = production ? PRODUCTION_WEB_APP_URL : WEB_APP_URL;
  const all = [
    client({
      clientId: API_CLIENT,
      name: 'Albero API',
      description: 'API GraphQL: destinataria (audience) dei token di accesso; non autentica nessuno (bearer-only).',
      publicClient: false,
      bearerOnly: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
      issuesTokens: false,
    }),
    client({
      clientId: 'albero-api-tests',
      name: 'Albero test e script',
      description: 'Solo sviluppo: password grant per test e script. Assente dal realm di produzione.',
      publicClient: true,
      bearerOnly: false,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: true,
      issuesTokens: true,
    }),
    client({
      clientId: 'albero-web',
      name: 'Albero',
      description: 'Client web (keycloak-js, authorization code + PKCE).',
      publicClient: true,
      bearerOnly: false,
      standardFlowEnabled: true,
      // Direct grants on the web client exist only in the development realm, so tests can get its exact tokens.
      directAccessGrantsEnabled: !production,
      rootUrl: webUrl,
      redirectUris: [`${webUrl}/*`],
      webOrigins: [webUrl],
      attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': '+' },
      issuesTokens: true,
    }),
  ];
  all.push(adminClient(profile));
  all.sort((a, b) => byText(a.clientId, b.clientId));
  // The test client (password grant for tests and scripts) exists only in the development realm.
  return production ? all.filter((c) => c.clientId !== 'albero-api-tests') : all;
}

/**
 * The API's administration client: confidential, client credentials only (a service account), no browser flow,
 * no password grant. Its token carries the realm-management roles of its service-account user.
 */
function adminClient(profile: RealmProfile) {
  return {
    ...client({
      clientId: ADMIN_CLIENT,
      name: 'Albero amministrazione',
      description: 'Account di servizio dell\u2019API per l\u2019Admin REST API (camere, inviti, ruoli); solo client credentials.',
      publicClient: false,
      bearerOnly: false,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
      issuesTokens: false,
    }),
    clientAuthenticatorType: 'client-secret',
    secret: profile === 'production' ? PRODUCTION_ADMIN_SECRET : DEVELOPMENT_ADMIN_SECRET,
    serviceAccountsEnabled: true,
    defaultClientScopes: ['acr', 'basic', 'roles'],
  };
}

/** The service-account user Keycloak links to the admin client, with only the roles it needs. */
function serviceAccountUser() {
  const username = `service-account-${ADMIN_CLIENT}`;
  return {
    id: stableId('user', username),
    username,
    enabled: true,
    serviceAccountClientId: ADMIN_CLIENT,
    realmRoles: [],
    clientRoles: { 'realm-management': ADMIN_CLIENT_ROLES },
  };
}

// --- people, organizations --------------------------------------------------------------------------------

type Person = { username: string; name: string; roles: Set<string> };
type Chamber = { code: string; alias: string; name: string; people: Map<string, Person> };

/** Merges the plan files by chamber: the latest cycle's names win, roles accumulate across cycles. */
function chambersFrom(plans: readonly PlanFile[]): Chamber[] {
  const byCode = new Map<string, Chamber>();
  const ordered = [...plans].sort((a, b) => byText(a.chamber.code, b.chamber.code) || a.cycle.year - b.cycle.year);
  for (const plan of ordered) {
    const { code, name } = plan.chamber;
    const chamber = byCode.get(code) ?? { code, alias: code.toLowerCase(), name, people: new Map<string, Person>() };
    chamber.name = name;
    for (const person of plan.people) {
      const known = chamber.people.get(person.username);
      chamber.people.set(person.username, {
        username: person.username,
        name: person.name,
        roles: new Set([...(known?.roles ?? []), ...person.roles]),
      });
    }
    byCode.set(code, chamber);
  }
  for (const chamber of byCode.values()) {
    for (const standard of STANDARD_CHAMBER_USERS) {
      const username = `${standard.prefix}.${chamber.alias}`;
      const person = chamber.people.get(username);
      if (person) person.roles.add(standard.role);
      else
        chamber.people.set(username, {
          username,
          name: `${standard.firstName} Demo ${chamber.code}`,
          roles: new Set([standard.role]),
        });
    }
  }
  return [...byCode.values()].sort((a, b) => byText(a.alias, b.alias));
}

/** Keycloak keeps first and last name apart; the full-name mapper joins them with a space, giving back the plan's name. */
function splitName(name: string): { firstName: string; lastName: string } {
  const space = name.indexOf(' ');
  return space === -1 ? { firstName: name, lastName: '' } : { firstName: name.slice(0, space), lastName: name.slice(space + 1) };
}

function user(username: string, firstName: string, lastName: string, email: string, roles: Iterable<string>) {
  return {
    id: stableId('user', username),
    username,
    enabled: true,
    emailVerified: true,
    firstName,
    lastName,
    email,
    credentials: [{ type: 'password', value: DEMO_PASSWORD, temporary: false }],
    realmRoles: [...roles].sort(byText),
  };
}

// --- the realm --------------------------------------------------------------------------------------------

/**
 * Keycloak's brute-force detection in the production realm: after 5 failures in 12 hours the account waits 1
 * minute, doubling up to 15 minutes (never a permanent lockout, which would let anyone lock a person out).
 */
const BRUTE_FORCE_PROTECTION = {
  bruteForceProtected: true,
  permanentLockout: false,
  failureFactor: 5,
  waitIncrementSeconds: 60,
  maxFailureWaitSeconds: 900,
  maxDeltaTimeSeconds: 43200,
  quickLoginCheckMilliSeconds: 1000,
  minimumQuickLoginWaitSeconds: 60,
} as const;

/** Keycloak's password policy of the production realm: length, not the username or e-mail, history, not blank. */
export const PRODUCTION_PASSWORD_POLICY = 'length(12) and maxLength(128) and notUsername(undefined) and notEmail(undefined) and passwordHistory(5)';

/** The realm import for the given demo plans and profile (pure: same input, same realm). */
export function buildRealm(plans: readonly PlanFile[], profile: RealmProfile = 'development') {
  const production = profile === 'production';
  const chambers = production ? [] : chambersFrom(plans);
  const owner = new Map<string, string>();
  for (const chamber of chambers) {
    for (const username of chamber.people.keys()) {
      const other = owner.get(username);
      if (other) throw new Error(`user ${username} is listed by two chambers (${other}, ${chamber.code}); a user belongs to one organization`);
      owner.set(username, chamber.code);
    }
  }

  const people = production ? [] : [
    ...PLATFORM_USERS.map((u) => user(u.username, u.firstName, u.lastName, `${u.username}@albero.local`, [u.role])),
    ...chambers.flatMap((chamber) =>
      [...chamber.people.values()].map((p) => {
        const { firstName, lastName } = splitName(p.name);
        return user(p.username, firstName, lastName, `${p.username}@${chamber.alias}.albero.local`, p.roles);
      }),
    ),
  ];
  const users = [...people, serviceAccountUser()].sort((a, b) => byText(a.username, b.username));

  const organizations = chambers.map((chamber) => ({
    id: stableId('organization', chamber.alias),
    name: chamber.name,
    alias: chamber.alias,
    enabled: true,
    description: `${chamber.name} (${chamber.code}, dati demo)`,
    attributes: {},
    domains: [{ name: `${chamber.alias}.albero.local`, verified: false }],
    members: [...chamber.people.keys()].sort(byText).map((username) => ({ username, membershipType: 'UNMANAGED' })),
  }));

  return {
    id: REALM,
    realm: REALM,
    displayName: 'Albero',
    enabled: true,
    sslRequired: 'external',
    registrationAllowed: false,
    loginWithEmailAllowed: true,
    duplicateEmailsAllowed: false,
    // People invited by Albero set their password from Keycloak's e-mail; production lets them reset it too.
    resetPasswordAllowed: production,
    editUsernameAllowed: false,
    // The password policy applies when a person sets a password (invitation link); the demo passwords predate it.
    ...(production ? BRUTE_FORCE_PROTECTION : { bruteForceProtected: false }),
    passwordPolicy: PRODUCTION_PASSWORD_POLICY,
    // Invitation links (execute-actions e-mail) last 3 days.
    actionTokenGeneratedByAdminLifespan: 259200,
    internationalizationEnabled: true,
    supportedLocales: ['it'],
    defaultLocale: 'it',
    accessTokenLifespan: 300,
    accessCodeLifespan: 60,
    accessCodeLifespanLogin: 1800,
    ssoSessionIdleTimeout: 1800,
    ssoSessionMaxLifespan: 36000,
    // Production: a refresh token is good for one use (a stolen one stops working at the next refresh).
    revokeRefreshToken: production,
    refreshTokenMaxReuse: 0,
    organizationsEnabled: true,
    roles: {
      realm: Object.entries(REALM_ROLES)
        .sort(([a], [b]) => byText(a, b))
        .map(([name, description]) => ({
          id: stableId('role', name),
          name,
          description,
          composite: false,
          clientRole: false,
          containerId: REALM,
        })),
    },
    defaultDefaultClientScopes: DEFAULT_SCOPES,
    defaultOptionalClientScopes: [],
    clientScopes: clientScopes(),
    clients: clients(profile),
    users,
    organizations,
  };
}

/** The realm file's exact text: what is committed and what the sync test compares with. */
export function renderRealm(plans: readonly PlanFile[], profile: RealmProfile = 'development'): string {
  return `${JSON.stringify(buildRealm(plans, profile), null, 2)}\n`;
}

/** Reads every plan file in the demo folder (sorted, so the result does not depend on directory order). */
export async function readDemoPlans(dir = defaultPlansDir): Promise<PlanFile[]> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  return Promise.all(files.map((f) => readPlanFile(join(dir, f))));
}

// Code-point order, not localeCompare: the file must not depend on the machine's collation.
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byText(a, b)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const plans = await readDemoPlans();
  await mkdir(dirname(developmentRealmFile), { recursive: true });
  await writeFile(productionRealmFile, renderRealm(plans, 'production'));
  await writeFile(developmentRealmFile, renderRealm(plans, 'development'));
  console.log(`wrote ${productionRealmFile} and ${developmentRealmFile}`);
}
