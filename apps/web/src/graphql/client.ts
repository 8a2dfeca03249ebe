// The urql client: normalised cache (Graphcache), bearer token from the session (refreshed on expiry or
// on UNAUTHENTICATED), POST only (the API's CSRF prevention refuses simple GET requests); after a CONFLICT the
// queries on screen are asked again (conflict-refresh.ts).
import { Client, fetchExchange, type CombinedError } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, type Cache, type KeyGenerator } from '@urql/exchange-graphcache';
import { appConfig } from '../app/config.js';
import type { Session } from '../auth/keycloak.js';
import { conflictRefreshExchange } from './conflict-refresh.js';
import { allOf, type KeylessType, type MutationName, type ObjectType, type QueryField } from './graphql.js';

type Data = Record<string, unknown>;
const idOf = (value: unknown): string | undefined => {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
};
/** A key from two parts, or null (embedded in its parent) when the query did not select both. */
const composite = (a: string | undefined, b: string | undefined): string | null => (a !== undefined && b !== undefined ? `${a}|${b}` : null);

/**
 * Types without an `id` of their own: keyed by what identifies them, or embedded in their parent (null)
 * when nothing does (a level is unique only within its cycle; a score depends on the period asked).
 * Checked against the schema (graphql-env.d.ts): a keyless type left out, or one that gained an id, fails typecheck.
 */
export const keys = {
  Viewer: () => null,
  CycleLevel: () => null,
  Scorecard: () => null,
  NodeScore: () => null,
  IndicatorScore: () => null,
  NodeUnit: (data: Data) => composite(idOf(data.node), idOf(data.unit)),
  Assignment: (data: Data) => composite(idOf(data.node), idOf(data.person)),
  UnitMembership: (data: Data) => composite(idOf(data.unit), idOf(data.person)),
  VariableValue: () => null,
  MyObjective: () => null,
  PendingEntry: () => null,
  WeightIssue: () => null,
  // What a deletion removed: a one-off answer, not an entity to keep.
  DeletedNode: () => null,
  DeletedIndicator: () => null,
  PageInfo: () => null,
  PublicReport: () => null,
  PublicCycle: () => null,
  PersonScorecard: () => null,
  IndividualScorecard: () => null,
  ScorecardComponent: () => null,
  PublicChamber: () => null,
  PublicLevel: () => null,
  PublicNode: () => null,
  PublicIndicator: () => null,
  QueryChambersConnection: () => null,
  QueryChambersConnectionEdge: () => null,
  QueryPeopleConnection: () => null,
  QueryPeopleConnectionEdge: () => null,
  QueryUnitsConnection: () => null,
  QueryUnitsConnectionEdge: () => null,
  QueryMeasurementsConnection: () => null,
  QueryMeasurementsConnectionEdge: () => null,
  QueryAuditTrailConnection: () => null,
  QueryAuditTrailConnectionEdge: () => null,
  // Benchmarks: anonymised chambers have no id; a series is one indicator in one year of one filtered comparison.
  BenchmarkSeries: () => null,
  BenchmarkStats: () => null,
  BenchmarkEntry: () => null,
  BenchmarkChamber: () => null,
  FinancialRatio: (data: Data) => (typeof data.code === 'string' ? data.code : null),
  SizeClass: (data: Data) => (typeof data.code === 'string' ? data.code : null),
} satisfies Record<KeylessType, KeyGenerator> & Partial<Record<ObjectType, KeyGenerator>>;

/** Root fields whose answers a write can change beyond the entity it returns (scores, queues, lists). */
const DERIVED_FIELDS = new Set<string>(['cycle', 'cycles', 'myObjectives', 'myScorecard', 'personScorecard', 'measurements', 'node', 'indicator', 'units', 'people', 'chambers', 'benchmark', 'chamberLogins'] satisfies QueryField[]);

/** After any write, cached scores and lists are stale: drop them so that the screens ask again. */
export function invalidateDerived(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (DERIVED_FIELDS.has(field.fieldName)) cache.invalidate('Query', field.fieldName, field.arguments ?? undefined);
  }
}

/** Every mutation of the schema (a new one fails typecheck until it is listed here). */
const MUTATIONS = allOf<MutationName>()(
  'enterMeasurement', 'submitMeasurement', 'approveMeasurement', 'rejectMeasurement', 'setOverride', 'revokeOverride',
  'setNodeWeights', 'createNode', 'updateNode', 'moveNode', 'reorderNodes', 'assignNode', 'createIndicator', 'updateIndicator',
  'setTarget', 'updateTarget', 'reviseTarget', 'copyCycle', 'createCycle', 'openPeriod', 'closePeriod', 'addPeriod', 'approveCycle',
  'closeCycle', 'publishCycle', 'validateReport', 'createUnit', 'updateUnit', 'createPerson', 'updatePerson', 'subscribeChamber',
  'suspendChamber', 'resumeChamber', 'setBenchmarkNameSharing', 'updateLevels', 'setAppraisal', 'createRevision',
  'deleteNode', 'deleteIndicator', 'createVariable', 'setVariableValue', 'publishSystemObjectives',
  'inviteLogin', 'assignLoginRoles', 'removeLoginRoles', 'setLoginEnabled', 'resendInvitation',
);

const idsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);

/** A deletion also drops the removed nodes and indicators themselves: no screen shows them from the cache again. */
export function invalidateDeleted(result: Data, cache: Cache): void {
  const node = result.deleteNode as Data | null | undefined;
  const indicator = result.deleteIndicator as Data | null | undefined;
  for (const id of idsOf(node?.nodeIds)) cache.invalidate({ __typename: 'PlanNode', id });
  for (const id of [...idsOf(node?.indicatorIds), ...(typeof indicator?.id === 'string' ? [indicator.id] : [])]) cache.invalidate({ __typename: 'Indicator', id });
  for (const id of [...idsOf(node?.targetIds), ...idsOf(indicator?.targetIds)]) cache.invalidate({ __typename: 'Target', id });
}

const mutationUpdates = Object.fromEntries(
  MUTATIONS.map((name) => [
    name,
    (result: Data, _args: unknown, cache: Cache) => {
      if (name === 'deleteNode' || name === 'deleteIndicator') invalidateDeleted(result, cache);
      invalidateDerived(cache);
    },
  ]),
);

/** Whether the API refused the request for want of a valid token. */
export function isAuthError(error: CombinedError): boolean {
  return error.response instanceof Response && error.response.status === 401
    ? true
    : error.graphQLErrors.some((e) => e.extensions.code === 'UNAUTHENTICATED');
}

/** The client of signed-in screens. */
export function createApiClient(session: Session): Client {
  return new Client({
    url: appConfig().apiUrl,
    preferGetMethod: false,
    exchanges: [
      conflictRefreshExchange(),
      cacheExchange({ keys, updates: { Mutation: mutationUpdates } }),
      authExchange(async (utils) => {
        let token = await session.token();
        return {
          addAuthToOperation: (operation) => utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }),
          willAuthError: () => session.isExpiring(),
          didAuthError: (error) => isAuthError(error),
          async refreshAuth() {
            if (!(await session.refresh())) await session.logout();
            token = await session.token();
          },
        };
      }),
      fetchExchange,
    ],
  });
}

/** The client of the public pages: no token, no cache shared with signed-in screens. */
export function createPublicClient(): Client {
  return new Client({ url: appConfig().apiUrl, preferGetMethod: false, exchanges: [cacheExchange({ keys }), fetchExchange] });
}
