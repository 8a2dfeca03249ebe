// The HTTP server: Express 5 with /health and /graphql (Apollo Server 5 executing the Pothos schema).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { OperationTypeNode, type GraphQLSchema } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Database } from '@albero/db';
import type { VerifyBearer } from './auth/identity.js';
import type { KeycloakAdmin } from './auth/keycloak-admin.js';
import { createChamberDirectory, type ChamberDirectory } from './auth/resolve-actor.js';
import { formatError } from './http/format-error.js';
import { graphqlHandler, type ServerContext } from './http/graphql-handler.js';
import { aliasLimit } from './http/hardening.js';
import { createResponseCache } from './http/response-cache.js';
import { LIMITS } from './limits.js';
import { buildSchema } from './schema/index.js';

export type ApiOptions = {
  db: Database;
  verifyBearer: VerifyBearer;
  production: boolean;
  corsOrigins?: string[] | undefined;
  schema?: GraphQLSchema | undefined;
  /** Bytes of responses kept by data version (0: no response cache). */
  responseCacheBytes?: number | undefined;
  log?: ((message: string, error?: unknown) => void) | undefined;
  /** Keycloak's Admin REST API as the service account albero-admin; absent: people cannot be administered. */
  keycloakAdmin?: KeycloakAdmin | undefined;
  /** The realm URL /health probes, e.g. http://keycloak:8080/realms/albero (absent: not reported). */
  identityProviderUrl?: string | undefined;
};

export type Api = {
  app: express.Express;
  chambers: ChamberDirectory;
  /** Listens on the port (0: any free port) and returns the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
};

const defaultLog = (message: string, error?: unknown) => {
  if (error === undefined) console.error(`api: ${message}`);
  else console.error(`api: ${message}`, error);
};

/** Builds the API (not yet listening): Express app, Apollo Server and the per-request unit of work. */
export async function createApi(options: ApiOptions): Promise<Api> {
  const log = options.log ?? defaultLog;
  const httpServer: Server = createServer();
  const apollo = new ApolloServer<ServerContext>({
    schema: options.schema ?? buildSchema(),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    // Apollo's default; written out because the browser app relies on it: no simple (CSRF-able) requests.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    validationRules: [aliasLimit()],
    parseOptions: { maxTokens: LIMITS.tokens },
    formatError: (formatted, error) => formatError(formatted, error, (hidden) => log('internal error', hidden)),
    plugins: [
      // No HTTP cache hints: responses are private to their caller (Cache-Control: no-store below).
      ApolloServerPluginCacheControlDisabled(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      {
        // Tells the handler whether to roll the request's unit of work back.
        requestDidStart: () =>
          Promise.resolve({
            didResolveOperation: ({ operation, contextValue }) => {
              contextValue.state.mutation = operation?.operation === OperationTypeNode.MUTATION;
              return Promise.resolve();
            },
            didEncounterErrors: ({ contextValue }) => {
              contextValue.state.failed = true;
              return Promise.resolve();
            },
          }),
      },
    ],
  });
  await apollo.start();

  const chambers = createChamberDirectory(options.db.pool);
  const cacheBytes = options.responseCacheBytes ?? 64 * 1024 * 1024;
  const cache = cacheBytes > 0 ? createResponseCache(cacheBytes) : undefined;
  const origins = new Set(options.corsOrigins ?? []);
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  app.use((req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    const origin = req.headers.origin;
    if (origin !== undefined && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Apollo-Require-Preflight, X-Albero-Chamber');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  });

  // The database decides the status code (without it nothing works); the identity provider is reported: while it
  // is unreachable, requests whose token keys are known still work, new keys and administration answer 503.
  app.get('/health', async (_req, res) => {
    const [database, identityProvider] = await Promise.all([
      options.db.pool.query('SELECT 1').then(
        () => 'ok' as const,
        (error: unknown) => {
          log('health check: database unreachable', error);
          return 'unreachable' as const;
        },
      ),
      options.identityProviderUrl === undefined ? Promise.resolve(undefined) : probeIdentityProvider(options.identityProviderUrl),
    ]);
    const body = { status: database !== 'ok' ? 'unavailable' : identityProvider === 'unreachable' ? 'degraded' : 'ok', database, ...(identityProvider ? { identityProvider } : {}) };
    res.status(database === 'ok' ? 200 : 503).json(body);
  });

  // Graceful stop: requests already accepted finish (inside their unit of work) before Apollo stops.
  let inflight = 0;
  let closing = false;
  let drained: (() => void) | undefined;
  app.use('/graphql', (_req: Request, res: Response, next: NextFunction) => {
    if (closing) {
      res.status(503).setHeader('Connection', 'close').json({ errors: [{ message: 'the server is stopping', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      return;
    }
    inflight++;
    res.on('close', () => {
      if (--inflight === 0) drained?.();
    });
    next();
  });
  app.use('/graphql', express.json({ limit: LIMITS.bodyBytes }), graphqlHandler({ server: apollo, db: options.db, verifyBearer: options.verifyBearer, chambers, cache, log, keycloakAdmin: options.keycloakAdmin ?? null }));

  // Body-parser and unexpected failures, in the GraphQL error shape with a stable code and no internals.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = status === 413 ? `request body larger than ${LIMITS.bodyBytes} bytes` : 'malformed request body';
      res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
      return;
    }
    // Prisma's P2028: no connection for the request's transaction within its wait: overloaded, not broken.
    if ((error as { code?: unknown }).code === 'P2028') {
      log('overloaded: no database connection for a request in time');
      res.status(503).setHeader('Retry-After', '1').json({ errors: [{ message: 'the server is busy, retry shortly', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      return;
    }
    log('request failed', error);
    res.status(500).json({ errors: [{ message: 'Unexpected error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  httpServer.on('request', app);

  return {
    app,
    chambers,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      });
    },
    async close() {
      closing = true;
      const stopped = httpServer.listening ? new Promise<void>((resolve) => httpServer.close(() => resolve())) : Promise.resolve();
      if (inflight > 0) {
        await Promise.race([new Promise<void>((resolve) => (drained = resolve)), new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
      }
      httpServer.closeAllConnections();
      await stopped;
      await apollo.stop();
    },
  };
}

/** Whether the identity provider answers its realm document within 2 s. */
async function probeIdentityProvider(realmUrl: string): Promise<'ok' | 'unreachable'> {
  try {
    const response = await fetch(realmUrl, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok ? 'ok' : 'unreachable';
  } catch {
    return 'unreachable';
  }
}
