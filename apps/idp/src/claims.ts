// Keycloak builds token claims by running the protocol mappers of the client and of its default client
// scopes. This module runs the same mappers, read from the realm file, so the realm file (not this code)
// decides the token shape: change a mapper there and both Keycloak and this provider change alike.
import { organizationsOf, webOriginsOf, type ProtocolMapper, type Realm, type RealmClient, type RealmUser } from './realm.js';

/** Which token a claim is for; each maps to Keycloak's per-mapper "add to ..." switch. */
export type TokenKind = 'access' | 'id' | 'userinfo' | 'introspection';

const INCLUDE_IN: Record<TokenKind, string> = {
  access: 'access.token.claim',
  id: 'id.token.claim',
  userinfo: 'userinfo.token.claim',
  introspection: 'introspection.token.claim',
};

export type ClaimSubject = {
  realm: Realm;
  client: RealmClient;
  user: RealmUser;
  /** Seconds since the epoch when the user typed the password (Keycloak's AUTH_TIME session note). */
  authTime?: number | undefined;
};

export type MappedClaims = { claims: Record<string, unknown>; audience: string[] };

type Apply = (subject: ClaimSubject, config: Record<string, string>, out: MappedClaims) => void;

// The mapper types this provider emulates; anything else in the realm file is refused at start-up rather
// than silently dropped, so a token never lacks a claim that the real Keycloak would add.
const MAPPERS: Record<string, Apply> = {
  'oidc-sub-mapper': ({ user }, _config, out) => {
    out.claims.sub = user.id;
  },
  'oidc-usersessionmodel-note-mapper': ({ authTime }, config, out) => {
    if (config['user.session.note'] !== 'AUTH_TIME') throw new Error(`session note ${config['user.session.note']} is not emulated`);
    if (authTime !== undefined) setClaim(out.claims, config, authTime);
  },
  'oidc-usermodel-attribute-mapper': ({ user }, config, out) => setClaim(out.claims, config, userValue(user, config)),
  'oidc-usermodel-property-mapper': ({ user }, config, out) => setClaim(out.claims, config, userValue(user, config)),
  'oidc-full-name-mapper': ({ user }, _config, out) => {
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
    if (name) out.claims.name = name;
  },
  'oidc-usermodel-realm-role-mapper': ({ user }, config, out) => {
    const prefix = config['usermodel.realmRoleMapping.rolePrefix'] ?? '';
    if (user.realmRoles.length > 0) setClaim(out.claims, { 'claim.name': 'realm_access.roles', ...config }, user.realmRoles.map((r) => prefix + r));
  },
  'oidc-usermodel-client-role-mapper': ({ user }, config, out) => {
    const only = config['usermodel.clientRoleMapping.clientId'];
    for (const [clientId, roles] of Object.entries(user.clientRoles)) {
      if ((only && only !== clientId) || roles.length === 0) continue;
      const name = (config['claim.name'] ?? 'resource_access.${client_id}.roles').replace('${client_id}', clientId);
      setClaim(out.claims, { ...config, 'claim.name': name }, roles);
    }
  },
  'oidc-audience-resolve-mapper': ({ user, client }, _config, out) => {
    for (const [clientId, roles] of Object.entries(user.clientRoles)) {
      if (roles.length > 0 && clientId !== client.clientId) addAudience(out, clientId);
    }
  },
  'oidc-audience-mapper': (_subject, config, out) => {
    for (const key of ['included.client.audience', 'included.custom.audience']) {
      const audience = config[key];
      if (audience) addAudience(out, audience);
    }
  },
  'oidc-allowed-origins-mapper': ({ client }, _config, out) => {
    const origins = webOriginsOf(client);
    if (origins.length > 0) out.claims['allowed-origins'] = origins;
  },
  // Keycloak says "1" after a password login and "0" after a silent SSO re-authentication; this provider
  // always asks for the password, so it is always "1".
  'oidc-acr-mapper': (_subject, _config, out) => {
    out.claims.acr = '1';
  },
  'oidc-organization-membership-mapper': ({ realm, user }, config, out) => {
    // The `organization` scope without a value ("any") grants the user's organization when there is exactly
    // one; Keycloak would ask a member of several to pick one at login, which is not emulated.
    const organizations = organizationsOf(realm, user);
    const [organization] = organizations;
    if (organizations.length !== 1 || !organization) return;
    const name = config['claim.name'] ?? 'organization';
    if (config.multivalued === 'false') {
      out.claims[name] = organization.alias;
      return;
    }
    const addId = config.addOrganizationId === 'true';
    const addAttributes = config.addOrganizationAttributes === 'true';
    // Like Keycloak's getEffectiveModel: asking for the id or the attributes forces the JSON shape.
    if (config['jsonType.label'] === 'JSON' || addId || addAttributes) {
      out.claims[name] = {
        [organization.alias]: { ...(addId ? { id: organization.id } : {}), ...(addAttributes ? organization.attributes : {}) },
      };
    } else {
      out.claims[name] = [organization.alias];
    }
  },
};

/** Rejects a realm whose clients use a mapper this provider cannot reproduce. */
export function assertMappersSupported(realm: Realm): void {
  for (const client of realm.clients) {
    for (const mapper of mappersOf(realm, client)) {
      if (!MAPPERS[mapper.protocolMapper]) {
        throw new Error(`client ${client.clientId}: protocol mapper "${mapper.name}" (${mapper.protocolMapper}) is not emulated`);
      }
    }
  }
}

/** The client's default client scopes (or the realm's defaults when the client lists none), as Keycloak resolves them. */
function scopesOf(realm: Realm, client: RealmClient) {
  const names = client.defaultClientScopes ?? realm.defaultDefaultClientScopes;
  return realm.clientScopes.filter((s) => s.protocol === 'openid-connect' && names.includes(s.name));
}

function mappersOf(realm: Realm, client: RealmClient): ProtocolMapper[] {
  return [...scopesOf(realm, client).flatMap((s) => s.protocolMappers), ...client.protocolMappers];
}

/** Runs the client's mappers for one token kind; the audience is returned apart because `aud` is not a plain claim. */
export function mapClaims(subject: ClaimSubject, kind: TokenKind): MappedClaims {
  const out: MappedClaims = { claims: {}, audience: [] };
  for (const mapper of mappersOf(subject.realm, subject.client)) {
    if (mapper.config[INCLUDE_IN[kind]] !== 'true') continue;
    const apply = MAPPERS[mapper.protocolMapper];
    if (!apply) throw new Error(`protocol mapper ${mapper.protocolMapper} is not emulated`);
    apply(subject, mapper.config, out);
  }
  return out;
}

/** Keycloak's `scope` claim: "openid" when asked for, then every default scope marked include.in.token.scope. */
export function tokenScope(realm: Realm, client: RealmClient, requested: string | undefined): string {
  const names = requested?.split(' ').includes('openid') ? ['openid'] : [];
  for (const scope of scopesOf(realm, client)) {
    if (scope.attributes['include.in.token.scope'] !== 'false') names.push(scope.name);
  }
  return names.join(' ');
}

/** Every top-level claim name the realm's mappers can produce (oidc-provider only releases claims it knows). */
export function claimNames(realm: Realm): string[] {
  const fixed: Record<string, string> = {
    'oidc-sub-mapper': 'sub',
    'oidc-full-name-mapper': 'name',
    'oidc-allowed-origins-mapper': 'allowed-origins',
    'oidc-acr-mapper': 'acr',
    'oidc-usermodel-realm-role-mapper': 'realm_access',
    'oidc-usermodel-client-role-mapper': 'resource_access',
    'oidc-organization-membership-mapper': 'organization',
  };
  const names = new Set<string>();
  for (const client of realm.clients) {
    for (const mapper of mappersOf(realm, client)) {
      const claim = mapper.config['claim.name'];
      const name = claim ? claimPath(claim)[0] : fixed[mapper.protocolMapper];
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

function addAudience(out: MappedClaims, audience: string): void {
  if (!out.audience.includes(audience)) out.audience.push(audience);
}

const USER_PROPERTIES = ['id', 'username', 'firstName', 'lastName', 'email', 'emailVerified', 'enabled'] as const;

function userValue(user: RealmUser, config: Record<string, string>): unknown {
  const attribute = config['user.attribute'] ?? '';
  if ((USER_PROPERTIES as readonly string[]).includes(attribute)) return user[attribute as (typeof USER_PROPERTIES)[number]];
  const values = user.attributes[attribute];
  if (!values || values.length === 0) return undefined;
  return config.multivalued === 'true' ? values : values[0];
}

/** "realm_access.roles" is a nested claim; "a\.b" is a claim literally named "a.b", as in Keycloak. */
function claimPath(name: string): string[] {
  return name.split(/(?<!\\)\./).map((part) => part.replaceAll('\\.', '.'));
}

function convert(value: unknown, jsonType: string | undefined): unknown {
  switch (jsonType) {
    case 'boolean':
      return value === true || value === 'true';
    case 'long':
    case 'int':
      return Number(value);
    case 'JSON':
      return typeof value === 'string' ? JSON.parse(value) : value;
    default:
      if (typeof value === 'string' || value === undefined) return value;
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  }
}

function setClaim(claims: Record<string, unknown>, config: Record<string, string>, raw: unknown): void {
  if (raw === undefined || raw === null || raw === '') return;
  const jsonType = config['jsonType.label'];
  const value = Array.isArray(raw) ? raw.map((v) => convert(v, jsonType)) : convert(raw, jsonType);
  const path = claimPath(config['claim.name'] ?? '');
  const last = path.pop();
  if (!last) return;
  let node = claims;
  for (const key of path) {
    const next = node[key];
    node = (typeof next === 'object' && next !== null && !Array.isArray(next) ? next : (node[key] = {})) as Record<string, unknown>;
  }
  const existing = node[last];
  // Two mappers writing one multivalued claim (e.g. roles from two scopes) add up, as in Keycloak.
  node[last] = Array.isArray(existing) && Array.isArray(value) ? [...new Set<unknown>([...(existing as unknown[]), ...(value as unknown[])])] : value;
}
