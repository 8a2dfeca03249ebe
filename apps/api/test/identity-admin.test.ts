// Administration of people's logins through Keycloak's Admin REST API (issue 10): the API talks to the real
// development identity provider over HTTP as the service account albero-admin, and the tests read the provider's
// state back through the same Admin REST API (and its recorded e-mails) to prove what changed — and, after every
// refused attempt, that nothing did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeycloakVerifier } from '../src/auth/keycloak.js';
import { createKeycloakAdmin, type KeycloakAdmin } from '../src/auth/keycloak-admin.js';
import { createApi } from '../src/server.js';
import { ADMIN_SECRET, codes, demo, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let keycloak: KeycloakAdmin;

const sub = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string }).sub;
const idOf = async (username: string) => sub(await stack.token(username));

async function passwordGrant(username: string, password: string) {
  return fetch(`${stack.idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'albero-web', username, password, scope: 'openid' }),
  });
}

async function refresh(refreshToken: string) {
  return fetch(`${stack.idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'albero-web', refresh_token: refreshToken }),
  });
}

/** Follows the invitation link of the last e-mail to `email` and sets the password. */
async function acceptInvitation(email: string, password: string) {
  const mail = stack.idp.mails().filter((m) => m.to === email).at(-1);
  if (!mail) throw new Error(`no e-mail to ${email}`);
  const response = await fetch(mail.link, { method: 'POST', body: new URLSearchParams({ 'password-new': password, 'password-confirm': password }) });
  expect(await response.text()).toContain('La password è stata impostata');
}

/** What Keycloak holds about a user: enabled, realm roles, organizations that list them. */
async function keycloakState(userId: string) {
  const user = await keycloak.getUser(userId);
  return { enabled: user.enabled, roles: (await keycloak.realmRolesOf(userId)).sort(), requiredActions: user.requiredActions };
}

beforeAll(async () => {
  stack = await startStack({ plans: demo('so-2024', 'mt-2023') });
  keycloak = createKeycloakAdmin({ keycloakUrl: stack.idp.issuer.replace(/\/realms\/albero$/, ''), realm: 'albero', clientId: 'albero-admin', clientSecret: ADMIN_SECRET });
});
afterAll(() => stack?.stop());

const INVITE = `mutation($p: InviteeInput!, $r: [String!]!) { inviteLogin(person: $p, roles: $r) { id username email firstName lastName enabled invitationPending roles personId } }`;
const LOGINS = `{ chamberLogins { id username enabled invitationPending roles personId } }`;

describe('subscribing a chamber with its first administrator (platform operator)', () => {
  it('creates the organization (alias = code in lower case), the login with chamber-admin and the invitation; the person signs in and administers', async () => {
    const r = await stack.gql<{ subscribeChamber: { code: string } }>(
      `mutation { subscribeChamber(code: "TV", name: "Camera di commercio di Treviso", firstAdministrator: { email: "Segreteria@TV.camcom.it", firstName: "Giulia", lastName: "Verdi" }) { code } }`,
      {},
      { as: 'platform' },
    );
    expect(r.errors).toBeUndefined();
    const organization = await keycloak.findOrganizationByAlias('tv');
    expect(organization).toMatchObject({ name: 'Camera di commercio di Treviso', alias: 'tv', enabled: true });
    const user = (await keycloak.findUserByUsername('segreteria@tv.camcom.it'))!;
    expect(await keycloak.isMember(organization!.id, user.id)).toBe(true);
    expect(await keycloakState(user.id)).toEqual({ enabled: true, roles: ['chamber-admin'], requiredActions: ['UPDATE_PASSWORD'] });
    const mail = stack.idp.mails().at(-1)!;
    expect(mail).toMatchObject({ to: 'segreteria@tv.camcom.it', subject: 'Aggiorna il tuo account', actions: ['UPDATE_PASSWORD'], userId: user.id });

    // Before setting a password the login cannot be used.
    expect((await passwordGrant('segreteria@tv.camcom.it', 'Treviso-password-1')).status).toBe(400);
    await acceptInvitation('segreteria@tv.camcom.it', 'Treviso-password-1');
    const tokens = (await (await passwordGrant('segreteria@tv.camcom.it', 'Treviso-password-1')).json()) as { access_token: string };
    const logins = await stack.gql<{ chamberLogins: { username: string; roles: string[]; invitationPending: boolean }[] }>(LOGINS, {}, { token: tokens.access_token });
    expect(logins.errors).toBeUndefined();
    expect(logins.data!.chamberLogins).toEqual([expect.objectContaining({ username: 'segreteria@tv.camcom.it', roles: ['chamber-admin'], invitationPending: false, enabled: true })]);
  });

  it('refuses an invalid administrator e-mail before touching Keycloak (no organization, no chamber)', async () => {
    const mails = stack.idp.mails().length;
    const r = await stack.gql(`mutation { subscribeChamber(code: "BL", name: "Camera di Belluno", firstAdministrator: { email: "non-una-mail", firstName: "A", lastName: "B" }) { id } }`, {}, { as: 'platform' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(await keycloak.findOrganizationByAlias('bl')).toBeUndefined();
    expect((await stack.db.pool.query("SELECT 1 FROM chamber WHERE code = 'BL'")).rowCount).toBe(0);
    expect(stack.idp.mails().length).toBe(mails);
  });
});

describe('the chamber administrator', () => {
  it('lists the people of their own organization with their roles and state (and nobody else\'s)', async () => {
    const r = await stack.gql<{ chamberLogins: { id: string; username: string; roles: string[]; enabled: boolean }[] }>(LOGINS, {}, { as: 'admin.so' });
    expect(r.errors).toBeUndefined();
    const byName = new Map(r.data!.chamberLogins.map((l) => [l.username, l]));
    expect(byName.get('admin.so')).toMatchObject({ id: await idOf('admin.so'), roles: ['chamber-admin'], enabled: true });
    expect(byName.get('oiv.so')).toMatchObject({ roles: ['oiv'] });
    expect([...byName.keys()].some((u) => u.endsWith('.mt') || u === 'platform' || u.startsWith('segreteria@'))).toBe(false);
  });

  it('invites a person with chamber roles: Keycloak user, membership, roles, e-mail, and the linked person record', async () => {
    const r = await stack.gql<{ inviteLogin: Record<string, unknown> }>(INVITE, { p: { email: 'Luca.Bianchi@so.camcom.it', firstName: 'Luca', lastName: 'Bianchi' }, r: ['staff', 'manager'] }, { as: 'admin.so' });
    expect(r.errors).toBeUndefined();
    const login = r.data!.inviteLogin;
    expect(login).toMatchObject({ username: 'luca.bianchi@so.camcom.it', email: 'luca.bianchi@so.camcom.it', firstName: 'Luca', lastName: 'Bianchi', enabled: true, invitationPending: true, roles: ['manager', 'staff'] });
    const userId = login.id as string;
    expect(await keycloakState(userId)).toEqual({ enabled: true, roles: ['manager', 'staff'], requiredActions: ['UPDATE_PASSWORD'] });
    expect(await keycloak.isMember((await keycloak.findOrganizationByAlias('so'))!.id, userId)).toBe(true);
    const { rows } = await stack.db.pool.query<{ id: string; subject: string; display_name: string }>(
      "SELECT p.id, p.subject, p.display_name FROM person p JOIN chamber c ON c.id = p.chamber_id WHERE c.code = 'SO' AND p.username = 'luca.bianchi@so.camcom.it'",
    );
    expect(rows).toEqual([{ id: login.personId, subject: userId, display_name: 'Luca Bianchi' }]);
    expect(stack.idp.mails().at(-1)).toMatchObject({ to: 'luca.bianchi@so.camcom.it', userId });

    // The invitee sets a password and signs in as a member of Sondrio with the roles granted.
    await acceptInvitation('luca.bianchi@so.camcom.it', 'Sondrio-password-1');
    const tokens = (await (await passwordGrant('luca.bianchi@so.camcom.it', 'Sondrio-password-1')).json()) as { access_token: string };
    const viewer = await stack.gql<{ viewer: { chamberCode: string; roles: string[]; person: { id: string } } }>(`{ viewer { chamberCode roles person { id } } }`, {}, { token: tokens.access_token });
    expect(viewer.data!.viewer).toEqual({ chamberCode: 'SO', roles: ['manager', 'staff'], person: { id: login.personId } });

    // The same address again: CONFLICT, nothing new in Keycloak.
    const again = await stack.gql(INVITE, { p: { email: 'luca.bianchi@so.camcom.it', firstName: 'Luca', lastName: 'Bianchi' }, r: ['staff'] }, { as: 'admin.so' });
    expect(codes(again)).toEqual(['CONFLICT']);
  });

  it('assigns and removes chamber roles', async () => {
    const staff = await idOf('staff.so');
    const added = await stack.gql<{ assignLoginRoles: { roles: string[] } }>(`mutation($u: ID!) { assignLoginRoles(userId: $u, roles: ["oiv"]) { roles } }`, { u: staff }, { as: 'admin.so' });
    expect(added.data!.assignLoginRoles.roles).toEqual(['oiv', 'staff']);
    const removed = await stack.gql<{ removeLoginRoles: { roles: string[] } }>(`mutation($u: ID!) { removeLoginRoles(userId: $u, roles: ["oiv"]) { roles } }`, { u: staff }, { as: 'admin.so' });
    expect(removed.data!.removeLoginRoles.roles).toEqual(['staff']);
    expect((await keycloakState(staff)).roles).toEqual(['staff']);
  });

  it('can never grant platform-admin or unioncamere-analyst: FORBIDDEN, and nothing changes in Keycloak', async () => {
    const staff = await idOf('staff.so');
    const before = await keycloakState(staff);
    const mails = stack.idp.mails().length;
    for (const role of ['platform-admin', 'unioncamere-analyst']) {
      const assign = await stack.gql(`mutation($u: ID!, $r: [String!]!) { assignLoginRoles(userId: $u, roles: $r) { id } }`, { u: staff, r: ['staff', role] }, { as: 'admin.so' });
      expect(codes(assign)).toEqual(['FORBIDDEN']);
      expect(assign.errors![0]!.message).toContain(role);
      const invite = await stack.gql(INVITE, { p: { email: `nuovo.${role}@so.camcom.it`, firstName: 'Nuovo', lastName: 'Utente' }, r: [role] }, { as: 'admin.so' });
      expect(codes(invite)).toEqual(['FORBIDDEN']);
      expect(await keycloak.findUserByUsername(`nuovo.${role}@so.camcom.it`)).toBeUndefined();
    }
    const unknown = await stack.gql(`mutation($u: ID!) { assignLoginRoles(userId: $u, roles: ["admin"]) { id } }`, { u: staff }, { as: 'admin.so' });
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(await keycloakState(staff)).toEqual(before);
    expect(stack.idp.mails().length).toBe(mails);
  });

  it('cannot touch a login outside their organization (another chamber\'s, the platform\'s): NOT_FOUND, checked in Keycloak, nothing changes', async () => {
    const targets = [await idOf('admin.mt'), await idOf('platform'), await idOf('unioncamere')];
    const states = await Promise.all(targets.map(keycloakState));
    const mails = stack.idp.mails().length;
    for (const userId of targets) {
      for (const mutation of [
        `mutation($u: ID!) { assignLoginRoles(userId: $u, roles: ["staff"]) { id } }`,
        `mutation($u: ID!) { removeLoginRoles(userId: $u, roles: ["chamber-admin"]) { id } }`,
        `mutation($u: ID!) { setLoginEnabled(userId: $u, enabled: false) { id } }`,
        `mutation($u: ID!) { resendInvitation(userId: $u) { id } }`,
      ]) {
        const r = await stack.gql(mutation, { u: userId }, { as: 'admin.so' });
        expect({ mutation, codes: codes(r) }).toEqual({ mutation, codes: ['NOT_FOUND'] });
      }
    }
    expect(await Promise.all(targets.map(keycloakState))).toEqual(states);
    expect(stack.idp.mails().length).toBe(mails);
    // The admin.mt login still works.
    expect((await passwordGrant('admin.mt', 'demo')).status).toBe(200);
  });

  it('the other roles of the chamber may not administer logins', async () => {
    for (const who of ['manager.so', 'staff.so', 'oiv.so']) {
      expect(codes(await stack.gql(LOGINS, {}, { as: who }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await stack.gql(LOGINS, {}, { as: 'platform' }))).toEqual(['FORBIDDEN']);
  });

  it('disables a login (sessions end: the refresh token stops working, no new sign-in) and enables it again', async () => {
    const manager = await idOf('manager.so');
    const tokens = (await (await passwordGrant('manager.so', 'demo')).json()) as { refresh_token: string };
    const off = await stack.gql<{ setLoginEnabled: { enabled: boolean } }>(`mutation($u: ID!) { setLoginEnabled(userId: $u, enabled: false) { enabled } }`, { u: manager }, { as: 'admin.so' });
    expect(off.data!.setLoginEnabled.enabled).toBe(false);
    expect((await keycloakState(manager)).enabled).toBe(false);
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
    expect((await passwordGrant('manager.so', 'demo')).status).toBe(400);
    const on = await stack.gql<{ setLoginEnabled: { enabled: boolean } }>(`mutation($u: ID!) { setLoginEnabled(userId: $u, enabled: true) { enabled } }`, { u: manager }, { as: 'admin.so' });
    expect(on.data!.setLoginEnabled.enabled).toBe(true);
    expect((await passwordGrant('manager.so', 'demo')).status).toBe(200);
    // The session ended by the disabling stays ended.
    expect((await refresh(tokens.refresh_token)).status).toBe(400);
  });

  it('may not lock themself out: no removing their own chamber-admin, no disabling their own login', async () => {
    const me = await idOf('admin.so');
    expect(codes(await stack.gql(`mutation($u: ID!) { removeLoginRoles(userId: $u, roles: ["chamber-admin"]) { id } }`, { u: me }, { as: 'admin.so' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await stack.gql(`mutation($u: ID!) { setLoginEnabled(userId: $u, enabled: false) { id } }`, { u: me }, { as: 'admin.so' }))).toEqual(['BAD_USER_INPUT']);
    expect(await keycloakState(me)).toMatchObject({ enabled: true, roles: ['chamber-admin'] });
  });

  it('resends the invitation: a new e-mail with a new link', async () => {
    const invited = (await keycloak.findUserByUsername('luca.bianchi@so.camcom.it'))!;
    const before = stack.idp.mails().length;
    const r = await stack.gql<{ resendInvitation: { invitationPending: boolean } }>(`mutation($u: ID!) { resendInvitation(userId: $u) { invitationPending } }`, { u: invited.id }, { as: 'admin.so' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.resendInvitation.invitationPending).toBe(true);
    expect(stack.idp.mails().length).toBe(before + 1);
    expect(stack.idp.mails().at(-1)).toMatchObject({ to: 'luca.bianchi@so.camcom.it', actions: ['UPDATE_PASSWORD'] });
  });
});

describe('when the identity provider is unreachable', () => {
  it('the API answers 503 IDENTITY_PROVIDER_UNAVAILABLE (not 401), and /health says so', async () => {
    const token = await stack.token('staff.so');
    // An API whose Keycloak address answers nothing (a closed port): it cannot fetch the realm's keys.
    const api = await createApi({
      db: stack.db,
      production: false,
      verifyBearer: createKeycloakVerifier({ keycloakUrl: stack.idp.issuer.replace(/\/realms\/albero$/, ''), jwksBaseUrl: 'http://127.0.0.1:9', realm: 'albero', audience: 'albero-api', jwksTimeoutMs: 2000 }),
      keycloakAdmin: createKeycloakAdmin({ keycloakUrl: 'http://127.0.0.1:9', realm: 'albero', clientId: 'albero-admin', clientSecret: ADMIN_SECRET }),
      identityProviderUrl: 'http://127.0.0.1:9/realms/albero',
      log: () => undefined,
    });
    const url = await api.listen(0);
    try {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer { kind } }' }) });
      expect(response.status).toBe(503);
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(await response.json()).toEqual({ errors: [{ message: expect.stringContaining('non è raggiungibile'), extensions: { code: 'IDENTITY_PROVIDER_UNAVAILABLE' } }] });
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'degraded', database: 'ok', identityProvider: 'unreachable' });
    } finally {
      await api.close();
    }
    const healthy = await fetch(`${stack.url}/health`);
    expect(await healthy.json()).toEqual({ status: 'ok', database: 'ok', identityProvider: 'ok' });
  });

  it('administration answers IDENTITY_PROVIDER_UNAVAILABLE when the Admin REST API cannot be reached', async () => {
    const api = await createApi({
      db: stack.db,
      production: false,
      verifyBearer: createKeycloakVerifier({ keycloakUrl: stack.idp.issuer.replace(/\/realms\/albero$/, ''), realm: 'albero', audience: 'albero-api' }),
      keycloakAdmin: createKeycloakAdmin({ keycloakUrl: 'http://127.0.0.1:9', realm: 'albero', clientId: 'albero-admin', clientSecret: ADMIN_SECRET }),
      log: () => undefined,
    });
    const url = await api.listen(0);
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token('admin.so')}` },
        body: JSON.stringify({ query: LOGINS }),
      });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['IDENTITY_PROVIDER_UNAVAILABLE']);
    } finally {
      await api.close();
    }
  });
});
