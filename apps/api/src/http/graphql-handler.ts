// POST/GET /graphql: the caller is identified from the bearer token, then the whole GraphQL execution runs
// inside ONE unit of work (a transaction as the application role, row-level security on the caller's
// chamber). Any error in the response rolls the transaction back, so a failed mutation writes nothing.
import type { Request, Response } from 'express';
import { Kind, OperationTypeNode, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { HeaderMap, type ApolloServer, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import { withUnitOfWork, type Database } from '@albero/db';
import { dbActor, type ApiActor, type PersonFacts } from '../actor.js';
import type { VerifyBearer } from '../auth/identity.js';
import type { KeycloakAdmin } from '../auth/keycloak-admin.js';
import { resolveActor, type ChamberDirectory } from '../auth/resolve-actor.js';
import type { Context } from '../builder.js';
import { DomainError, UnauthenticatedError } from '../errors.js';
import { linkPersonSubject, loadPersonFacts } from '../facts.js';
import { cacheKey, probeVersion, readVersion, type ResponseCache } from './response-cache.js';

/** Per-request state the Apollo plugin (server.ts) reports back to the handler. */
export type RequestState = {
  failed: boolean;
  mutation: boolean;
  /** A resolver read data beyond the caller's chamber (benchmarks): the chamber's data version does not cover it. */
  uncacheable: boolean;
};
export type ServerContext = Context & { state: RequestState };

type HandlerOptions = {
  server: ApolloServer<ServerContext>;
  db: Database;
  verifyBearer: VerifyBearer;
  chambers: ChamberDirectory;
  /** Responses of chamber users by data version; absent: every request executes. */
  cache: ResponseCache | undefined;
  log: (message: string, error?: unknown) => void;
  keycloakAdmin: KeycloakAdmin | null;
};

class Rollback extends Error {
  constructor(readonly response: HTTPGraphQLResponse) {
    super('rollback');
  }
}

const PUBLIC_FIELDS = new Set(['publicReport', 'publishedCycles', '__typename']);

function selectedOperation(document: DocumentNode, name: unknown): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return typeof name === 'string' && name !== '' ? operations.find((o) => o.name?.value === name) : operations.length === 1 ? operations[0] : undefined;
}

/**
 * Whether the request only asks for published reports (publicReport, publishedCycles). Such a request is answered without the
 * caller's unit of work: each report opens its own, scoped to the chamber it reads, as the public.
 */
export function isPublicOnly(query: unknown, operationName: unknown): boolean {
  if (typeof query !== 'string' || !(query.includes('publicReport') || query.includes('publishedCycles'))) return false;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 2000 });
  } catch {
    return false;
  }
  const operation = selectedOperation(document, operationName);
  return (
    operation?.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_FIELDS.has(s.name.value))
  );
}

function httpRequest(req: Request): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const queryIndex = req.originalUrl.indexOf('?');
  return { method: req.method.toUpperCase(), headers, search: queryIndex >= 0 ? req.originalUrl.slice(queryIndex) : '', body: req.body as unknown };
}

async function send(res: Response, response: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.send(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** A failed mutation was rolled back: its partial data would claim writes that did not happen. */
function withoutData(response: HTTPGraphQLResponse): HTTPGraphQLResponse {
  if (response.body.kind !== 'complete') return response;
  try {
    const body = JSON.parse(response.body.string) as { data?: unknown; errors?: unknown };
    if (body.data === undefined || body.data === null) return response;
    return { ...response, body: { kind: 'complete', string: JSON.stringify({ errors: body.errors, data: null }) } };
  } catch {
    return response;
  }
}

function errorBody(error: DomainError): string {
  return JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] });
}

/** Who calls: anonymous without an Authorization header, otherwise the verified token's actor. */
async function identify(req: Request, options: HandlerOptions): Promise<ApiActor> {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') return { kind: 'anonymous' };
  const match = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*\.[A-Za-z0-9\-_]*)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
  const identity = await options.verifyBearer(match[1]!);
  const requested = req.headers['x-albero-chamber'];
  return resolveActor(identity, options.chambers, typeof requested === 'string' ? requested : undefined);
}

/** The Express handler of /graphql. */
export function graphqlHandler(options: HandlerOptions) {
  const { server, db } = options;
  return async (req: Request, res: Response): Promise<void> => {
    let actor: ApiActor;
    try {
      actor = await identify(req, options);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'IDENTITY_PROVIDER_UNAVAILABLE') {
        options.log('identity provider unreachable while verifying a token', error.cause);
        res.status(503).setHeader('Retry-After', '5').type('application/json').send(errorBody(error));
        return;
      }
      if (error.cause !== undefined) options.log(`rejected token: ${error.message}`, error.cause);
      res.status(error.code === 'UNAUTHENTICATED' ? 401 : 403);
      if (error.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      res.type('application/json').send(errorBody(error));
      return;
    }

    const request = httpRequest(req);
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    const query = req.method === 'GET' ? req.query.query : body?.query;
    const operationName = req.method === 'GET' ? req.query.operationName : body?.operationName;
    const state: RequestState = { failed: false, mutation: false, uncacheable: false };
    const uncacheable = () => {
      state.uncacheable = true;
    };
    const chambersChanged = () => options.chambers.invalidate();

    if (isPublicOnly(query, operationName)) {
      const context: ServerContext = { actor, tx: null, db, person: () => Promise.resolve(null), memo: new Map(), chambersChanged, uncacheable, state, keycloakAdmin: options.keycloakAdmin };
      await send(res, await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => Promise.resolve(context) }));
      return;
    }

    // Only plain JSON POSTs of chamber users go through the cache: the form Apollo's CSRF check accepts.
    const key =
      options.cache && actor.kind === 'member' && req.method === 'POST' && req.is('application/json') && typeof query === 'string'
        ? cacheKey(actor, { query, operationName, variables: body?.variables })
        : undefined;
    const hit = key === undefined ? undefined : options.cache!.get(key);
    if (hit && actor.kind === 'member' && (await probeVersion(db.pool, actor.chamberId)) === hit.version) {
      res.status(200).type('application/json; charset=utf-8').send(hit.body);
      return;
    }

    let response: HTTPGraphQLResponse;
    try {
      response = await withUnitOfWork(
        db,
        { chamberId: actor.kind === 'member' ? actor.chamberId : null, actor: dbActor(actor) },
        async (tx) => {
          let person: Promise<PersonFacts | null> | undefined;
          const context: ServerContext = {
            actor,
            tx,
            db,
            state,
            memo: new Map(),
            chambersChanged,
            uncacheable,
            keycloakAdmin: options.keycloakAdmin,
            person: () => (person ??= actor.kind === 'member' ? loadPersonFacts(tx, actor.chamberId, actor.subject, actor.username) : Promise.resolve(null)),
          };
          const before = key === undefined ? undefined : await readVersion(tx);
          const result = await server.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => Promise.resolve(context) });
          if (state.failed) throw new Rollback(result);
          if (state.mutation && actor.kind === 'member') await linkPersonSubject(tx, actor.chamberId, actor.subject, actor.username);
          // Stored only when no write of the chamber committed meanwhile (each statement saw the same data).
          if (key !== undefined && before !== undefined && !state.mutation && !state.uncacheable && (result.status ?? 200) === 200 && result.body.kind === 'complete' && (await readVersion(tx)) === before) {
            options.cache!.set(key, { version: before, body: result.body.string });
          }
          return result;
        },
        { timeoutMs: 20_000 },
      );
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      response = state.mutation ? withoutData(error.response) : error.response;
    }
    await send(res, response);
  };
}
