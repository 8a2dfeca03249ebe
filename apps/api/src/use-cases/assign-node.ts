import { NotFoundError } from '../errors.js';
import { assertCycleOpen, assertUpdated, assertVersion, authorizeOnNode, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Replaces the units responsible for a node and the people it is assigned to. */
export async function assignNode(
  options: TenantScope & {
    nodeId: string;
    version: number;
    unitIds: string[];
    people: { personId: string; role: 'owner' | 'contributor' }[];
  },
): Promise<void> {
  const { tx, chamberId, nodeId, version } = options;
  const node = await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: nodeId } } });
  if (!node) throw new NotFoundError('PlanNode', nodeId);
  await authorizeOnNode(options, 'node.assign', nodeId);
  assertCycleOpen(await findCycle(options, node.cycleId));
  assertVersion('PlanNode', node, version);
  const unitIds = [...new Set(options.unitIds)];
  const personIds = [...new Set(options.people.map((p) => p.personId))];
  if ((await tx.orgUnit.count({ where: { chamberId, id: { in: unitIds } } })) !== unitIds.length) throw new NotFoundError('OrgUnit');
  if ((await tx.person.count({ where: { chamberId, id: { in: personIds } } })) !== personIds.length) throw new NotFoundError('Person');
  // The node's version moves with its assignments (the join rows carry none).
  assertUpdated(await tx.planNode.updateMany({ where: { chamberId, id: nodeId, version }, data: { title: node.title } }), 'PlanNode', nodeId, version);
  await tx.planNodeUnit.deleteMany({ where: { chamberId, nodeId } });
  await tx.planNodePerson.deleteMany({ where: { chamberId, nodeId } });
  if (unitIds.length > 0) await tx.planNodeUnit.createMany({ data: unitIds.map((unitId) => ({ chamberId, nodeId, unitId })) });
  if (personIds.length > 0) {
    const roles = new Map(options.people.map((p) => [p.personId, p.role] as const));
    await tx.planNodePerson.createMany({ data: personIds.map((personId) => ({ chamberId, nodeId, personId, role: roles.get(personId)! })) });
  }
}
