// Checks shared by the use cases: existence within the chamber, authorisation on a node, workflow
// states and optimistic concurrency. Each throws a domain error; none writes.
import { BadInputError, NotFoundError, staleVersion } from '../errors.js';
import { loadNodeFacts } from '../facts.js';
import { authorize, needsPerson, type Action } from '../policies.js';
import type { TenantScope } from '../tenant.js';

/** Loads a cycle of the chamber or throws NOT_FOUND (another chamber's cycle is invisible under RLS). */
export async function findCycle(scope: TenantScope, cycleId: string) {
  const cycle = await scope.tx.cycle.findUnique({ where: { chamberId_id: { chamberId: scope.chamberId, id: cycleId } } });
  if (!cycle) throw new NotFoundError('Cycle', cycleId);
  return cycle;
}

/** A closed or published cycle is the record of a year: nothing in it changes any more. */
export function assertCycleOpen(cycle: { id: string; state: string }): void {
  if (cycle.state === 'closed' || cycle.state === 'published') {
    throw new BadInputError(`cycle ${cycle.id} is ${cycle.state}: its plan and values can no longer change`, { state: cycle.state });
  }
}

/** The plan's structure (nodes, indicators, original targets) is edited while the cycle is a draft. */
export function assertCycleDraft(cycle: { id: string; state: string }, what: string): void {
  if (cycle.state !== 'draft') {
    throw new BadInputError(`cycle ${cycle.id} is ${cycle.state}: ${what} only while it is a draft (revise targets instead)`, { state: cycle.state });
  }
}

/** The version the caller read must be the row's current one; otherwise nothing is written. */
export function assertVersion(entity: string, row: { id: string; version: number }, version: number): void {
  if (row.version !== version) throw staleVersion(entity, row.id, version);
}

/** An UPDATE … WHERE version = $v that matched nothing lost a race: CONFLICT, nothing overwritten. */
export function assertUpdated(result: { count: number }, entity: string, id: string, version: number): void {
  if (result.count !== 1) throw staleVersion(entity, id, version);
}

/** Authorises an action on a node of the tree, with the node's responsible units and people. */
export async function authorizeOnNode(scope: TenantScope, action: Action, nodeId: string): Promise<{ cycleId: string }> {
  const facts = await loadNodeFacts(scope.tx, scope.chamberId, nodeId);
  authorize(scope.actor, action, facts, needsPerson(scope.actor, action) ? await scope.person() : null);
  return { cycleId: facts.cycleId };
}

/** Authorises an action that holds on the whole chamber or not at all. */
export function authorizeInChamber(scope: TenantScope, action: Action): void {
  authorize(scope.actor, action);
}

/** A reason or other required text: trimmed, at least `min` characters. */
export function requiredText(value: string | null | undefined, field: string, min = 3): string {
  const text = value?.trim() ?? '';
  if (text.length < min) throw new BadInputError(`${field} is required (at least ${min} characters)`, { field });
  return text;
}
