// The Pothos builder: plugins, the request Context and the auth scopes. Types live in src/schema/*.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Database, PrismaClient, Tx } from '@albero/db';
import type { ApiActor, PersonFacts } from './actor.js';
import type { KeycloakAdmin } from './auth/keycloak-admin.js';
import { BadInputError, ForbiddenError, UnauthenticatedError } from './errors.js';
import { mayAttempt, type Action } from './policies.js';
import type PrismaTypes from './generated/pothos-prisma-types.js';
import { getDatamodel } from './generated/pothos-prisma-types.js';
import { LIMITS } from './limits.js';

/** What every resolver receives: the caller, the request's unit of work and lazily loaded facts. */
export type Context = {
  actor: ApiActor;
  /** The request's unit of work (one transaction, scoped to the caller's chamber); null only for public-only requests. */
  tx: Tx | null;
  /** For the public read path, which opens its own units of work scoped to the chamber it reads. */
  db: Pick<Database, 'prisma'>;
  /** The caller's person record and units (memoised per request); null when the caller has none. */
  person: () => Promise<PersonFacts | null>;
  /** Per-request memo of derived data (a cycle's scores, asked for by many fields). */
  memo: Map<string, Promise<unknown>>;
  /** Tells the chamber directory that subscriptions changed (platform mutations). */
  chambersChanged: () => void;
  /** Marks the response as depending on other chambers' data (benchmarks): the response cache must not keep it. */
  uncacheable: () => void;
  /** Keycloak's Admin REST API (service account albero-admin); null when the API runs without its secret. */
  keycloakAdmin: KeycloakAdmin | null;
};

export type AuthScopes = {
  /** The field needs this action of src/policies.ts (at least under some condition). */
  can: Action;
};

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopes;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
}>({
  // Non-null unless a field says otherwise: clients can rely on what the schema promises.
  defaultFieldNullability: false,
  // scope-auth first: no other plugin's wrapper runs for a caller the field refuses.
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin, ValidationPlugin, ComplexityPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({ can: (action: Action) => mayAttempt(ctx.actor, action) }),
    unauthorizedError: (_parent, ctx, info) =>
      ctx.actor.kind === 'anonymous'
        ? new UnauthenticatedError('sign in to read this')
        : new ForbiddenError(`not allowed: ${info.parentType.name}.${info.fieldName}`),
  },
  prisma: {
    client: (ctx) => {
      // The tenant is set once per request, before any resolver; a resolver without it is a bug, not a guess.
      if (ctx.tx === null) throw new Error('resolver ran without the request unit of work');
      // A transaction client answers every model query the plugin makes; only $transaction & co. are absent.
      return ctx.tx as unknown as PrismaClient;
    },
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    maxConnectionSize: LIMITS.pageSize,
    defaultConnectionSize: 20,
    onUnusedQuery: null,
  },
  relay: {
    // Plain UUID ids, looked up within the caller's chamber; no global `node` entry point to secure twice.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  validation: {
    validationError: (result) =>
      new BadInputError(result.issues.map((i) => i.message).join('; '), {
        issues: result.issues.map((i) => ({ path: (i.path ?? []).map((p) => (typeof p === 'object' ? p.key : p)), message: i.message })),
      }),
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: { complexity: LIMITS.complexity, depth: LIMITS.depth, breadth: LIMITS.breadth },
    complexityError: (kind, result) => {
      const measure = kind.toLowerCase() as 'complexity' | 'depth' | 'breadth';
      const max = { complexity: result.maxComplexity, depth: result.maxDepth, breadth: result.maxBreadth }[measure];
      return new BadInputError(`query ${measure} ${result[measure]} exceeds the limit of ${max}`, { limit: measure, value: result[measure], max });
    },
  },
});

builder.queryType({});
builder.mutationType({});
