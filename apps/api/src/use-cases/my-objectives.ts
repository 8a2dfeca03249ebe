import { NotFoundError } from '../errors.js';
import type { TenantScope } from '../tenant.js';
import { inOrder } from '../domain/in-order.js';

export type ObjectiveReason = 'owner' | 'assigned' | 'unit';
export type NextStep = 'enter' | 'correct' | 'submit';
export type PendingEntry = { indicatorId: string; periodId: string; measurementId: string | null; next: NextStep; dueDate: Date | null };
export type MyObjective = { nodeId: string; reasons: ObjectiveReason[]; pending: PendingEntry[] };

/**
 * The signed-in person's objectives in a cycle (default: the latest one): nodes assigned to them by name
 * (individual objectives: as owner) and nodes of their units, with the same responsibility rules as the
 * policies (a node without units of its own answers to its nearest ancestor's). For each, what they must
 * do next in the open periods: enter a missing value, correct a rejected one, submit a draft.
 */
export async function myObjectives(options: TenantScope & { cycleId?: string | null | undefined }): Promise<{ cycleId: string | null; objectives: MyObjective[] }> {
  const { tx, chamberId } = options;
  const person = await options.person();
  const cycle = options.cycleId
    ? await tx.cycle.findUnique({ where: { chamberId_id: { chamberId, id: options.cycleId } }, select: { id: true } })
    : await tx.cycle.findFirst({ where: { chamberId }, orderBy: { year: 'desc' }, select: { id: true } });
  if (options.cycleId && !cycle) throw new NotFoundError('Cycle', options.cycleId);
  if (!cycle || !person) return { cycleId: cycle?.id ?? null, objectives: [] };

  const [nodes, nodeUnits, nodePeople, periods] = await inOrder(
    () => tx.planNode.findMany({ where: { chamberId, cycleId: cycle.id }, select: { id: true, parentId: true, position: true, code: true }, orderBy: [{ position: 'asc' }, { code: 'asc' }] }),
    () => tx.planNodeUnit.findMany({ where: { chamberId, node: { cycleId: cycle.id } }, select: { nodeId: true, unitId: true } }),
    () => tx.planNodePerson.findMany({ where: { chamberId, node: { cycleId: cycle.id } }, select: { nodeId: true, personId: true, role: true } }),
    () => tx.monitoringPeriod.findMany({ where: { chamberId, cycleId: cycle.id, state: 'open' }, orderBy: { periodDate: 'asc' } }),
  );
  const parent = new Map(nodes.map((n) => [n.id, n.parentId] as const));
  const unitsOf = new Map<string, string[]>();
  for (const u of nodeUnits) unitsOf.set(u.nodeId, [...(unitsOf.get(u.nodeId) ?? []), u.unitId]);
  const mine = new Map<string, 'owner' | 'assigned'>();
  for (const p of nodePeople) if (p.personId === person.personId) mine.set(p.nodeId, p.role === 'owner' ? 'owner' : 'assigned');

  const childrenOf = new Map<string | null, typeof nodes>();
  for (const n of nodes) childrenOf.set(n.parentId, [...(childrenOf.get(n.parentId) ?? []), n]);
  const selected: { nodeId: string; reasons: ObjectiveReason[] }[] = [];
  const visit = (parentId: string | null) => {
    for (const n of childrenOf.get(parentId) ?? []) {
      const reasons: ObjectiveReason[] = [];
      // Assigned by name on the node or an ancestor; responsible units of the node or the nearest ancestor with some.
      for (let at: string | null | undefined = n.id; at; at = parent.get(at)) {
        const role = mine.get(at);
        if (role && !reasons.includes(role)) reasons.push(role);
      }
      let units: string[] | undefined;
      for (let at: string | null | undefined = n.id; at && units === undefined; at = parent.get(at)) units = unitsOf.get(at);
      if (units?.some((u) => person.unitIds.includes(u))) reasons.push('unit');
      if (reasons.length > 0) selected.push({ nodeId: n.id, reasons });
      visit(n.id);
    }
  };
  visit(null);

  const ids = selected.map((s) => s.nodeId);
  const [indicators, measurements] = await inOrder(
    () => tx.indicator.findMany({ where: { chamberId, nodeId: { in: ids }, rollupChildren: false }, select: { id: true, nodeId: true }, orderBy: { position: 'asc' } }),
    () =>
      periods.length === 0
        ? Promise.resolve([])
        : tx.measurement.findMany({ where: { chamberId, periodId: { in: periods.map((p) => p.id) }, indicator: { nodeId: { in: ids } } }, select: { id: true, indicatorId: true, periodId: true, status: true } }),
  );
    const measured = new Map(measurements.map((m) => [`${m.indicatorId}:${m.periodId}`, m] as const));
    const objectives = selected.map(({ nodeId, reasons }) => {
      const pending: PendingEntry[] = [];
      for (const indicator of indicators) {
        if (indicator.nodeId !== nodeId) continue;
        for (const period of periods) {
          const m = measured.get(`${indicator.id}:${period.id}`);
          const next: NextStep | null = !m ? 'enter' : m.status === 'rejected' ? 'correct' : m.status === 'draft' ? 'submit' : null;
          if (next) pending.push({ indicatorId: indicator.id, periodId: period.id, measurementId: m?.id ?? null, next, dueDate: period.dueDate });
        }
      }
      return { nodeId, reasons, pending };
    });
    return { cycleId: cycle.id, objectives };
  }
