// Contract of the Admin REST API subset (docs/keycloak-admin-api.md): each request as Albero's API sends it to
// Keycloak 26, with the response shape, status and Location header Keycloak answers (sources cited in the doc),
// against the running provider over HTTP with tokens from its own client credentials grant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type RunningIdentityProvider } from '../src/index.js';
import { decode, passwordGrant, tokensFor } from './support.js';

const SECRET = 'admin-api-test-secret';
let idp: RunningIdentityProvider;
let admin: string;
let base: string;

async function clientCredentials(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${idp.issuer}/protocol/openid-connect/token`, { method: 'POST', headers, body: new URLSearchParams({ grant_type: 'client_credentials', ...fields }) });
}

async function call(method: string, path: string, body?: unknown, token = admin): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const idFromLocation = (response: Response) => response.headers.get('location')!.split('/').pop()!;

beforeAll(async () => {
  idp = await startIdentityProvider({ port: 0, clientSecrets: { 'albero-admin': SECRET } });
  base = `${idp.url.replace('127.0.0.1', 'localhost')}/admin/realms/albero`;
  const response = await clientCredentials({ client_id: 'albero-admin', client_secret: SECRET });
  admin = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(() => idp.stop());

describe('client credentials grant (service account albero-admin)', () => {
  it('issues a Bearer access token for the service-account user with its realm-management roles, and no refresh token', async () => {
    const basic = Buffer.from(`albero-admin:${SECRET}`).toString('base64');
    const response = await clientCredentials({}, { authorization: `Basic ${basic}` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, refresh_expires_in: 0, 'not-before-policy': 0 });
    expect(body.refresh_token).toBeUndefined();
    const { payload } = decode(body.access_token as string);
    expect(payload).toMatchObject({
      iss: idp.issuer,
      typ: 'Bearer',
      azp: 'albero-admin',
      aud: 'realm-management',
      resource_access: { 'realm-management': { roles: ['manage-realm', 'manage-users'] } },
    });
    expect(payload.exp! - payload.iat!).toBe(300);
  });

  it('refuses a wrong secret and a public client with 401 invalid_client', async () => {
    for (const fields of [{ client_id: 'albero-admin', client_secret: 'wrong' }, { client_id: 'albero-web' }] as Record<string, string>[]) {
      const response = await clientCredentials(fields);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' });
    }
  });
});

describe('authentication and realm-management roles (AdminRoot, *Permissions)', () => {
  it('answers 401 without a valid token and 403 to a user without realm-management roles; nothing is created', async () => {
    expect((await call('GET', '/users', undefined, 'not-a-token')).status).toBe(401);
    expect((await fetch(`${base}/users`)).status).toBe(401);
    const person = (await tokensFor(idp.issuer, 'admin.so')).access_token;
    expect((await call('GET', '/users', undefined, person)).status).toBe(403);
    expect((await call('POST', '/users', { username: 'intruder', enabled: true }, person)).status).toBe(403);
    expect((await call('POST', '/organizations', { name: 'Intrusa', alias: 'intr' }, person)).status).toBe(403);
    expect(await (await call('GET', '/users?username=intruder&exact=true')).json()).toEqual([]);
  });
});

describe('users, roles, organizations, invitation, logout', () => {
  let userId: string;
  let orgId: string;

  it('POST /users → 201 with Location /users/{id}; the same username or e-mail again → 409', async () => {
    const created = await call('POST', '/users', { username: 'Mario.Rossi@Camera.IT', email: 'Mario.Rossi@Camera.IT', firstName: 'Mario', lastName: 'Rossi', enabled: true, requiredActions: ['UPDATE_PASSWORD'] });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(new RegExp(`^${base}/users/[0-9a-f-]{36}$`));
    userId = idFromLocation(created);
    const again = await call('POST', '/users', { username: 'mario.rossi@camera.it', enabled: true });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ errorMessage: 'User exists with same username' });
    const sameEmail = await call('POST', '/users', { username: 'other', email: 'mario.rossi@camera.it' });
    expect(sameEmail.status).toBe(409);
    expect(await sameEmail.json()).toEqual({ errorMessage: 'User exists with same email' });
  });

  it('GET /users/{id} → 200 UserRepresentation (lower-cased username and e-mail); unknown id → 404', async () => {
    const response = await call('GET', `/users/${userId}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: userId,
      username: 'mario.rossi@camera.it',
      email: 'mario.rossi@camera.it',
      firstName: 'Mario',
      lastName: 'Rossi',
      emailVerified: false,
      enabled: true,
      createdTimestamp: expect.any(Number),
      totp: false,
      disableableCredentialTypes: [],
      requiredActions: ['UPDATE_PASSWORD'],
      notBefore: 0,
    });
    expect((await call('GET', '/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('GET /users?username=…&exact=true → 200 [UserRepresentation]', async () => {
    const found = (await (await call('GET', '/users?username=mario.rossi%40camera.it&exact=true')).json()) as { id: string }[];
    expect(found.map((u) => u.id)).toEqual([userId]);
    expect(await (await call('GET', '/users?username=mario.rossi&exact=true')).json()).toEqual([]);
  });

  it('GET /roles/{name} → 200 RoleRepresentation; unknown → 404', async () => {
    const response = await call('GET', '/roles/staff');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: expect.any(String), name: 'staff', description: 'Dipendente', composite: false, clientRole: false, containerId: 'albero' });
    expect((await call('GET', '/roles/nobody')).status).toBe(404);
  });

  it('role mappings: POST [role] → 204, GET → the roles, a wrong id → 404 and nothing added, DELETE → 204', async () => {
    const staff = await (await call('GET', '/roles/staff')).json();
    const manager = await (await call('GET', '/roles/manager')).json();
    expect((await call('POST', `/users/${userId}/role-mappings/realm`, [staff])).status).toBe(204);
    expect((await call('POST', `/users/${userId}/role-mappings/realm`, [{ ...(manager as object), id: 'forged' }])).status).toBe(404);
    const mapped = (await (await call('GET', `/users/${userId}/role-mappings/realm`)).json()) as { name: string }[];
    expect(mapped.map((r) => r.name)).toEqual(['staff']);
    expect((await call('POST', `/users/${userId}/role-mappings/realm`, [manager])).status).toBe(204);
    expect((await call('DELETE', `/users/${userId}/role-mappings/realm`, [manager])).status).toBe(204);
    expect(((await (await call('GET', `/users/${userId}/role-mappings/realm`)).json()) as { name: string }[]).map((r) => r.name)).toEqual(['staff']);
  });

  it('organizations: POST → 201 Location /organizations/{id}; same alias → 409; GET by id and search', async () => {
    const created = await call('POST', '/organizations', { name: 'Camera di prova', alias: 'prv', enabled: true, domains: [] });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(new RegExp(`^${base}/organizations/[0-9a-f-]{36}$`));
    orgId = idFromLocation(created);
    expect((await call('POST', '/organizations', { name: 'Altro nome', alias: 'prv' })).status).toBe(409);
    expect(await (await call('GET', `/organizations/${orgId}`)).json()).toEqual({ id: orgId, name: 'Camera di prova', alias: 'prv', enabled: true, attributes: {}, domains: [] });
    const found = (await (await call('GET', '/organizations?search=Camera%20di%20prova&exact=true')).json()) as { alias: string }[];
    expect(found.map((o) => o.alias)).toEqual(['prv']);
    expect((await call('GET', '/organizations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('members: POST "id" → 201 Location; again → 409; unknown user → 400; GET list and member; non-member → 404', async () => {
    const added = await call('POST', `/organizations/${orgId}/members`, JSON.stringify(userId));
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe(`${base}/organizations/${orgId}/members/${userId}`);
    expect((await call('POST', `/organizations/${orgId}/members`, JSON.stringify(userId))).status).toBe(409);
    expect((await call('POST', `/organizations/${orgId}/members`, JSON.stringify('00000000-0000-4000-8000-000000000000'))).status).toBe(400);
    const members = (await (await call('GET', `/organizations/${orgId}/members?max=100`)).json()) as { id: string }[];
    expect(members.map((m) => m.id)).toEqual([userId]);
    expect((await call('GET', `/organizations/${orgId}/members/${userId}`)).status).toBe(200);
    const adminSo = decode((await tokensFor(idp.issuer, 'admin.so')).access_token).payload.sub!;
    expect((await call('GET', `/organizations/${orgId}/members/${adminSo}`)).status).toBe(404);
  });

  it('execute-actions-email → 204; the mail is recorded; the link sets a password under the policy; then the person signs in with the organization claim', async () => {
    expect((await passwordGrant(idp.issuer, { username: 'mario.rossi@camera.it', password: 'x' })).status).toBe(400);
    const sent = await call('PUT', `/users/${userId}/execute-actions-email?lifespan=3600`, ['UPDATE_PASSWORD']);
    expect(sent.status).toBe(204);
    const mail = idp.mails().at(-1)!;
    expect(mail).toMatchObject({ to: 'mario.rossi@camera.it', subject: 'Aggiorna il tuo account', userId, actions: ['UPDATE_PASSWORD'] });
    expect(mail.link).toMatch(/\/realms\/albero\/login-actions\/action-token\?key=/);
    expect(mail.text).toContain(mail.link);
    const listed = (await (await fetch(`${idp.issuer}/development/mails`)).json()) as { link: string }[];
    expect(listed.at(-1)!.link).toBe(mail.link);

    const page = await fetch(mail.link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="password-new"');
    const tooShort = await fetch(mail.link, { method: 'POST', body: new URLSearchParams({ 'password-new': 'corta', 'password-confirm': 'corta' }) });
    expect(await tooShort.text()).toContain('almeno 12 caratteri');
    const ok = await fetch(mail.link, { method: 'POST', body: new URLSearchParams({ 'password-new': 'Una-password-lunga-1', 'password-confirm': 'Una-password-lunga-1' }) });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('La password è stata impostata');
    // One use only.
    expect((await fetch(mail.link)).status).toBe(400);

    const tokens = await tokensFor(idp.issuer, 'mario.rossi@camera.it', { password: 'Una-password-lunga-1' });
    expect(decode(tokens.access_token).payload).toMatchObject({ sub: userId, organization: ['prv'], realm_access: { roles: ['staff'] } });
    const user = (await (await call('GET', `/users/${userId}`)).json()) as { requiredActions: string[]; emailVerified: boolean };
    expect(user).toMatchObject({ requiredActions: [], emailVerified: true });
  });

  it('execute-actions-email of a disabled user or an unknown action → 400', async () => {
    expect((await call('PUT', `/users/${userId}/execute-actions-email`, ['DELETE_EVERYTHING'])).status).toBe(400);
  });

  it('PUT /users/{id} {enabled:false} → 204: the password grant and the refresh token stop working', async () => {
    const tokens = await tokensFor(idp.issuer, 'mario.rossi@camera.it', { password: 'Una-password-lunga-1' });
    expect((await call('PUT', `/users/${userId}`, { enabled: false })).status).toBe(204);
    const refresh = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'albero-web', refresh_token: tokens.refresh_token! }),
    });
    expect(refresh.status).toBe(400);
    expect(((await refresh.json()) as { error: string }).error).toBe('invalid_grant');
    expect((await passwordGrant(idp.issuer, { username: 'mario.rossi@camera.it', password: 'Una-password-lunga-1' })).status).toBe(400);
    expect((await call('PUT', `/users/${userId}/execute-actions-email`, ['UPDATE_PASSWORD'])).status).toBe(400);
    expect((await call('PUT', `/users/${userId}`, { enabled: true })).status).toBe(204);
  });

  it('POST /users/{id}/logout → 204: the refresh tokens of every session stop working', async () => {
    const tokens = await tokensFor(idp.issuer, 'mario.rossi@camera.it', { password: 'Una-password-lunga-1' });
    expect((await call('POST', `/users/${userId}/logout`)).status).toBe(204);
    const refresh = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'albero-web', refresh_token: tokens.refresh_token! }),
    });
    expect(refresh.status).toBe(400);
  });

  it('DELETE /organizations/{id}/members/{userId} → 204; the organization claim is gone; again → 404', async () => {
    expect((await call('DELETE', `/organizations/${orgId}/members/${userId}`)).status).toBe(204);
    expect((await call('DELETE', `/organizations/${orgId}/members/${userId}`)).status).toBe(404);
    const tokens = await tokensFor(idp.issuer, 'mario.rossi@camera.it', { password: 'Una-password-lunga-1' });
    expect(decode(tokens.access_token).payload.organization).toBeUndefined();
  });
});

describe('logout ends the refresh token (Keycloak\'s POST /logout with refresh_token)', () => {
  it('answers 204, after which the refresh token is refused; an unknown one is 400 invalid_grant', async () => {
    const tokens = await tokensFor(idp.issuer, 'staff.so');
    const logout = await fetch(`${idp.issuer}/protocol/openid-connect/logout`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'albero-web', refresh_token: tokens.refresh_token! }),
    });
    expect(logout.status).toBe(204);
    const refresh = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'albero-web', refresh_token: tokens.refresh_token! }),
    });
    expect(refresh.status).toBe(400);
    const again = await fetch(`${idp.issuer}/protocol/openid-connect/logout`, { method: 'POST', body: new URLSearchParams({ client_id: 'albero-web', refresh_token: tokens.refresh_token! }) });
    expect(again.status).toBe(400);
  });

  it('keeps access tokens at 5 minutes or less', async () => {
    const tokens = await tokensFor(idp.issuer, 'staff.so');
    const { payload } = decode(tokens.access_token);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
    expect(tokens.expires_in).toBeLessThanOrEqual(300);
  });
});
