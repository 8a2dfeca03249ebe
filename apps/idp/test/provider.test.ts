import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIdentityProvider, type RunningIdentityProvider } from '../src/index.js';
import { defaultRealmFile, loadRealm, type Realm } from '../src/realm.js';
import { Browser, decode, location, passwordGrant, pkcePair, realmVariant, tokensFor, type TokenResponse } from './support.js';

const WEB_APP = 'http://localhost:5173';

let idp: RunningIdentityProvider;
let realm: Realm;
const userId = (username: string) => realm.users.find((u) => u.username === username)?.id;

beforeAll(async () => {
  realm = await loadRealm(defaultRealmFile);
  idp = await startIdentityProvider({ port: 0 });
});
afterAll(() => idp.stop());

describe('Keycloak URL layout', () => {
  it('publishes the discovery document under /realms/albero with Keycloak endpoint paths', async () => {
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    const endpoint = (path: string) => `${idp.issuer}/protocol/openid-connect/${path}`;
    expect(idp.issuer).toMatch(/^http:\/\/localhost:\d+\/realms\/albero$/);
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: endpoint('auth'),
      token_endpoint: endpoint('token'),
      jwks_uri: endpoint('certs'),
      userinfo_endpoint: endpoint('userinfo'),
      end_session_endpoint: endpoint('logout'),
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
    expect(discovery.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'password']));
  });

  it('serves the signing key as RS256 JWKS at /certs and as base64 DER at /realms/albero', async () => {
    const jwks = (await (await fetch(`${idp.issuer}/protocol/openid-connect/certs`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const info = (await (await fetch(idp.issuer)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      realm: 'albero',
      public_key: expect.stringMatching(/^MIIB[A-Za-z0-9+/=]+$/),
      'token-service': `${idp.issuer}/protocol/openid-connect`,
      'tokens-not-before': 0,
    });
  });
});

describe('signing keys', () => {
  it('keeps its key in keysFile (owner-only), so a token issued before a restart verifies after it', async () => {
    const keysFile = join(await mkdtemp(join(tmpdir(), 'albero-idp-')), 'idp-keys.json');
    const first = await startIdentityProvider({ port: 0, keysFile });
    const { access_token } = await tokensFor(first.issuer, 'admin.so');
    await first.stop();
    expect((await stat(keysFile)).mode & 0o777).toBe(0o600);

    const second = await startIdentityProvider({ port: Number(new URL(first.url).port), keysFile });
    try {
      expect(second.issuer).toBe(first.issuer);
      const jwks = createRemoteJWKSet(new URL(`${second.issuer}/protocol/openid-connect/certs`));
      await expect(jwtVerify(access_token, jwks, { issuer: second.issuer })).resolves.toBeDefined();
    } finally {
      await second.stop();
    }
  });
});

describe('password grant', () => {
  it('gives admin.so a Keycloak-shaped access token that verifies against the JWKS', async () => {
    const tokens = await tokensFor(idp.issuer, 'admin.so');
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 300, 'not-before-policy': 0, scope: 'openid email organization profile' });

    const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/protocol/openid-connect/certs`));
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: idp.issuer, audience: 'albero-api' });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: expect.any(String) });
    expect(payload).toEqual({
      exp: payload.iat! + 300,
      iat: expect.any(Number),
      auth_time: expect.any(Number),
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iss: idp.issuer,
      aud: 'albero-api',
      sub: userId('admin.so'),
      typ: 'Bearer',
      azp: 'albero-web',
      sid: tokens.session_state,
      acr: '1',
      'allowed-origins': [WEB_APP],
      realm_access: { roles: ['chamber-admin'] },
      scope: 'openid email organization profile',
      email_verified: true,
      organization: ['so'],
      name: 'Amministratore Demo Sondrio',
      preferred_username: 'admin.so',
      given_name: 'Amministratore',
      family_name: 'Demo Sondrio',
      email: 'admin.so@so.albero.local',
    });
  });

  it('issues an ID token (typ ID, aud the client) and a JWT-shaped refresh token, as keycloak-js expects', async () => {
    const tokens = await tokensFor(idp.issuer, 'manager.so');
    const id = decode(tokens.id_token!).payload;
    expect(id).toMatchObject({ iss: idp.issuer, aud: 'albero-web', azp: 'albero-web', typ: 'ID', sub: userId('manager.so'), preferred_username: 'manager.so', organization: ['so'] });
    expect(id).not.toHaveProperty('realm_access');
    const refresh = decode(tokens.refresh_token!);
    expect(refresh.header).toMatchObject({ alg: 'HS512' });
    expect(refresh.payload).toMatchObject({ typ: 'Refresh', azp: 'albero-web', sub: userId('manager.so'), iss: idp.issuer });
  });

  it('gives the platform administrator no organization claim', async () => {
    const { payload } = decode((await tokensFor(idp.issuer, 'platform')).access_token);
    expect(payload.realm_access).toEqual({ roles: ['platform-admin'] });
    expect(payload).not.toHaveProperty('organization');
  });

  it('gives a person named only in a plan (sg.so) the roles and organization the plan says', async () => {
    const { payload } = decode((await tokensFor(idp.issuer, 'sg.so')).access_token);
    expect(payload).toMatchObject({ realm_access: { roles: ['chamber-admin'] }, organization: ['so'], name: 'Segretario Generale (demo)' });
  });

  it('also serves the tests client, with the same audience and claims', async () => {
    const { payload } = decode((await tokensFor(idp.issuer, 'oiv.so', { client_id: 'albero-api-tests' })).access_token);
    expect(payload).toMatchObject({ azp: 'albero-api-tests', aud: 'albero-api', realm_access: { roles: ['oiv'] } });
  });

  it('refuses a wrong password with 400 invalid_grant "Invalid user credentials", like Keycloak', async () => {
    for (const fields of [{ username: 'admin.so', password: 'wrong' }, { username: 'nobody', password: 'demo' }]) {
      const response = await passwordGrant(idp.issuer, fields);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
    }
  });

  it('refuses an unknown client with 401 invalid_client', async () => {
    const response = await passwordGrant(idp.issuer, { client_id: 'not-a-client', username: 'admin.so', password: 'demo' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses the API client, which is bearer-only and signs nobody in', async () => {
    const response = await passwordGrant(idp.issuer, { client_id: 'albero-api', username: 'admin.so', password: 'demo' });
    expect(response.status).toBe(401);
  });

  it('answers userinfo for its own access token and rejects anything else', async () => {
    const tokens = await tokensFor(idp.issuer, 'staff.so');
    const ok = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ sub: userId('staff.so'), preferred_username: 'staff.so', organization: ['so'] });
    const bad = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, { headers: { authorization: `Bearer ${tokens.id_token}` } });
    expect(bad.status).toBe(401);
  });
});

describe('organization claim shape', () => {
  it('is an object keyed by alias with the organization id when the realm mapper asks for JSON with the id', async () => {
    const realmFile = await realmVariant((r) => {
      const mapper = r.clientScopes.find((s) => s.name === 'organization')?.protocolMappers[0];
      if (!mapper) throw new Error('organization mapper not found');
      mapper.config['jsonType.label'] = 'JSON';
      mapper.config.addOrganizationId = 'true';
    });
    const other = await startIdentityProvider({ port: 0, realmFile });
    try {
      const { payload } = decode((await tokensFor(other.issuer, 'admin.so')).access_token);
      const so = realm.organizations.find((o) => o.alias === 'so');
      expect(payload.organization).toEqual({ so: { id: so?.id } });
    } finally {
      await other.stop();
    }
  });
});

describe('authorization code flow with PKCE (what keycloak-js does)', () => {
  const browser = new Browser();
  const { verifier, challenge } = pkcePair();
  const redirectUri = `${WEB_APP}/piano/2024`;
  let tokens: TokenResponse;

  it('shows the Italian login form, refuses a wrong password, then redirects with the code in the fragment', async () => {
    const authorize = new URL(`${idp.issuer}/protocol/openid-connect/auth`);
    authorize.search = new URLSearchParams({
      client_id: 'albero-web',
      redirect_uri: redirectUri,
      state: 'state-1',
      response_mode: 'fragment',
      response_type: 'code',
      scope: 'openid',
      nonce: 'nonce-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    const toLogin = await browser.request(authorize.href);
    expect(toLogin.status).toBe(303);
    const loginUrl = location(toLogin);
    expect(new URL(loginUrl).pathname).toMatch(/^\/realms\/albero\/login-actions\//);

    const form = await browser.request(loginUrl);
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(html).toContain('<html lang="it">');
    expect(html).toContain('Accedi ad Albero');
    expect(html).toMatch(/<label for="username">Nome utente<\/label>/);
    expect(html).toMatch(/<label for="password">Password<\/label>/);
    expect(html).toContain('<button type="submit">Accedi</button>');

    const refused = await browser.postForm(loginUrl, { username: 'admin.so', password: 'wrong' });
    expect(refused.status).toBe(200);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('Nome utente o password non validi.');
    expect(refusedHtml).toContain('role="alert"');

    const accepted = await browser.postForm(loginUrl, { username: 'admin.so', password: 'demo' });
    expect(accepted.status).toBe(303);
    const back = await browser.request(location(accepted));
    expect(back.status).toBe(303);
    const callback = new URL(location(back));
    expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
    expect(callback.search).toBe('');
    const fragment = new URLSearchParams(callback.hash.slice(1));
    expect(fragment.get('state')).toBe('state-1');
    const code = fragment.get('code');
    expect(code).toBeTruthy();

    const exchange = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { origin: WEB_APP },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'albero-web', code: code!, redirect_uri: redirectUri, code_verifier: verifier }),
    });
    expect(exchange.status).toBe(200);
    // keycloak-js sends credentials: 'include', which needs the exact origin and Allow-Credentials.
    expect(exchange.headers.get('access-control-allow-origin')).toBe(WEB_APP);
    expect(exchange.headers.get('access-control-allow-credentials')).toBe('true');
    tokens = (await exchange.json()) as TokenResponse;

    const access = decode(tokens.access_token).payload;
    expect(access).toMatchObject({ iss: idp.issuer, aud: 'albero-api', azp: 'albero-web', typ: 'Bearer', realm_access: { roles: ['chamber-admin'] }, organization: ['so'], preferred_username: 'admin.so', sid: tokens.session_state });
    expect(decode(tokens.id_token!).payload).toMatchObject({ nonce: 'nonce-1', aud: 'albero-web', sub: userId('admin.so') });
  });

  it('refuses the code exchange without the right PKCE verifier', async () => {
    // A fresh code from the existing SSO session: no login form the second time.
    const authorize = new URL(`${idp.issuer}/protocol/openid-connect/auth`);
    authorize.search = new URLSearchParams({ client_id: 'albero-web', redirect_uri: redirectUri, response_mode: 'fragment', response_type: 'code', scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' }).toString();
    const callback = new URL(location(await browser.request(authorize.href)));
    const code = new URLSearchParams(callback.hash.slice(1)).get('code');
    expect(code).toBeTruthy();
    const exchange = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'albero-web', code: code!, redirect_uri: redirectUri, code_verifier: pkcePair().verifier }),
    });
    expect(exchange.status).toBe(400);
    expect(await exchange.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refreshes the tokens', async () => {
    const response = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'albero-web', refresh_token: tokens.refresh_token! }),
    });
    expect(response.status).toBe(200);
    const refreshed = (await response.json()) as TokenResponse;
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(decode(refreshed.access_token).payload).toMatchObject({ sub: userId('admin.so'), organization: ['so'], sid: decode(tokens.access_token).payload.sid });
  });

  it('ends the session at /logout (id_token_hint + post_logout_redirect_uri) and then refuses the refresh token', async () => {
    const logout = new URL(`${idp.issuer}/protocol/openid-connect/logout`);
    logout.search = new URLSearchParams({ client_id: 'albero-web', post_logout_redirect_uri: `${WEB_APP}/`, id_token_hint: tokens.id_token! }).toString();
    const page = await browser.request(logout.href);
    expect(page.status).toBe(200);
    const html = await page.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(action && xsrf).toBeTruthy();
    expect(html).toContain('name="logout" value="yes"');

    const confirmed = await browser.postForm(new URL(action!, idp.issuer).href, { xsrf: xsrf!, logout: 'yes' });
    expect(confirmed.status).toBe(303);
    expect(location(confirmed)).toBe(`${WEB_APP}/`);

    const refresh = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'albero-web', refresh_token: tokens.refresh_token! }),
    });
    expect(refresh.status).toBe(400);
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a redirect URI outside the registered pattern', async () => {
    const authorize = new URL(`${idp.issuer}/protocol/openid-connect/auth`);
    authorize.search = new URLSearchParams({ client_id: 'albero-web', redirect_uri: 'http://evil.example/cb', response_type: 'code', scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' }).toString();
    const response = await new Browser().request(authorize.href);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('redirect_uri');
  });
});

describe('keycloak-js support', () => {
  it('answers the CORS preflight of the web origin with credentials allowed, and not of another origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${idp.issuer}/protocol/openid-connect/token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight(WEB_APP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(WEB_APP);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('http://evil.example');
    expect(other.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('reports third-party cookies as unsupported, which turns keycloak-js session-status iframe off', async () => {
    const response = await fetch(`${idp.issuer}/protocol/openid-connect/3p-cookies/step1.html`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("postMessage('unsupported'");
  });
});
