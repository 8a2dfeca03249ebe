// The subset of a Keycloak realm representation (the JSON that `kc.sh import` reads) that this provider
// understands. Anything else in the file is ignored here but still matters to a real Keycloak, so the
// schema validates what we read and leaves the rest alone.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** <repo>/infra/keycloak/albero-realm.json: the production realm (no people; imported by docker-compose.yml). */
export const productionRealmFile = fileURLToPath(new URL('../../../infra/keycloak/albero-realm.json', import.meta.url));
/** <repo>/infra/keycloak/development/albero-realm.json: the same realm with the demo chambers' people. */
export const developmentRealmFile = fileURLToPath(new URL('../../../infra/keycloak/development/albero-realm.json', import.meta.url));
/** What this development provider serves unless told otherwise: the development realm. */
export const defaultRealmFile = developmentRealmFile;

// Keycloak stores every mapper and client setting as a string ("true", "String", ...).
const stringMap = z.record(z.string(), z.string()).default({});

const protocolMapperSchema = z.object({
  name: z.string(),
  protocol: z.literal('openid-connect').default('openid-connect'),
  protocolMapper: z.string(),
  config: stringMap,
});

const clientScopeSchema = z.object({
  name: z.string(),
  protocol: z.string().default('openid-connect'),
  attributes: stringMap,
  protocolMappers: z.array(protocolMapperSchema).default([]),
});

const clientSchema = z.object({
  clientId: z.string(),
  enabled: z.boolean().default(true),
  protocol: z.string().default('openid-connect'),
  publicClient: z.boolean().default(false),
  bearerOnly: z.boolean().default(false),
  serviceAccountsEnabled: z.boolean().default(false),
  // A confidential client's secret; `${VAR}` is taken from the environment, as Keycloak does at import.
  secret: z.string().optional(),
  standardFlowEnabled: z.boolean().default(true),
  directAccessGrantsEnabled: z.boolean().default(false),
  redirectUris: z.array(z.string()).default([]),
  webOrigins: z.array(z.string()).default([]),
  attributes: stringMap,
  defaultClientScopes: z.array(z.string()).optional(),
  protocolMappers: z.array(protocolMapperSchema).default([]),
});

const credentialSchema = z.object({
  type: z.string(),
  // Only plain-text values (as in a hand-written import) are supported; an exported hash cannot be checked here.
  value: z.string().optional(),
  temporary: z.boolean().default(false),
});

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  enabled: z.boolean().default(false),
  emailVerified: z.boolean().default(false),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  credentials: z.array(credentialSchema).default([]),
  realmRoles: z.array(z.string()).default([]),
  clientRoles: z.record(z.string(), z.array(z.string())).default({}),
  attributes: z.record(z.string(), z.array(z.string())).default({}),
  requiredActions: z.array(z.string()).default([]),
  /** Set on the user Keycloak creates for a client's service account. */
  serviceAccountClientId: z.string().optional(),
  createdTimestamp: z.number().optional(),
});

const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  alias: z.string(),
  enabled: z.boolean().default(true),
  description: z.string().optional(),
  domains: z.array(z.object({ name: z.string(), verified: z.boolean().default(false) })).default([]),
  attributes: z.record(z.string(), z.array(z.string())).default({}),
  members: z.array(z.object({ username: z.string(), membershipType: z.string().optional() })).default([]),
});

const realmSchema = z.object({
  realm: z.string(),
  enabled: z.boolean().default(true),
  accessTokenLifespan: z.number().int().positive().default(300),
  accessCodeLifespan: z.number().int().positive().default(60),
  accessCodeLifespanLogin: z.number().int().positive().default(1800),
  ssoSessionMaxLifespan: z.number().int().positive().default(36000),
  loginWithEmailAllowed: z.boolean().default(true),
  registrationEmailAsUsername: z.boolean().default(false),
  duplicateEmailsAllowed: z.boolean().default(false),
  passwordPolicy: z.string().optional(),
  actionTokenGeneratedByAdminLifespan: z.number().int().positive().default(43200),
  roles: z
    .object({ realm: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().optional(), composite: z.boolean().default(false) })).default([]) })
    .default({ realm: [] }),
  organizationsEnabled: z.boolean().default(false),
  defaultDefaultClientScopes: z.array(z.string()).default([]),
  clientScopes: z.array(clientScopeSchema).default([]),
  clients: z.array(clientSchema).default([]),
  users: z.array(userSchema).default([]),
  organizations: z.array(organizationSchema).default([]),
});

export type Realm = z.output<typeof realmSchema>;
export type RealmClient = Realm['clients'][number];
export type RealmUser = Realm['users'][number];
export type RealmOrganization = Realm['organizations'][number];
export type ProtocolMapper = z.output<typeof protocolMapperSchema>;

/** Reads and validates a realm import file; throws with the offending path when it is not usable. */
export async function loadRealm(file: string): Promise<Realm> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const parsed = realmSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file} is not a usable realm file:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

/** The enabled organizations the user belongs to, as Keycloak resolves membership (by username). */
export function organizationsOf(realm: Realm, user: RealmUser): RealmOrganization[] {
  if (!realm.organizationsEnabled) return [];
  return realm.organizations.filter((o) => o.enabled && o.members.some((m) => m.username === user.username));
}

/** Keycloak's "+" web origin means "the origins of the valid redirect URIs". */
export function webOriginsOf(client: RealmClient): string[] {
  const origins = new Set<string>();
  for (const entry of client.webOrigins) {
    if (entry !== '+') {
      origins.add(entry);
      continue;
    }
    for (const uri of client.redirectUris) {
      try {
        origins.add(new URL(uri.replace(/\*$/, '')).origin);
      } catch {
        // A relative or malformed redirect URI contributes no origin, as in Keycloak.
      }
    }
  }
  return [...origins];
}

/** Keycloak's redirect URI matching: exact, or a prefix match when the registered value ends with "*". */
export function matchesRedirectUri(registered: readonly string[], candidate: string): boolean {
  return registered.some((pattern) =>
    pattern.endsWith('*') ? candidate.startsWith(pattern.slice(0, -1)) : candidate === pattern,
  );
}
