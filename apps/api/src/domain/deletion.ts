// Removing part of a draft plan safely (deleteNode, deleteIndicator): the workflow state, the row locks that
// keep the removal whole against concurrent writes, and what refuses it. The rows under a node go by the
// database's own foreign keys (migration 20261122090000_init: plan_node.parent_id, indicator.node_id,
// plan_node_unit / plan_node_person.node_id, target.indicator_id are ON DELETE CASCADE), in the request's
// unit of work; the audit triggers record every row removed, cascaded ones included.
import type { Tx } from '@albero/db';
import { BadInputError, NotFoundError } from '../errors.js';

/** Most rows of each kind a refusal names in its details (its message names fewer). */
const LISTED = 50;
/** Most rows of each kind a refusal's message names. */
const IN_MESSAGE = 10;

/**
 * Reads the cycle of the item and holds it (FOR SHARE: an approval waits until the removal commits);
 * refuses unless the plan is a draft. An approved plan is changed by revision, never by deletion.
 */
export async function draftCycleForDeletion(tx: Tx, chamberId: string, cycleId: string, what: 'nodes' | 'indicators'): Promise<{ id: string; year: number }> {
  const rows = await tx.$queryRaw<{ id: string; year: number; state: string }[]>`
    SELECT id::text AS id, year, state::text AS state FROM cycle WHERE chamber_id = ${chamberId}::uuid AND id = ${cycleId}::uuid FOR SHARE`;
  const cycle = rows[0];
  if (!cycle) throw new NotFoundError('Cycle', cycleId);
  if (cycle.state !== 'draft') {
    throw new BadInputError(
      `cycle ${cycle.year} is ${cycle.state}: ${what} are deleted only from a draft plan; an approved plan is changed by revision (createRevision, reviseTarget), not by deletion`,
      { state: cycle.state },
    );
  }
  return { id: cycle.id, year: cycle.year };
}

/**
 * Locks a node and, level by level, every node under it (FOR UPDATE), and returns their ids, the node first.
 * Each level is read after its parents are locked, so no child can be added under the subtree meanwhile
 * (adding one needs a key-share lock on its parent): what is checked is exactly what the cascade removes.
 */
export async function lockSubtree(tx: Tx, chamberId: string, nodeId: string): Promise<string[]> {
  const ids = [nodeId];
  let frontier = [nodeId];
  while (frontier.length > 0) {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM plan_node WHERE chamber_id = ${chamberId}::uuid AND parent_id = ANY(${frontier}::uuid[]) ORDER BY id FOR UPDATE`;
    frontier = rows.map((r) => r.id).filter((id) => !ids.includes(id));
    ids.push(...frontier);
  }
  return ids;
}

/** Locks the indicators of these nodes (no target or value can be added to them meanwhile); their ids in plan order. */
export async function lockIndicators(tx: Tx, chamberId: string, nodeIds: string[]): Promise<string[]> {
  if (nodeIds.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM indicator WHERE chamber_id = ${chamberId}::uuid AND node_id = ANY(${nodeIds}::uuid[]) ORDER BY id FOR UPDATE`;
  return rows.map((r) => r.id);
}

/** Why a removal is refused: each row that would be lost or left dangling, named for the person. */
export type DeletionBlockers = {
  /** Values recorded for an indicator that would go (any status: a draft value is work someone did). */
  measurements: { nodeCode: string; indicator: string; periodDate: string; status: string }[];
  /** Score overrides (OIV) on a node or an indicator that would go, revoked ones included: they are the record. */
  overrides: { nodeCode: string; indicator: string | null; revoked: boolean }[];
  /** Nodes of a later cycle that continue one that would go (their previousNode). */
  continuedBy: { year: number; code: string; continues: string }[];
};

const day = (d: Date) => d.toISOString().slice(0, 10);
const indicatorLabel = (i: { code: string | null; name: string }) => (i.code ? `${i.code} ${i.name}` : i.name);

/** What refuses removing these nodes (with everything under them) and these indicators. */
export async function deletionBlockers(tx: Tx, chamberId: string, nodeIds: string[], indicatorIds: string[]): Promise<DeletionBlockers> {
  const measurements =
    indicatorIds.length === 0
      ? []
      : await tx.measurement.findMany({
          where: { chamberId, indicatorId: { in: indicatorIds } },
          orderBy: [{ indicatorId: 'asc' }, { createdAt: 'asc' }],
          take: LISTED,
          select: { status: true, period: { select: { periodDate: true } }, indicator: { select: { code: true, name: true, node: { select: { code: true } } } } },
        });
  const overrides = await tx.scoreOverride.findMany({
    where: { chamberId, OR: [...(nodeIds.length ? [{ nodeId: { in: nodeIds } }] : []), ...(indicatorIds.length ? [{ indicatorId: { in: indicatorIds } }] : [])] },
    orderBy: { setAt: 'asc' },
    take: LISTED,
    select: { revokedAt: true, node: { select: { code: true } }, indicator: { select: { code: true, name: true, node: { select: { code: true } } } } },
  });
  const continuedBy =
    nodeIds.length === 0
      ? []
      : await tx.planNode.findMany({
          where: { chamberId, previousNodeId: { in: nodeIds }, id: { notIn: nodeIds } },
          orderBy: [{ cycleId: 'asc' }, { code: 'asc' }],
          take: LISTED,
          select: { code: true, cycle: { select: { year: true } }, previousNode: { select: { code: true } } },
        });
  return {
    measurements: measurements.map((m) => ({ nodeCode: m.indicator.node.code, indicator: indicatorLabel(m.indicator), periodDate: day(m.period.periodDate), status: m.status })),
    overrides: overrides.map((o) => ({
      nodeCode: o.node?.code ?? o.indicator?.node.code ?? '',
      indicator: o.indicator ? indicatorLabel(o.indicator) : null,
      revoked: o.revokedAt !== null,
    })),
    continuedBy: continuedBy.map((n) => ({ year: n.cycle.year, code: n.code, continues: n.previousNode?.code ?? '' })),
  };
}

const listed = (items: string[]) => (items.length > IN_MESSAGE ? `${items.slice(0, IN_MESSAGE).join(', ')} and more` : items.join(', '));

/**
 * Throws BAD_USER_INPUT naming what refuses the removal, or returns. `extensions.reason`: HAS_MEASUREMENTS
 * when values are recorded, else HAS_OVERRIDES, else CONTINUED_IN_NEXT_CYCLE; every list is in the details.
 */
export function refuseIfBlocked(subject: string, blockers: DeletionBlockers): void {
  const { measurements, overrides, continuedBy } = blockers;
  const why: string[] = [];
  if (measurements.length > 0) why.push(`values are recorded for ${listed(measurements.map((m) => `${m.indicator} (${m.nodeCode}, ${m.periodDate}, ${m.status})`))}`);
  if (overrides.length > 0) why.push(`score overrides are set on ${listed(overrides.map((o) => (o.indicator ? `${o.indicator} (${o.nodeCode})` : o.nodeCode)))}`);
  if (continuedBy.length > 0) why.push(`objectives of a later cycle continue it: ${listed(continuedBy.map((n) => `${n.code} of ${n.year} (continues ${n.continues})`))}`);
  if (why.length === 0) return;
  const reason = measurements.length > 0 ? 'HAS_MEASUREMENTS' : overrides.length > 0 ? 'HAS_OVERRIDES' : 'CONTINUED_IN_NEXT_CYCLE';
  throw new BadInputError(`${subject} cannot be deleted: ${why.join('; ')}`, { reason, measurements, overrides, continuedBy });
}
