// The API's client of Keycloak's Admin REST API (docs/keycloak-admin-api.md): the few calls Albero makes to
// administer people and chambers, authenticated as the service account of the confidential client
// `albero-admin` (client credentials; secret from the environment). Plain fetch, no SDK: see
// docs/decisions/0016-keycloak-admin-client.md. Every status code handled here is Keycloak 26's, cited there.
import { IdentityProviderUnavailableError } from '../errors.js';

export type KeycloakAdminOptions = {
  /** Where the API reaches Keycloak, e.g. http://keycloak:8080. */
  keycloakUrl: string;
  realm: string;
  clientId: string;
  clientSecret: string;
  /** Milliseconds before a call to Keycloak is given up (then IDENTITY_PROVIDER_UNAVAILABLE). */
  timeoutMs?: number;
};

export type KeycloakUser = {
  id: string;
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled: boolean;
  emailVerified?: boolean;
  requiredActions?: string[];
  createdTimestamp?: number;
};

export type KeycloakRole = { id: string; name: string; description?: string; composite?: boolean; clientRole?: boolean; containerId?: string };
export type KeycloakOrganization = { id: string; name: string; alias: string; enabled: boolean };

/** An answer of Keycloak that the caller may act on (404, 409, 400); anything else is IdentityProviderUnavailableError. */
export class KeycloakAdminError extends Error {
  override readonly name = 'KeycloakAdminError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly call: string,
  ) {
    super(`Keycloak admin ${call}: ${status} ${JSON.stringify(body)}`);
  }
}

export type KeycloakAdmin = ReturnType<typeof createKeycloakAdmin>;

export function createKeycloakAdmin(options: KeycloakAdminOptions) {
  const base = options.keycloakUrl.replace(/\/+$/, '');
  const admin = `${base}/admin/realms/${encodeURIComponent(options.realm)}`;
  const timeoutMs = options.timeoutMs ?? 5000;
  let token: { value: string; expiresAt: number } | undefined;

  async function send(url: string, init: RequestInit, call: string): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      throw new IdentityProviderUnavailableError({ cause, call });
    }
  }

  /** The service account's access token, reused until 30 s before it expires. */
  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 30_000) return token.value;
    const basic = Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64');
    const response = await send(
      `${base}/realms/${encodeURIComponent(options.realm)}/protocol/openid-connect/token`,
      { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' },
      'token',
    );
    if (response.status !== 200) throw new IdentityProviderUnavailableError({ cause: new Error(`client credentials: ${response.status} ${await response.text()}`), call: 'token' });
    const body = (await response.json()) as { access_token: string; expires_in: number };
    token = { value: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
    return token.value;
  }

  /**
   * One admin call. `expect` lists the statuses that mean success; `known` the ones the caller handles
   * (thrown as KeycloakAdminError); any other (401/403: the service account lacks a role; 5xx) means the
   * identity provider cannot serve the request.
   */
  async function request(method: string, path: string, call: string, expect: number[], known: number[] = [], body?: unknown): Promise<Response> {
    const init = (bearer: string): RequestInit => ({
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    let response = await send(`${admin}${path}`, init(await accessToken()), call);
    if (response.status === 401) {
      // The token may have been revoked or the provider restarted: one new token, one retry.
      token = undefined;
      response = await send(`${admin}${path}`, init(await accessToken()), call);
    }
    if (expect.includes(response.status)) return response;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Keep the text.
    }
    if (known.includes(response.status)) throw new KeycloakAdminError(response.status, parsed, call);
    throw new IdentityProviderUnavailableError({ cause: new KeycloakAdminError(response.status, parsed, call), call });
  }

  const idFromLocation = (response: Response, call: string): string => {
    const id = response.headers.get('location')?.split('/').pop();
    if (!id) throw new IdentityProviderUnavailableError({ cause: new Error(`${call}: 201 without Location`), call });
    return id;
  };

  const json = async <T>(response: Response) => (await response.json()) as T;
  const id = encodeURIComponent;

  return {
    /** POST /users → 201 Location; 409 when the username or e-mail is taken. */
    async createUser(user: { username: string; email: string; firstName: string; lastName: string; enabled: boolean; requiredActions: string[] }): Promise<string> {
      return idFromLocation(await request('POST', '/users', 'create user', [201], [409], user), 'create user');
    },
    /** GET /users?username=…&exact=true */
    async findUserByUsername(username: string): Promise<KeycloakUser | undefined> {
      const users = await json<KeycloakUser[]>(await request('GET', `/users?username=${id(username)}&exact=true`, 'find user', [200]));
      return users.find((u) => u.username === username.toLowerCase());
    },
    /** GET /users/{id} → 200; 404 unknown. */
    async getUser(userId: string): Promise<KeycloakUser> {
      return json<KeycloakUser>(await request('GET', `/users/${id(userId)}`, 'get user', [200], [404]));
    },
    /** PUT /users/{id} → 204. */
    async updateUser(userId: string, changes: Partial<KeycloakUser>): Promise<void> {
      await request('PUT', `/users/${id(userId)}`, 'update user', [204], [404, 409], changes);
    },
    /** DELETE /users/{id} → 204 (undoing an invitation that failed half-way). */
    async deleteUser(userId: string): Promise<void> {
      await request('DELETE', `/users/${id(userId)}`, 'delete user', [204], [404]);
    },
    /** GET /roles/{name} → 200; 404 unknown. */
    async getRealmRole(name: string): Promise<KeycloakRole> {
      return json<KeycloakRole>(await request('GET', `/roles/${id(name)}`, 'get role', [200], [404]));
    },
    /** GET /users/{id}/role-mappings/realm → 200 (the user's direct realm roles). */
    async realmRolesOf(userId: string): Promise<string[]> {
      return (await json<KeycloakRole[]>(await request('GET', `/users/${id(userId)}/role-mappings/realm`, 'get role mappings', [200], [404]))).map((r) => r.name);
    },
    /** POST /users/{id}/role-mappings/realm [roles] → 204. */
    async addRealmRoles(userId: string, roles: KeycloakRole[]): Promise<void> {
      await request('POST', `/users/${id(userId)}/role-mappings/realm`, 'add role mappings', [204], [404], roles);
    },
    /** DELETE /users/{id}/role-mappings/realm [roles] → 204. */
    async removeRealmRoles(userId: string, roles: KeycloakRole[]): Promise<void> {
      await request('DELETE', `/users/${id(userId)}/role-mappings/realm`, 'remove role mappings', [204], [404], roles);
    },
    /** PUT /users/{id}/execute-actions-email [actions] → 204; 400 (no e-mail, disabled). */
    async executeActionsEmail(userId: string, actions: string[], redirect?: { clientId: string; redirectUri: string }): Promise<void> {
      const query = redirect ? `?client_id=${id(redirect.clientId)}&redirect_uri=${id(redirect.redirectUri)}` : '';
      await request('PUT', `/users/${id(userId)}/execute-actions-email${query}`, 'execute actions e-mail', [204], [400, 404], actions);
    },
    /** POST /users/{id}/logout → 204: every session of the user ends. */
    async logoutUser(userId: string): Promise<void> {
      await request('POST', `/users/${id(userId)}/logout`, 'log out user', [204], [404]);
    },
    /** POST /organizations → 201 Location; 409 when the name or alias is taken. */
    async createOrganization(organization: { name: string; alias: string; description?: string }): Promise<string> {
      return idFromLocation(await request('POST', '/organizations', 'create organization', [201], [409], { ...organization, enabled: true, domains: [] }), 'create organization');
    },
    /** The organization with this alias (GET /organizations pages through every one: Keycloak searches names and domains, not aliases). */
    async findOrganizationByAlias(alias: string): Promise<KeycloakOrganization | undefined> {
      for (let first = 0; ; first += 100) {
        const page = await json<KeycloakOrganization[]>(await request('GET', `/organizations?first=${first}&max=100`, 'list organizations', [200]));
        const found = page.find((o) => o.alias === alias);
        if (found || page.length < 100) return found;
      }
    },
    /** POST /organizations/{id}/members "userId" → 201; 409 already a member. */
    async addMember(organizationId: string, userId: string): Promise<void> {
      await request('POST', `/organizations/${id(organizationId)}/members`, 'add member', [201], [400, 404, 409], JSON.stringify(userId));
    },
    /** GET /organizations/{id}/members/{userId} → 200 when a member, 404 otherwise. */
    async isMember(organizationId: string, userId: string): Promise<boolean> {
      try {
        await request('GET', `/organizations/${id(organizationId)}/members/${id(userId)}`, 'get member', [200], [404]);
        return true;
      } catch (error) {
        if (error instanceof KeycloakAdminError && error.status === 404) return false;
        throw error;
      }
    },
    /** GET /organizations/{id}/members, every page. */
    async members(organizationId: string): Promise<KeycloakUser[]> {
      const all: KeycloakUser[] = [];
      for (let first = 0; ; first += 100) {
        const page = await json<KeycloakUser[]>(await request('GET', `/organizations/${id(organizationId)}/members?first=${first}&max=100`, 'list members', [200], [404]));
        all.push(...page);
        if (page.length < 100) return all;
      }
    },
  };
}
