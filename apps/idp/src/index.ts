// A Keycloak-compatible OpenID provider for development and tests. It serves one realm from a Keycloak realm
// import file with Keycloak's URLs and token shapes, so the web client (keycloak-js) and the API
// (keycloak-connect, bearer-only) cannot tell it from Keycloak 26 for what Albero uses. The protocol itself
// (authorization code + PKCE, sessions, refresh, logout, discovery, JWKS) is oidc-provider's; this file
// adapts it to Keycloak's layout. See docs/decisions/0004-identity-provider.md.
import { createHash, createHmac, createPublicKey, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, importJWK, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import Provider, {
  errors,
  type AccessToken,
  type Configuration,
  type KoaContextWithOIDC,
  type RefreshToken,
  type ResourceServer,
  type ResourceServerInstance,
  type TokenEndpointGrantContext,
} from 'oidc-provider';
import { assertMappersSupported, claimNames, mapClaims, tokenScope } from './claims.js';
import { generateSigningKey, loadOrCreateSigningKeys, type SigningKey } from './keys.js';
import { AdminApi, type SentMail } from './admin.js';
import { createMemoryStore, type MemoryStore } from './memory-adapter.js';
import { actionDonePage, errorPage, LOGIN_ERROR, loggedOutPage, loginPage, logoutPage, setPasswordPage, thirdPartyCookiesPage } from './pages.js';
import { checkPasswordPolicy, parsePasswordPolicy, type PasswordPolicy } from './password-policy.js';
import { defaultRealmFile, loadRealm, matchesRedirectUri, webOriginsOf, type Realm, type RealmClient, type RealmUser } from './realm.js';

export type { SigningKey } from './keys.js';
export type { SentMail } from './admin.js';

export type IdentityProviderOptions = {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** What tokens name as the server: `iss` is `<issuerBaseUrl>/realms/<realm>`. Defaults to http://localhost:<port>. */
  issuerBaseUrl?: string;
  realmFile?: string;
  accessTokenTtlSeconds?: number;
  /** Private RS256 JWKs to sign with; without them a key is generated (or read from `keysFile`). */
  keys?: SigningKey[];
  /** Where to keep generated keys across restarts (e.g. <repo>/.data/idp-keys.json). */
  keysFile?: string;
  /** Secrets of confidential clients by client id, instead of the realm file's (whose `${VAR}` come from the environment). */
  clientSecrets?: Record<string, string>;
};

export type RunningIdentityProvider = {
  /** e.g. http://localhost:8080/realms/albero, the `iss` of every token. */
  issuer: string;
  /** Where the server listens, e.g. http://127.0.0.1:8080. */
  url: string;
  /** The e-mails the provider would have sent (execute-actions), oldest first. */
  mails(): SentMail[];
  stop(): Promise<void>;
};

// oidc-provider issues JWT access tokens only for a resource server. Clients never name one; every access
// token is for this internal resource, and its real audience comes from the realm's audience mappers.
const RESOURCE = 'urn:albero:idp:access-token';
const PROTOCOL = '/protocol/openid-connect';

/** Starts the provider on its own HTTP server; resolves once it accepts connections. */
export async function startIdentityProvider(options: IdentityProviderOptions = {}): Promise<RunningIdentityProvider> {
  const { port = 8080, host = '127.0.0.1', realmFile = defaultRealmFile, accessTokenTtlSeconds } = options;
  const realm = await loadRealm(realmFile);
  assertMappersSupported(realm);
  const keys = options.keys ?? (options.keysFile ? await loadOrCreateSigningKeys(options.keysFile) : [await generateSigningKey()]);

  let idp: KeycloakLikeProvider | undefined;
  const server = createServer((req, res) => {
    if (!idp) return sendJson(res, 503, { error: 'temporarily_unavailable' });
    idp.handle(req, res).catch((error: unknown) => {
      console.error('identity provider: unexpected error', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  // The issuer names the port, which is known only once listening (port 0 in tests).
  const boundPort = (server.address() as AddressInfo).port;
  const issuerBase = (options.issuerBaseUrl ?? `http://localhost:${boundPort}`).replace(/\/+$/, '');
  const mountPath = `/realms/${realm.realm}`;
  const issuer = `${issuerBase}${mountPath}`;
  try {
    idp = new KeycloakLikeProvider(realm, issuer, mountPath, keys, accessTokenTtlSeconds ?? realm.accessTokenLifespan, options.clientSecrets ?? {});
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    issuer,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
    mails: () => [...(idp?.mails ?? [])],
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** What the token response and the access token share: Keycloak's scope string and the session id. */
type IssuedTokens = { scope: string; sid: string | undefined };
/** The password grant has no authorization code or refresh token to read the request's scope and login time from. */
type PasswordGrantSource = { scope: string | undefined; authTime: number };

class KeycloakLikeProvider {
  private readonly provider: Provider;
  private readonly callback: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  private readonly usersById: Map<string, RealmUser>;
  private readonly clientsById: Map<string, RealmClient>;
  private readonly allowedOrigins: Set<string>;
  private readonly verificationKeys: JWTVerifyGetKey;
  private readonly issued = new WeakMap<object, IssuedTokens>();
  private readonly passwordGrants = new WeakMap<object, PasswordGrantSource>();
  // Keycloak signs refresh tokens with a realm HMAC key; only this provider ever reads them.
  private readonly refreshSecret = randomBytes(64);
  // Action tokens (invitation links) are signed with another realm HMAC key; each is good for one use.
  private readonly actionSecret = randomBytes(64);
  private readonly usedActionTokens = new Set<string>();
  private readonly passwordHistory = new Map<string, string[]>();
  private readonly passwordPolicy: PasswordPolicy;
  private readonly store: MemoryStore;
  private readonly admin: AdminApi;
  readonly mails: SentMail[] = [];

  constructor(
    private readonly realm: Realm,
    private readonly issuer: string,
    private readonly mountPath: string,
    private readonly keys: SigningKey[],
    private readonly accessTokenTtl: number,
    private readonly clientSecrets: Record<string, string>,
  ) {
    this.passwordPolicy = parsePasswordPolicy(realm.passwordPolicy);
    this.store = createMemoryStore();
    this.usersById = new Map(realm.users.map((u) => [u.id, u]));
    this.clientsById = new Map(realm.clients.map((c) => [c.clientId, c]));
    this.allowedOrigins = new Set(realm.clients.flatMap(webOriginsOf));
    this.verificationKeys = createLocalJWKSet({ keys: keys.map(({ kty, n, e, kid, alg, use }) => ({ kid, kty, alg, use, n, e })) });

    this.admin = new AdminApi({
      realm,
      usersById: this.usersById,
      verifyAccessToken: async (token) => (await jwtVerify(token, this.verificationKeys, { issuer: this.issuer, typ: 'JWT' })).payload,
      revokeUserSessions: (userId) => {
        this.store.revokeAccount(userId);
        return Promise.resolve();
      },
      actionLink: (user, actions, lifespan, origin, redirect) => this.actionLink(user, actions, lifespan, origin, redirect),
      mails: this.mails,
    });

    this.provider = new Provider(issuer, this.configuration());
    installKeycloakClientBehaviour(this.provider);
    this.adaptToKeycloak();
    // Koa composes its middleware when callback() is called: after adaptToKeycloak has added ours.
    this.callback = this.provider.callback();
  }

  // --- HTTP routing: Keycloak's extra endpoints first, then oidc-provider under the realm path -------------

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, `http://${req.headers.host ?? 'localhost'}`);
    const { pathname } = url;
    const adminPath = `/admin${this.mountPath}`;
    if (pathname.startsWith(`${adminPath}/`)) return this.admin.handle(req, res, pathname.slice(adminPath.length), url);
    if (pathname !== this.mountPath && !pathname.startsWith(`${this.mountPath}/`)) {
      return sendJson(res, 404, { error: 'Not Found' });
    }
    if (this.applyCors(req, res)) return;

    const path = pathname.slice(this.mountPath.length);
    if (path === '' || path === '/') return this.realmInfo(req, res);
    if (path === `${PROTOCOL}/userinfo`) return this.userinfo(req, res);
    if (path === `${PROTOCOL}/3p-cookies/step1.html`) return sendHtml(res, 200, thirdPartyCookiesPage());
    if (path === '/login-actions/action-token') return this.actionToken(req, res, url);
    if (path.startsWith('/login-actions/')) return this.login(req, res);
    if (path === '/development/mails') return this.sentMails(req, res);

    // The token and logout endpoints read the form first: the client credentials grant and the logout with a
    // refresh token are answered here; anything else goes on to oidc-provider with the body already read.
    if (req.method === 'POST' && (path === `${PROTOCOL}/token` || path === `${PROTOCOL}/logout`)) {
      const body = await readBody(req);
      const form = new URLSearchParams(body);
      if (path === `${PROTOCOL}/token` && form.get('grant_type') === 'client_credentials') return this.clientCredentials(req, res, form);
      if (path === `${PROTOCOL}/logout` && form.has('refresh_token')) return this.logoutWithRefreshToken(res, form);
      Object.assign(req, { body });
    }

    // oidc-provider routes relative to its mount path and rebuilds absolute URLs from originalUrl.
    Object.assign(req, { originalUrl: rawUrl });
    req.url = rawUrl.slice(this.mountPath.length);
    await this.callback(req, res);
  }

  /**
   * keycloak-js calls the token endpoint with `credentials: 'include'`, which needs an exact origin and
   * Allow-Credentials (oidc-provider sends neither). Allowed origins are the clients' web origins, as in
   * Keycloak; other origins fall through to oidc-provider's own CORS handling.
   */
  private applyCors(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin;
    if (!origin || !this.allowedOrigins.has(origin)) return false;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
    if (req.method !== 'OPTIONS' || !req.headers['access-control-request-method']) return false;
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type');
    res.setHeader('Access-Control-Max-Age', '3600');
    res.writeHead(204).end();
    return true;
  }

  /** GET /realms/<realm>: Keycloak's public realm description, with the signing key as base64 DER. */
  private realmInfo(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'HTTP 405 Method Not Allowed' });
    const [key] = this.keys;
    const publicKey = key ? createPublicKey({ key, format: 'jwk' }).export({ type: 'spki', format: 'der' }).toString('base64') : undefined;
    sendJson(res, 200, {
      realm: this.realm.realm,
      public_key: publicKey,
      'token-service': `${this.issuer}${PROTOCOL}`,
      'account-service': `${this.issuer}/account`,
      'tokens-not-before': 0,
    });
  }

  /** Keycloak's userinfo accepts the (JWT) access token itself, which oidc-provider's would refuse. */
  private async userinfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    const reject = (description: string) => {
      res.setHeader('WWW-Authenticate', `Bearer realm="${this.realm.realm}", error="invalid_token", error_description="${description}"`);
      sendJson(res, 401, { error: 'invalid_token', error_description: description });
    };
    if (!token) return reject('Token not provided');
    try {
      const { payload } = await jwtVerify(token, this.verificationKeys, { issuer: this.issuer, typ: 'JWT' });
      const user = typeof payload.sub === 'string' ? this.usersById.get(payload.sub) : undefined;
      const client = typeof payload.azp === 'string' ? this.clientsById.get(payload.azp) : undefined;
      if (payload.typ !== 'Bearer' || !user || !user.enabled || !client) return reject('Token verification failed');
      const { claims } = mapClaims({ realm: this.realm, client, user }, 'userinfo');
      sendJson(res, 200, { sub: user.id, ...claims });
    } catch {
      reject('Token verification failed');
    }
  }

  // --- client credentials (service accounts), logout with a refresh token ----------------------------------

  /** The secret of a confidential client: given to the provider, or the realm file's (`${VAR}`: from the environment). */
  private secretOf(clientId: string, configured: string | undefined): string | undefined {
    if (this.clientSecrets[clientId] !== undefined) return this.clientSecrets[clientId];
    const placeholder = configured === undefined ? undefined : /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(configured);
    return placeholder ? process.env[placeholder[1]!] : configured;
  }

  /** Client authentication as Keycloak's client-secret authenticator: HTTP Basic or client_id/client_secret in the form. */
  private authenticateClient(req: IncomingMessage, form: URLSearchParams): RealmClient | undefined {
    let clientId = form.get('client_id') ?? undefined;
    let secret = form.get('client_secret') ?? undefined;
    const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (basic) {
      const decoded = Buffer.from(basic, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    }
    const client = clientId === undefined ? undefined : this.clientsById.get(clientId);
    if (!client || !client.enabled || client.publicClient || client.bearerOnly) return undefined;
    const expected = this.secretOf(client.clientId, client.secret);
    if (!expected || secret === undefined || !sameSecret(expected, secret)) return undefined;
    return client;
  }

  /** The client credentials grant: an access token for the client's service-account user, no refresh token (Keycloak 26's default). */
  private async clientCredentials(req: IncomingMessage, res: ServerResponse, form: URLSearchParams): Promise<void> {
    const client = this.authenticateClient(req, form);
    if (!client) return sendJson(res, 401, { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' });
    const user = client.serviceAccountsEnabled ? this.realm.users.find((u) => u.serviceAccountClientId === client.clientId) : undefined;
    if (!user) return sendJson(res, 400, { error: 'unauthorized_client', error_description: 'Client not enabled to retrieve service account' });
    if (!user.enabled) return sendJson(res, 400, { error: 'invalid_request', error_description: 'User is disabled' });
    const { claims, audience } = mapClaims({ realm: this.realm, client, user }, 'access');
    const { sub: _sub, auth_time: _authTime, ...rest } = claims;
    const scope = tokenScope(this.realm, client, form.get('scope') ?? undefined);
    const now = Math.floor(Date.now() / 1000);
    const [key] = this.keys;
    if (!key) throw new Error('no signing key');
    const token = await new SignJWT({
      exp: now + this.accessTokenTtl,
      iat: now,
      jti: randomUUID(),
      iss: this.issuer,
      ...(audience.length === 1 ? { aud: audience[0] } : audience.length > 1 ? { aud: audience } : {}),
      sub: user.id,
      typ: 'Bearer',
      azp: client.clientId,
      ...rest,
      scope,
      client_id: client.clientId,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .sign(await importJWK(key, 'RS256'));
    sendJson(res, 200, { access_token: token, expires_in: this.accessTokenTtl, refresh_expires_in: 0, token_type: 'Bearer', 'not-before-policy': 0, scope });
  }

  /**
   * Keycloak's logout endpoint also takes a refresh token in a POST (the back-channel logout of an application):
   * the session ends and its refresh tokens stop working. 204, or 400 invalid_grant for an unknown token.
   */
  private async logoutWithRefreshToken(res: ServerResponse, form: URLSearchParams): Promise<void> {
    const value = form.get('refresh_token') ?? '';
    const token = await this.provider.RefreshToken.find(value);
    const clientId = form.get('client_id');
    if (!token || (clientId !== null && token.clientId !== clientId)) {
      return sendJson(res, 400, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
    }
    if (token.grantId) this.store.revokeGrant(token.grantId);
    await token.destroy();
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  }

  // --- execute-actions e-mail: the action link and its page -------------------------------------------------

  private actionLink(user: RealmUser, actions: string[], lifespan: number, origin: string, redirect: { clientId?: string | undefined; redirectUri?: string | undefined }): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      exp: now + lifespan,
      iat: now,
      jti: randomUUID(),
      iss: this.issuer,
      aud: this.issuer,
      sub: user.id,
      typ: 'execute-actions',
      rqac: actions,
      eml: user.email,
      ...(redirect.redirectUri ? { reduri: redirect.redirectUri } : {}),
      ...(redirect.clientId ? { azp: redirect.clientId } : {}),
    };
    const signingInput = `${base64url({ alg: 'HS512', typ: 'JWT' })}.${base64url(payload)}`;
    const key = `${signingInput}.${createHmac('sha512', this.actionSecret).update(signingInput).digest('base64url')}`;
    return `${origin}${this.mountPath}/login-actions/action-token?key=${key}`;
  }

  /** The action token's payload when it is authentic, unexpired and unused. */
  private readActionToken(key: string): { jti: string; user: RealmUser; actions: string[]; redirectUri?: string } | undefined {
    const [header, body, signature] = key.split('.');
    if (!header || !body || !signature) return undefined;
    const expected = createHmac('sha512', this.actionSecret).update(`${header}.${body}`).digest('base64url');
    if (!sameSecret(expected, signature)) return undefined;
    const payload = decodePayload(key);
    if (!payload || payload.typ !== 'execute-actions' || typeof payload.exp !== 'number' || payload.exp < Date.now() / 1000) return undefined;
    const jti = String(payload.jti);
    const user = this.usersById.get(String(payload.sub));
    if (this.usedActionTokens.has(jti) || !user || !user.enabled) return undefined;
    const actions = Array.isArray(payload.rqac) ? payload.rqac.map(String) : [];
    return { jti, user, actions, ...(typeof payload.reduri === 'string' ? { redirectUri: payload.reduri } : {}) };
  }

  /** GET shows the form to set the password; POST applies the realm's password policy and sets it (once). */
  private async actionToken(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const key = url.searchParams.get('key') ?? '';
    const token = this.readActionToken(key);
    if (!token) return sendHtml(res, 400, errorPage({ error: 'expired_code', description: 'Il link non è valido o è scaduto. Chiedi all\u2019amministratore di inviarne uno nuovo.' }));
    const action = `${this.mountPath}/login-actions/action-token?key=${encodeURIComponent(key)}`;
    const { user } = token;
    if (req.method !== 'POST') return sendHtml(res, 200, setPasswordPage({ action, username: user.username }));
    const form = new URLSearchParams(await readBody(req));
    const password = form.get('password-new') ?? '';
    const confirm = form.get('password-confirm') ?? '';
    const again = (error: string) => sendHtml(res, 200, setPasswordPage({ action, username: user.username, error }));
    if (password === '') return again('Inserisci la nuova password.');
    if (password !== confirm) return again('Le password non coincidono.');
    const history = this.passwordHistory.get(user.id) ?? [];
    const broken = checkPasswordPolicy(this.passwordPolicy, password, user, history);
    if (broken) return again(broken);
    this.usedActionTokens.add(token.jti);
    user.credentials = [{ type: 'password', value: password, temporary: false }];
    this.passwordHistory.set(user.id, [...history, password]);
    user.requiredActions = user.requiredActions.filter((a) => !token.actions.includes(a));
    // Following a link sent to the address proves it, as Keycloak's action tokens do.
    user.emailVerified = true;
    sendHtml(res, 200, actionDonePage({ redirectUri: token.redirectUri }));
  }

  /** Development only: the e-mails the provider would have sent (GET), or forget them (DELETE). */
  private sentMails(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'DELETE') {
      this.mails.length = 0;
      res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
      return;
    }
    sendJson(res, 200, this.mails);
  }

  // --- the login page of the authorization code flow ------------------------------------------------------

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let details;
    try {
      details = await this.provider.interactionDetails(req, res);
    } catch {
      // No or expired interaction cookie: Keycloak shows "the page has expired" and lets the user restart.
      return sendHtml(res, 400, errorPage({ error: 'interaction_expired', description: 'La sessione di accesso è scaduta. Riprova dall\u2019applicazione.' }));
    }
    const action = `${this.mountPath}/login-actions/${details.uid}`;
    if (details.prompt.name !== 'login') {
      // Consent is granted by loadExistingGrant (first-party clients), so only the login prompt reaches here.
      return sendHtml(res, 400, errorPage({ error: 'unsupported_prompt', description: details.prompt.name }));
    }
    if (req.method !== 'POST') return sendHtml(res, 200, loginPage({ action }));

    const form = new URLSearchParams(await readBody(req));
    const username = form.get('username') ?? '';
    const check = this.checkPassword(username, form.get('password') ?? '');
    if (!check.ok) return sendHtml(res, 200, loginPage({ action, username, error: LOGIN_PAGE_ERRORS[check.reason] }));
    await this.provider.interactionFinished(
      req,
      res,
      { login: { accountId: check.user.id, acr: '1', amr: ['pwd'], remember: false } },
      { mergeWithLastSubmission: false },
    );
  }

  /** Username (or e-mail, when the realm allows it) and password, checked as Keycloak would; never says which was wrong. */
  private checkPassword(login: string, password: string): PasswordCheck {
    const name = login.trim().toLowerCase();
    const user = this.realm.users.find(
      (u) => u.username.toLowerCase() === name || (this.realm.loginWithEmailAllowed && u.email?.toLowerCase() === name),
    );
    const credential = user?.credentials.find((c) => c.type === 'password' && c.value !== undefined);
    if (!name || !user || !credential?.value || !sameSecret(credential.value, password)) return { ok: false, reason: 'invalid' };
    if (!user.enabled) return { ok: false, reason: 'disabled' };
    if (credential.temporary || user.requiredActions.includes('UPDATE_PASSWORD')) return { ok: false, reason: 'not-set-up' };
    return { ok: true, user };
  }

  // --- oidc-provider configuration --------------------------------------------------------------------------

  private configuration(): Configuration {
    const realm = this.realm;
    const sessionTtl = realm.ssoSessionMaxLifespan;
    return {
      adapter: this.store.factory,
      jwks: { keys: this.keys },
      clients: realm.clients.filter(canSignIn).map(toOidcClient),
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      scopes: ['openid', 'offline_access', ...realm.clientScopes.map((s) => s.name)],
      // Every claim is released under "openid": which claims a token carries is decided by the realm's
      // mappers (and their "add to ID token" switches), not by oidc-provider's scope-to-claims table.
      claims: { acr: null, auth_time: null, iss: null, sid: null, openid: ['sub', 'typ', 'azp', ...claimNames(realm)] },
      conformIdTokenClaims: false,
      responseTypes: ['code'],
      routes: {
        authorization: `${PROTOCOL}/auth`,
        token: `${PROTOCOL}/token`,
        jwks: `${PROTOCOL}/certs`,
        userinfo: `${PROTOCOL}/userinfo`,
        end_session: `${PROTOCOL}/logout`,
        revocation: `${PROTOCOL}/revoke`,
        introspection: `${PROTOCOL}/token/introspect`,
        pushed_authorization_request: `${PROTOCOL}/ext/par/request`,
      },
      features: {
        devInteractions: { enabled: false },
        userinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: (ctx, form) => {
            ctx.body = logoutPage(form);
          },
          postLogoutSuccessSource: (ctx) => {
            ctx.body = loggedOutPage();
          },
        },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource) => {
            if (resource !== RESOURCE) throw new errors.InvalidTarget();
            return this.resourceServer();
          },
        },
      },
      findAccount: (ctx, sub) => {
        const user = this.usersById.get(sub);
        if (!user || !user.enabled) return undefined;
        // Claims for ID tokens only: userinfo is answered by this class, access tokens by shapeAccessToken.
        return { accountId: user.id, claims: () => this.idTokenClaims(ctx.oidc.client?.clientId, user) };
      },
      // First-party clients (consentRequired false in the realm) never show a consent screen: grant what was asked.
      loadExistingGrant: async (ctx) => {
        const { client, session } = ctx.oidc;
        if (!client || !session?.accountId) return undefined;
        const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        const grant =
          (grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined) ??
          new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
        grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
        grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
        grant.addResourceScope(RESOURCE, [...ctx.oidc.requestParamScopes].join(' '));
        await grant.save();
        return grant;
      },
      interactions: { url: (_ctx, interaction) => `${this.mountPath}/login-actions/${interaction.uid}` },
      issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
      // Keycloak's default (revokeRefreshToken off): a refresh token stays valid until it expires or the
      // session ends, instead of being single-use with reuse detection.
      rotateRefreshToken: false,
      clientBasedCORS: (_ctx, origin, client) => webOriginsOf(this.clientsById.get(client.clientId) ?? emptyClient).includes(origin),
      ttl: {
        AccessToken: this.accessTokenTtl,
        IdToken: this.accessTokenTtl,
        AuthorizationCode: realm.accessCodeLifespan,
        Interaction: realm.accessCodeLifespanLogin,
        RefreshToken: sessionTtl,
        Session: sessionTtl,
        Grant: sessionTtl,
      },
      formats: { customizers: { jwt: (ctx, token, jwt) => this.shapeAccessToken(ctx, token as AccessToken, jwt) } },
      renderError: (ctx, out) => {
        ctx.type = 'html';
        ctx.body = errorPage({ error: String(out.error), description: out.error_description });
      },
    };
  }

  /** Keycloak's ID token also says what it is (typ "ID") and who asked for it (azp). */
  private idTokenClaims(clientId: string | undefined, user: RealmUser): { sub: string; [claim: string]: unknown } {
    const client = this.clientsById.get(clientId ?? '');
    const mapped = client ? mapClaims({ realm: this.realm, client, user }, 'id').claims : {};
    return { ...mapped, sub: user.id, typ: 'ID', azp: client?.clientId };
  }

  private resourceServer(): ResourceServer {
    return { scope: '', accessTokenFormat: 'jwt', accessTokenTTL: this.accessTokenTtl, jwt: { sign: { alg: 'RS256' } } };
  }

  // --- Keycloak's token shapes ------------------------------------------------------------------------------

  /** Replaces oidc-provider's RFC 9068 access token with Keycloak's: claims from the realm's mappers, typ "Bearer". */
  private shapeAccessToken(ctx: KoaContextWithOIDC, token: AccessToken, jwt: { header?: Record<string, unknown>; payload: Record<string, unknown> }) {
    const client = this.clientsById.get(token.clientId ?? '');
    const user = this.usersById.get(token.accountId);
    if (!client || !user) throw new errors.InvalidGrant('unknown client or user');
    const source = this.sourceOf(ctx);
    const { claims, audience } = mapClaims({ realm: this.realm, client, user, authTime: source.authTime }, 'access');
    const { sub, auth_time, ...rest } = claims;
    const scope = tokenScope(this.realm, client, source.scope);
    this.issued.set(ctx, { scope, sid: token.sid });
    jwt.header = { typ: 'JWT' };
    jwt.payload = {
      exp: jwt.payload.exp,
      iat: jwt.payload.iat,
      auth_time,
      jti: randomUUID(),
      iss: this.issuer,
      // Keycloak writes a single audience as a string; oidc-provider insists on one, so fall back to the client.
      aud: audience.length === 1 ? audience[0] : audience.length > 1 ? audience : client.clientId,
      sub,
      typ: 'Bearer',
      azp: client.clientId,
      sid: token.sid,
      ...rest,
      scope,
    };
  }

  /** The request's scope and login time: from the code, the refresh token, or the password grant. */
  private sourceOf(ctx: KoaContextWithOIDC): { scope: string | undefined; authTime: number | undefined } {
    const password = this.passwordGrants.get(ctx);
    if (password) return password;
    const { AuthorizationCode: code, RefreshToken: refresh } = ctx.oidc.entities;
    const source = code ?? refresh;
    return { scope: source?.scope, authTime: source?.authTime };
  }

  /**
   * Keycloak-only details: JWT-shaped refresh tokens (keycloak-js decodes them and fails on opaque ones), the
   * password grant, the extra fields of Keycloak's token response, and its error wording.
   */
  private adaptToKeycloak(): void {
    const refreshTokenValue = (token: RefreshToken) => this.refreshTokenValue(token);
    const RefreshTokenModel = this.provider.RefreshToken as unknown as { prototype: { generateTokenId(this: RefreshToken): string } };
    // The token's value is also its storage key, so a JWT-shaped value needs no lookup changes.
    RefreshTokenModel.prototype.generateTokenId = function generateTokenId(this: RefreshToken) {
      return refreshTokenValue(this);
    };

    this.provider.registerGrantType('password', (ctx) => this.passwordGrant(ctx as TokenEndpointGrantContext<PasswordParams>), ['username', 'password', 'scope']);

    this.provider.use(async (ctx, next) => {
      await next();
      // ctx.oidc exists only once oidc-provider's router has matched a route.
      if ((ctx as Partial<KoaContextWithOIDC>).oidc?.route !== 'token') return;
      const body = ctx.body as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object') return;
      if (ctx.status === 200 && typeof body.access_token === 'string') {
        ctx.body = this.tokenResponse(body, this.issued.get(ctx));
        return;
      }
      const error = String(body.error);
      const keycloakError = KEYCLOAK_ERRORS[`${error}: ${String(body.error_description)}`] ?? KEYCLOAK_ERRORS[error];
      if (keycloakError) {
        ctx.status = keycloakError.status;
        ctx.body = { error: keycloakError.error, error_description: keycloakError.description };
      }
    });
  }

  private refreshTokenValue(token: RefreshToken): string {
    const client = this.clientsById.get(token.clientId ?? '');
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      exp: now + token.expiration,
      iat: now,
      jti: randomUUID(),
      iss: this.issuer,
      aud: this.issuer,
      sub: token.accountId,
      typ: 'Refresh',
      azp: token.clientId,
      sid: token.sid,
      scope: client ? tokenScope(this.realm, client, token.scope) : token.scope,
    };
    const signingInput = `${base64url({ alg: 'HS512', typ: 'JWT' })}.${base64url(payload)}`;
    return `${signingInput}.${createHmac('sha512', this.refreshSecret).update(signingInput).digest('base64url')}`;
  }

  /** Keycloak's token response: oidc-provider's fields plus refresh_expires_in, not-before-policy and session_state. */
  private tokenResponse(body: Record<string, unknown>, issued: IssuedTokens | undefined): Record<string, unknown> {
    const refresh = typeof body.refresh_token === 'string' ? decodePayload(body.refresh_token) : undefined;
    return {
      access_token: body.access_token,
      expires_in: body.expires_in,
      ...(refresh && typeof refresh.exp === 'number'
        ? { refresh_expires_in: Math.max(0, refresh.exp - Math.floor(Date.now() / 1000)), refresh_token: body.refresh_token }
        : {}),
      token_type: 'Bearer',
      ...(body.id_token ? { id_token: body.id_token } : {}),
      'not-before-policy': 0,
      ...(issued?.sid ? { session_state: issued.sid } : {}),
      scope: issued?.scope ?? body.scope,
    };
  }

  /** Resource Owner Password Credentials, which oidc-provider does not ship: for tests and scripts only. */
  private async passwordGrant(ctx: TokenEndpointGrantContext<PasswordParams>): Promise<void> {
    const { provider, client, params } = ctx.oidc;
    const check = this.checkPassword(params.username ?? '', params.password ?? '');
    if (!check.ok) {
      ctx.status = 400;
      ctx.body = { error: 'invalid_grant', error_description: PASSWORD_GRANT_ERRORS[check.reason] };
      return;
    }
    const { user } = check;
    const known = new Set(['openid', 'offline_access', ...this.realm.clientScopes.map((s) => s.name)]);
    const scope = (params.scope ?? '').split(' ').filter((s) => known.has(s)).join(' ') || undefined;
    const authTime = Math.floor(Date.now() / 1000);
    this.passwordGrants.set(ctx, { scope, authTime });

    const grant = new provider.Grant({ clientId: client.clientId, accountId: user.id });
    if (scope) grant.addOIDCScope(scope);
    grant.addResourceScope(RESOURCE, scope ?? '');
    const grantId = await grant.save();
    // There is no browser session; Keycloak still creates a user session, so the tokens get a session id.
    const sid = randomUUID();

    const ResourceServerModel = (provider as unknown as { ResourceServer: new (id: string, info: ResourceServer) => ResourceServerInstance }).ResourceServer;
    const at = new provider.AccessToken({ accountId: user.id, client, grantId, gty: 'password', sid, expiresWithSession: false });
    at.resourceServer = new ResourceServerModel(RESOURCE, this.resourceServer());
    const accessToken = await at.save();

    let refreshToken: string | undefined;
    if (client.grantTypeAllowed('refresh_token')) {
      const rt = new provider.RefreshToken({
        accountId: user.id,
        client,
        grantId,
        gty: 'password',
        scope: scope ?? '',
        sid,
        authTime,
        acr: '1',
        amr: ['pwd'],
        resource: RESOURCE,
        rotations: 0,
        expiresWithSession: false,
      });
      refreshToken = await rt.save();
    }

    let idToken: string | undefined;
    if (scope?.split(' ').includes('openid')) {
      const claims = this.idTokenClaims(client.clientId, user);
      const token = new provider.IdToken({ ...claims, acr: '1', amr: ['pwd'], auth_time: authTime }, { ctx });
      // oidc-provider filters the ID token's claims by this scope; all of them are released under "openid".
      Object.assign(token, { scope: 'openid' });
      token.set('sid', sid);
      idToken = await token.issue({ use: 'idtoken' });
    }

    ctx.body = {
      access_token: accessToken,
      expires_in: at.expiration,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      token_type: 'Bearer',
      ...(idToken ? { id_token: idToken } : {}),
      scope,
    };
  }
}

type PasswordParams = { username?: string; password?: string };
type PasswordCheck = { ok: true; user: RealmUser } | { ok: false; reason: 'invalid' | 'disabled' | 'not-set-up' };

// What the login page says when the password check fails (Keycloak also tells a disabled account apart).
const LOGIN_PAGE_ERRORS = {
  invalid: LOGIN_ERROR,
  disabled: 'Account disabilitato: rivolgersi all\u2019amministratore.',
  'not-set-up': 'Account non ancora configurato: rivolgersi all\u2019amministratore.',
} as const;

// Keycloak's wording for a refused password grant.
const PASSWORD_GRANT_ERRORS = { invalid: 'Invalid user credentials', disabled: 'Account disabled', 'not-set-up': 'Account is not fully set up' } as const;

// oidc-provider's wording → Keycloak's, where a client might show or test it.
const KEYCLOAK_ERRORS: Record<string, { status: number; error: string; description: string }> = {
  invalid_client: { status: 401, error: 'invalid_client', description: 'Invalid client or Invalid client credentials' },
  'invalid_request: requested grant type is not allowed for this client': {
    status: 400,
    error: 'unauthorized_client',
    description: 'Client not allowed for direct access grants',
  },
  'invalid_grant: grant request is invalid': { status: 400, error: 'invalid_grant', description: 'Invalid refresh token' },
};

const emptyClient = { webOrigins: [], redirectUris: [] } as unknown as RealmClient;

/** Bearer-only clients (the API) and clients with every flow off never obtain tokens, as in Keycloak. */
function canSignIn(client: RealmClient): boolean {
  return client.enabled && !client.bearerOnly && client.protocol === 'openid-connect' && (client.standardFlowEnabled || client.directAccessGrantsEnabled);
}

function toOidcClient(client: RealmClient) {
  if (!client.publicClient) throw new Error(`client ${client.clientId}: only public clients can sign in here (no client secrets are emulated)`);
  const grantTypes = new Set<string>();
  if (client.standardFlowEnabled) grantTypes.add('authorization_code').add('refresh_token');
  if (client.directAccessGrantsEnabled) grantTypes.add('password').add('refresh_token');
  const postLogout = client.attributes['post.logout.redirect.uris'];
  return {
    client_id: client.clientId,
    token_endpoint_auth_method: 'none' as const,
    grant_types: [...grantTypes],
    response_types: client.standardFlowEnabled ? ['code' as const] : [],
    redirect_uris: client.standardFlowEnabled ? client.redirectUris : [],
    // "+" means "the same as the redirect URIs", Keycloak's default for a new client.
    post_logout_redirect_uris: postLogout === undefined || postLogout === '+' ? client.redirectUris : postLogout.split('##').filter(Boolean),
  };
}

/**
 * Where Keycloak's clients behave differently from oidc-provider's: Keycloak accepts redirect URI patterns
 * such as "http://localhost:5173/*" (oidc-provider matches exactly), and always puts the session id (sid) in
 * tokens (oidc-provider only for clients registered for front- or back-channel logout).
 */
function installKeycloakClientBehaviour(provider: Provider): void {
  const ClientModel = provider.Client as unknown as {
    prototype: {
      redirectUris: string[];
      postLogoutRedirectUris: string[] | undefined;
      redirectUriAllowed(uri: string): boolean;
      postLogoutRedirectUriAllowed(uri: string): boolean;
      includeSid(): boolean;
    };
  };
  ClientModel.prototype.redirectUriAllowed = function redirectUriAllowed(uri: string) {
    return matchesRedirectUri(this.redirectUris, uri);
  };
  ClientModel.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(uri: string) {
    return matchesRedirectUri(this.postLogoutRedirectUris ?? [], uri);
  };
  ClientModel.prototype.includeSid = () => true;
}

function sameSecret(expected: string, given: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function decodePayload(jwt: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > limit) throw new Error('request body too large');
  }
  return body;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html);
}
