// The subset of Keycloak 26's Admin REST API that Albero uses (docs/keycloak-admin-api.md): users, realm role
// mappings, roles by name, organizations and their members, the execute-actions e-mail and the user logout, at
// Keycloak's paths (/admin/realms/<realm>/...), with its payloads, status codes, Location headers and the same
// realm-management role checks. Users and organizations live in the realm held in memory, so a person created
// here signs in (once they have set a password from the invitation link) like one from the realm file.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import type { Realm, RealmOrganization, RealmUser } from './realm.js';

/** An e-mail the provider would have sent (execute-actions); kept for tests and development. */
export type SentMail = {
  to: string;
  subject: string;
  text: string;
  /** The action link the person follows to set their password. */
  link: string;
  userId: string;
  actions: string[];
  sentAt: string;
};

export type AdminApiDependencies = {
  realm: Realm;
  usersById: Map<string, RealmUser>;
  /** Verifies an access token of this realm (signature, issuer, expiry); rejects otherwise. */
  verifyAccessToken(token: string): Promise<JWTPayload>;
  /** Ends every session of the user and revokes their refresh tokens. */
  revokeUserSessions(userId: string): Promise<void>;
  /** The action-token link of an execute-actions e-mail. */
  actionLink(user: RealmUser, actions: string[], lifespanSeconds: number, origin: string, redirect: { clientId?: string; redirectUri?: string }): string;
  mails: SentMail[];
};

// Keycloak's required actions that an execute-actions e-mail may ask for (the ones this provider can perform).
const SUPPORTED_ACTIONS = new Set(['UPDATE_PASSWORD']);
const ACTION_NAMES: Record<string, string> = { UPDATE_PASSWORD: 'Aggiorna la password' };

type Permission = 'view-users' | 'query-users' | 'manage-users' | 'view-realm' | 'manage-realm';

// Keycloak's admin roles imply one another (AdminRoles / UserPermissions / RealmPermissions): manage-users can
// view and query users, view-users can query them, manage-realm can view the realm; realm-admin holds them all.
const GRANTED_BY: Record<Permission, string[]> = {
  'query-users': ['query-users', 'view-users', 'manage-users', 'realm-admin'],
  'view-users': ['view-users', 'manage-users', 'realm-admin'],
  'manage-users': ['manage-users', 'realm-admin'],
  'view-realm': ['view-realm', 'manage-realm', 'realm-admin'],
  'manage-realm': ['manage-realm', 'realm-admin'],
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(`Keycloak admin error ${status}: ${JSON.stringify(body)}`);
  }
}

const notFound = (what: string) => new HttpError(404, { error: what });
const badRequest = (message: string) => new HttpError(400, { errorMessage: message });
const conflict = (message: string) => new HttpError(409, { errorMessage: message });

export class AdminApi {
  constructor(private readonly deps: AdminApiDependencies) {}

  private get realm(): Realm {
    return this.deps.realm;
  }

  /** Handles /admin/realms/<realm><path>. */
  async handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    try {
      const caller = await this.authenticate(req);
      const origin = `${url.protocol}//${req.headers.host ?? url.host}`;
      const base = `${origin}/admin/realms/${this.realm.realm}`;
      await this.route(req, res, path, url, caller, base, origin);
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, error.body);
      throw error;
    }
  }

  // --- authentication and Keycloak's admin role checks ------------------------------------------------------

  /** Like AdminRoot: a bearer token of this realm from an enabled user, else 401. */
  private async authenticate(req: IncomingMessage): Promise<RealmUser> {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) throw new HttpError(401, { error: 'HTTP 401 Unauthorized' });
    let payload: JWTPayload;
    try {
      payload = await this.deps.verifyAccessToken(token);
    } catch {
      throw new HttpError(401, { error: 'HTTP 401 Unauthorized' });
    }
    const user = typeof payload.sub === 'string' ? this.deps.usersById.get(payload.sub) : undefined;
    if (payload.typ !== 'Bearer' || !user || !user.enabled) throw new HttpError(401, { error: 'HTTP 401 Unauthorized' });
    return user;
  }

  /** The caller's current realm-management roles decide (Keycloak reads the role mappings, not the token's claims). */
  private require(caller: RealmUser, permission: Permission): void {
    const held = caller.clientRoles['realm-management'] ?? [];
    if (!GRANTED_BY[permission].some((role) => held.includes(role))) throw new HttpError(403, { error: 'HTTP 403 Forbidden' });
  }

  // --- routing ----------------------------------------------------------------------------------------------

  private async route(req: IncomingMessage, res: ServerResponse, path: string, url: URL, caller: RealmUser, base: string, origin: string): Promise<void> {
    const method = req.method ?? 'GET';
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    const [collection, id, sub, subId, extra] = segments;
    const q = url.searchParams;

    if (collection === 'users') {
      if (id === undefined) {
        if (method === 'GET') {
          this.require(caller, 'query-users');
          return sendJson(res, 200, this.searchUsers(q).map((u) => this.userRepresentation(u, q.get('briefRepresentation') === 'true')));
        }
        if (method === 'POST') {
          this.require(caller, 'manage-users');
          const user = this.createUser(await readJson(req));
          res.setHeader('Location', `${base}/users/${user.id}`);
          return sendEmpty(res, 201);
        }
        return methodNotAllowed(res);
      }
      // UsersResource.user: an unknown id is 404 for a caller who may query users, 403 otherwise.
      const user = this.deps.usersById.get(id);
      if (!user) {
        this.require(caller, 'query-users');
        throw notFound('User not found');
      }
      if (sub === undefined) {
        if (method === 'GET') {
          this.require(caller, 'view-users');
          return sendJson(res, 200, this.userRepresentation(user, false));
        }
        if (method === 'PUT') {
          this.require(caller, 'manage-users');
          this.updateUser(user, await readJson(req));
          return sendEmpty(res, 204);
        }
        if (method === 'DELETE') {
          this.require(caller, 'manage-users');
          await this.deleteUser(user);
          return sendEmpty(res, 204);
        }
        return methodNotAllowed(res);
      }
      if (sub === 'role-mappings' && subId === 'realm' && extra === undefined) {
        if (method === 'GET') {
          this.require(caller, 'view-users');
          return sendJson(res, 200, user.realmRoles.flatMap((name) => this.roleRepresentation(name) ?? []));
        }
        if (method === 'POST' || method === 'DELETE') {
          this.require(caller, 'manage-users');
          const roles = this.rolesOf(await readJson(req), method === 'POST');
          if (method === 'POST') user.realmRoles = [...new Set([...user.realmRoles, ...roles])].sort();
          else user.realmRoles = user.realmRoles.filter((r) => !roles.includes(r));
          return sendEmpty(res, 204);
        }
        return methodNotAllowed(res);
      }
      if (sub === 'execute-actions-email' && subId === undefined) {
        if (method !== 'PUT') return methodNotAllowed(res);
        this.require(caller, 'manage-users');
        this.executeActionsEmail(user, await readJson(req), q, origin);
        return sendEmpty(res, 204);
      }
      if (sub === 'logout' && subId === undefined) {
        if (method !== 'POST') return methodNotAllowed(res);
        this.require(caller, 'manage-users');
        await this.deps.revokeUserSessions(user.id);
        return sendEmpty(res, 204);
      }
      throw notFound('HTTP 404 Not Found');
    }

    if (collection === 'roles' && id !== undefined && sub === undefined) {
      if (method !== 'GET') return methodNotAllowed(res);
      this.require(caller, 'view-realm');
      const role = this.roleRepresentation(id);
      if (!role) throw notFound('Could not find role');
      return sendJson(res, 200, role);
    }

    if (collection === 'organizations') {
      // OrganizationsResource: every organization endpoint requires manage-realm.
      this.require(caller, 'manage-realm');
      if (!this.realm.organizationsEnabled) throw badRequest('Organizations not enabled for this realm.');
      if (id === undefined) {
        if (method === 'GET') return sendJson(res, 200, this.searchOrganizations(q).map(organizationRepresentation));
        if (method === 'POST') {
          const organization = this.createOrganization(await readJson(req));
          res.setHeader('Location', `${base}/organizations/${organization.id}`);
          return sendEmpty(res, 201);
        }
        return methodNotAllowed(res);
      }
      const organization = this.realm.organizations.find((o) => o.id === id);
      if (!organization) throw notFound('Organization not found.');
      if (sub === undefined) {
        if (method === 'GET') return sendJson(res, 200, organizationRepresentation(organization));
        return methodNotAllowed(res);
      }
      if (sub === 'members') {
        if (subId === undefined) {
          if (method === 'GET') return sendJson(res, 200, this.members(organization, q).map((u) => this.userRepresentation(u, false)));
          if (method === 'POST') {
            const userId = (await readText(req)).trim().replace(/^"(.*)"$/, '$1');
            const member = this.deps.usersById.get(userId);
            if (!member) throw badRequest('User does not exist');
            if (organization.members.some((m) => m.username === member.username)) throw conflict('User is already a member of the organization.');
            organization.members.push({ username: member.username, membershipType: 'UNMANAGED' });
            res.setHeader('Location', `${base}/organizations/${organization.id}/members/${member.id}`);
            return sendEmpty(res, 201);
          }
          return methodNotAllowed(res);
        }
        if (extra !== undefined) throw notFound('HTTP 404 Not Found');
        const member = this.deps.usersById.get(subId);
        const isMember = member !== undefined && organization.members.some((m) => m.username === member.username);
        if (!member || !isMember) throw notFound('HTTP 404 Not Found');
        if (method === 'GET') return sendJson(res, 200, this.userRepresentation(member, false));
        if (method === 'DELETE') {
          organization.members = organization.members.filter((m) => m.username !== member.username);
          return sendEmpty(res, 204);
        }
        return methodNotAllowed(res);
      }
    }
    throw notFound('HTTP 404 Not Found');
  }

  // --- users ------------------------------------------------------------------------------------------------

  private searchUsers(q: URLSearchParams): RealmUser[] {
    const first = Math.max(0, Number(q.get('first') ?? 0) || 0);
    const max = Number(q.get('max') ?? 100) || 100;
    const exact = q.get('exact') === 'true';
    const matches = (value: string | undefined, wanted: string) =>
      value !== undefined && (exact ? value.toLowerCase() === wanted.toLowerCase() : value.toLowerCase().includes(wanted.toLowerCase()));
    const search = q.get('search');
    const filters = (['username', 'email', 'firstName', 'lastName'] as const).flatMap((field) => {
      const wanted = q.get(field);
      return wanted === null ? [] : [[field, wanted] as const];
    });
    let users = this.realm.users;
    if (search !== null) {
      const term = search.trim().replace(/^\*|\*$/g, '');
      users = users.filter((u) => !u.serviceAccountClientId && [u.username, u.email, u.firstName, u.lastName].some((v) => v !== undefined && v.toLowerCase().includes(term.toLowerCase())));
    } else if (filters.length > 0) {
      // Attribute searches include service accounts (UsersResource.searchForUser(..., includeServiceAccounts: true)).
      users = users.filter((u) => filters.every(([field, wanted]) => matches(u[field], wanted)));
    } else {
      users = users.filter((u) => !u.serviceAccountClientId);
    }
    return [...users].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0)).slice(first, first + max);
  }

  private createUser(body: unknown): RealmUser {
    const rep = asObject(body);
    const username = str(rep.username)?.trim().toLowerCase() || (this.realm.registrationEmailAsUsername ? str(rep.email)?.trim().toLowerCase() : undefined);
    if (!username) throw badRequest('User name is missing');
    const email = str(rep.email)?.trim().toLowerCase() || undefined;
    if (this.realm.users.some((u) => u.username === username)) throw conflict('User exists with same username');
    if (email && !this.realm.duplicateEmailsAllowed && this.realm.users.some((u) => u.email?.toLowerCase() === email)) throw conflict('User exists with same email');
    const requiredActions = Array.isArray(rep.requiredActions) ? rep.requiredActions.filter((a): a is string => typeof a === 'string') : [];
    const user: RealmUser = {
      id: randomUUID(),
      username,
      enabled: rep.enabled === true,
      emailVerified: rep.emailVerified === true,
      firstName: str(rep.firstName),
      lastName: str(rep.lastName),
      email,
      credentials: [],
      realmRoles: [],
      clientRoles: {},
      attributes: {},
      requiredActions,
      createdTimestamp: Date.now(),
    };
    this.realm.users.push(user);
    this.deps.usersById.set(user.id, user);
    return user;
  }

  /** PUT /users/{id}: the fields present are changed, the others kept (UserResource.updateUserFromRep). */
  private updateUser(user: RealmUser, body: unknown): void {
    const rep = asObject(body);
    if (rep.username !== undefined && str(rep.username)?.toLowerCase() !== user.username) throw badRequest('error-user-attribute-read-only');
    const email = rep.email === undefined ? undefined : str(rep.email)?.trim().toLowerCase() ?? '';
    if (email && email !== user.email && !this.realm.duplicateEmailsAllowed && this.realm.users.some((u) => u !== user && u.email?.toLowerCase() === email)) {
      throw conflict('User exists with same email');
    }
    if (typeof rep.enabled === 'boolean') user.enabled = rep.enabled;
    if (typeof rep.emailVerified === 'boolean') user.emailVerified = rep.emailVerified;
    if (rep.firstName !== undefined) user.firstName = str(rep.firstName);
    if (rep.lastName !== undefined) user.lastName = str(rep.lastName);
    if (email !== undefined) user.email = email || undefined;
    if (Array.isArray(rep.requiredActions)) user.requiredActions = rep.requiredActions.filter((a): a is string => typeof a === 'string');
  }

  private async deleteUser(user: RealmUser): Promise<void> {
    await this.deps.revokeUserSessions(user.id);
    this.realm.users.splice(this.realm.users.indexOf(user), 1);
    this.deps.usersById.delete(user.id);
    for (const organization of this.realm.organizations) organization.members = organization.members.filter((m) => m.username !== user.username);
  }

  userRepresentation(user: RealmUser, brief: boolean): Record<string, unknown> {
    const rep: Record<string, unknown> = {
      id: user.id,
      username: user.username,
      ...(user.firstName !== undefined ? { firstName: user.firstName } : {}),
      ...(user.lastName !== undefined ? { lastName: user.lastName } : {}),
      ...(user.email !== undefined ? { email: user.email } : {}),
      emailVerified: user.emailVerified,
      createdTimestamp: user.createdTimestamp ?? 0,
      enabled: user.enabled,
    };
    if (brief) return rep;
    return {
      ...rep,
      ...(user.serviceAccountClientId ? { serviceAccountClientId: user.serviceAccountClientId } : {}),
      totp: false,
      disableableCredentialTypes: [],
      requiredActions: user.requiredActions,
      notBefore: 0,
    };
  }

  // --- roles ------------------------------------------------------------------------------------------------

  roleRepresentation(name: string): Record<string, unknown> | undefined {
    const role = this.realm.roles.realm.find((r) => r.name === name);
    if (!role) return undefined;
    return { id: role.id, name: role.name, ...(role.description ? { description: role.description } : {}), composite: role.composite, clientRole: false, containerId: this.realm.realm };
  }

  /** RoleMapperResource: each role named must exist with that id (adding); an unknown one is 404 and nothing changes. */
  private rolesOf(body: unknown, checkIds: boolean): string[] {
    if (!Array.isArray(body)) throw badRequest('Invalid role representation');
    const names: string[] = [];
    for (const entry of body) {
      const rep = asObject(entry);
      const role = this.realm.roles.realm.find((r) => r.name === rep.name);
      if (!role || (checkIds && role.id !== rep.id)) throw notFound('Role not found');
      names.push(role.name);
    }
    return names;
  }

  // --- execute-actions e-mail -------------------------------------------------------------------------------

  private executeActionsEmail(user: RealmUser, body: unknown, q: URLSearchParams, origin: string): void {
    const actions = Array.isArray(body) ? body.filter((a): a is string => typeof a === 'string') : [];
    if (!user.email) throw badRequest('User email missing');
    if (!user.enabled) throw badRequest('User is disabled');
    const redirectUri = q.get('redirect_uri') ?? undefined;
    const clientId = q.get('client_id') ?? undefined;
    if (redirectUri !== undefined && clientId === undefined) throw badRequest('Client id missing');
    if (actions.some((a) => !SUPPORTED_ACTIONS.has(a))) throw badRequest('Provided invalid required actions');
    const lifespan = Number(q.get('lifespan')) || this.realm.actionTokenGeneratedByAdminLifespan;
    const link = this.deps.actionLink(user, actions, lifespan, origin, { clientId, redirectUri });
    const hours = Math.round(lifespan / 3600);
    const validity = hours >= 1 ? `${hours} ${hours === 1 ? 'ora' : 'ore'}` : `${Math.round(lifespan / 60)} minuti`;
    this.deps.mails.push({
      to: user.email,
      subject: 'Aggiorna il tuo account',
      text: [
        `L'amministratore di Albero ha richiesto di aggiornare il tuo account eseguendo le seguenti azioni: ${actions.map((a) => ACTION_NAMES[a] ?? a).join(', ')}.`,
        'Clicca sul link seguente per iniziare:',
        link,
        `Il link scade tra ${validity}.`,
        'Se non sei a conoscenza di questa richiesta, ignora questo messaggio e nessuna modifica sarà apportata al tuo account.',
      ].join('\n\n'),
      link,
      userId: user.id,
      actions,
      sentAt: new Date().toISOString(),
    });
  }

  // --- organizations ----------------------------------------------------------------------------------------

  private searchOrganizations(q: URLSearchParams): RealmOrganization[] {
    const search = q.get('search')?.trim().toLowerCase();
    const exact = q.get('exact') === 'true';
    const first = Math.max(0, Number(q.get('first') ?? 0) || 0);
    const max = Number(q.get('max') ?? 10) || 10;
    const hit = (value: string) => (exact ? value.toLowerCase() === search : value.toLowerCase().includes(search ?? ''));
    const found = search ? this.realm.organizations.filter((o) => hit(o.name) || o.domains.some((d) => hit(d.name))) : this.realm.organizations;
    return [...found].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(first, first + max);
  }

  private createOrganization(body: unknown): RealmOrganization {
    const rep = asObject(body);
    const name = str(rep.name)?.trim();
    if (!name) throw badRequest('Name cannot be empty');
    const alias = str(rep.alias)?.trim() || name;
    if (this.realm.organizations.some((o) => o.name === name)) throw conflict('A organization with the same name already exists.');
    if (this.realm.organizations.some((o) => o.alias === alias)) throw conflict('A organization with the same alias already exists');
    const domains = Array.isArray(rep.domains)
      ? rep.domains.flatMap((d) => {
          const domain = asObject(d);
          const domainName = str(domain.name)?.trim();
          return domainName ? [{ name: domainName, verified: domain.verified === true }] : [];
        })
      : [];
    const organization: RealmOrganization = {
      id: randomUUID(),
      name,
      alias,
      enabled: rep.enabled !== false,
      description: str(rep.description),
      domains,
      attributes: {},
      members: [],
    };
    this.realm.organizations.push(organization);
    return organization;
  }

  private members(organization: RealmOrganization, q: URLSearchParams): RealmUser[] {
    const search = q.get('search')?.trim().toLowerCase();
    const exact = q.get('exact') === 'true';
    const first = Math.max(0, Number(q.get('first') ?? 0) || 0);
    const max = Number(q.get('max') ?? 10) || 10;
    const hit = (value: string | undefined) => value !== undefined && (exact ? value.toLowerCase() === search : value.toLowerCase().includes(search ?? ''));
    return organization.members
      .flatMap((m) => this.realm.users.find((u) => u.username === m.username) ?? [])
      .filter((u) => !search || [u.username, u.email, u.firstName, u.lastName].some(hit))
      .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
      .slice(first, first + max);
  }
}

function organizationRepresentation(o: RealmOrganization): Record<string, unknown> {
  return {
    id: o.id,
    name: o.name,
    alias: o.alias,
    enabled: o.enabled,
    ...(o.description !== undefined ? { description: o.description } : {}),
    attributes: o.attributes,
    domains: o.domains,
  };
}

function asObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw badRequest('Invalid representation');
  return value as Record<string, unknown>;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function readText(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > limit) throw new HttpError(413, { error: 'Request Entity Too Large' });
  }
  return body;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readText(req);
  try {
    return text.trim() === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    throw badRequest('Invalid JSON');
  }
}

function methodNotAllowed(res: ServerResponse): void {
  sendJson(res, 405, { error: 'HTTP 405 Method Not Allowed' });
}

function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Cache-Control': 'no-store' }).end();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}
