// The tree (Albero della Performance) at any depth: nodes, their responsible units and assigned people;
// create, edit, move, reorder, weights, assignments, and deletion from a draft plan.
import { z } from 'zod';
import { builder, type Context } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { tenant } from '../tenant.js';
import { assignNode } from '../use-cases/assign-node.js';
import { createNode } from '../use-cases/create-node.js';
import { deleteNode, type DeletedNode as DeletedNodeResult } from '../use-cases/delete-node.js';
import { moveNode } from '../use-cases/move-node.js';
import { reorderNodes } from '../use-cases/reorder-nodes.js';
import { setNodeWeights } from '../use-cases/set-node-weights.js';
import { updateNode } from '../use-cases/update-node.js';
import { UUID, VERSION, WEIGHT } from './args.js';
import { WeightIssue } from './cycle.js';
import { AssignmentRole, Operator } from './enums.js';
import { NodeScore, scoresOf } from './score.js';

builder.prismaObject('PlanNode', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    cycleId: t.exposeID('cycleId'),
    parentId: t.exposeID('parentId', { nullable: true }),
    levelKey: t.exposeString('levelKey'),
    level: t.relation('level'),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    weight: t.float({ description: 'Weight among its siblings, in percent.', resolve: (n) => n.weight.toNumber() }),
    position: t.exposeInt('position'),
    achievementOperator: t.expose('achievementOperator', { type: Operator, nullable: true }),
    achievementValue: t.float({ nullable: true, description: 'The node\'s own target on its measured result.', resolve: (n) => n.achievementValue?.toNumber() ?? null }),
    note: t.exposeString('note', { nullable: true }),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', { query: { orderBy: [{ position: 'asc' }, { code: 'asc' }] } }),
    perspective: t.relation('perspective', { nullable: true }),
    previousNode: t.relation('previousNode', { nullable: true, description: 'The same objective in the previous cycle.' }),
    units: t.relation('units'),
    people: t.relation('people'),
    indicators: t.relation('indicators', { query: { orderBy: { position: 'asc' } } }),
    score: t.field({
      type: NodeScore,
      nullable: true,
      authScopes: { can: 'score.read' },
      args: { periodId: t.arg.id({ validate: UUID }) },
      resolve: async (node, args, ctx) => (await scoresOf(ctx, node.cycleId, args.periodId)).byNode.get(node.id) ?? null,
    }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('PlanNodeUnit', {
  name: 'NodeUnit',
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({ node: t.relation('node'), unit: t.relation('unit') }),
});

builder.queryField('node', (t) =>
  t.prismaField({
    type: 'PlanNode',
    authScopes: { can: 'cycle.read' },
    args: { id: t.arg.id({ required: true, validate: UUID }) },
    resolve: (query, _root, args, ctx) => reloadNode(ctx, query, args.id),
  }),
);

/** Reads a node of the caller's chamber with the client's selection, or NOT_FOUND. */
export async function reloadNode(ctx: Context, query: object, id: string) {
  const { tx, chamberId } = tenant(ctx);
  const node = await tx.planNode.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!node) throw new NotFoundError('PlanNode', id);
  return node;
}

const CODE = z.string().trim().min(1).max(64);
const TITLE = z.string().trim().min(3).max(2000);

builder.mutationField('createNode', (t) =>
  t.prismaField({
    type: 'PlanNode',
    authScopes: { can: 'node.create' },
    description: 'Adds a node to a draft plan, under a parent (or as a root), at a position (default: last).',
    args: {
      cycleId: t.arg.id({ required: true, validate: UUID }),
      parentId: t.arg.id({ validate: UUID }),
      levelKey: t.arg.string({ required: true, validate: CODE }),
      code: t.arg.string({ required: true, validate: CODE }),
      title: t.arg.string({ required: true, validate: TITLE }),
      description: t.arg.string({ validate: z.string().max(10_000) }),
      weight: t.arg.float({ validate: WEIGHT }),
      position: t.arg.int({ validate: z.number().int().min(0) }),
      perspectiveId: t.arg.id({ validate: UUID }),
      validateWeights: t.arg.boolean({ defaultValue: false, description: 'Refuse when the siblings\' weights then do not sum to 100 ± 0.01.' }),
    },
    resolve: async (query, _root, args, ctx) => reloadNode(ctx, query, (await createNode({ ...tenant(ctx), ...args })).id),
  }),
);

builder.mutationField('updateNode', (t) =>
  t.prismaField({
    type: 'PlanNode',
    authScopes: { can: 'node.edit' },
    description: 'Edits a node (managers: the objectives of their units). Code, weight and own target only in a draft plan.',
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      code: t.arg.string({ validate: CODE }),
      title: t.arg.string({ validate: TITLE }),
      description: t.arg.string({ validate: z.string().max(10_000) }),
      note: t.arg.string({ validate: z.string().max(10_000) }),
      weight: t.arg.float({ validate: WEIGHT }),
      achievementOperator: t.arg({ type: Operator }),
      achievementValue: t.arg.float(),
      validateWeights: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      await updateNode({ ...tenant(ctx), nodeId: args.id, ...args });
      return reloadNode(ctx, query, args.id);
    },
  }),
);

builder.mutationField('moveNode', (t) =>
  t.prismaField({
    type: 'PlanNode',
    authScopes: { can: 'tree.restructure' },
    description: 'Moves a node and its subtree under another parent (null: a root) of the same draft plan.',
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      parentId: t.arg.id({ validate: UUID }),
      position: t.arg.int({ validate: z.number().int().min(0) }),
      validateWeights: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      await moveNode({ ...tenant(ctx), nodeId: args.id, version: args.version, parentId: args.parentId ?? null, position: args.position, validateWeights: args.validateWeights });
      return reloadNode(ctx, query, args.id);
    },
  }),
);

const VersionedId = builder.inputType('VersionedId', {
  fields: (t) => ({ id: t.id({ required: true, validate: UUID }), version: t.int({ required: true, validate: VERSION }) }),
});

builder.mutationField('reorderNodes', (t) =>
  t.prismaField({
    type: ['PlanNode'],
    authScopes: { can: 'tree.restructure' },
    description: 'Puts every child of a parent (or every root of the cycle) in the given order.',
    args: {
      cycleId: t.arg.id({ required: true, validate: UUID }),
      parentId: t.arg.id({ validate: UUID }),
      order: t.arg({ type: [VersionedId], required: true, validate: z.array(z.any()).max(1000) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const scope = tenant(ctx);
      await reorderNodes({ ...scope, ...args });
      return scope.tx.planNode.findMany({ ...query, where: { chamberId: scope.chamberId, cycleId: args.cycleId, parentId: args.parentId ?? null }, orderBy: { position: 'asc' } });
    },
  }),
);

const WeightInput = builder.inputType('WeightInput', {
  fields: (t) => ({
    id: t.id({ required: true, validate: UUID }),
    version: t.int({ required: true, validate: VERSION }),
    weight: t.float({ required: true, validate: WEIGHT }),
  }),
});

builder.mutationField('setNodeWeights', (t) =>
  t.prismaField({
    type: ['PlanNode'],
    authScopes: { can: 'tree.restructure' },
    description: 'Sets the weights of all the children of a node at once; by default they must sum to 100 ± 0.01.',
    args: {
      parentId: t.arg.id({ required: true, validate: UUID }),
      weights: t.arg({ type: [WeightInput], required: true, validate: z.array(z.any()).max(1000) }),
      validate: t.arg.boolean({ defaultValue: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const scope = tenant(ctx);
      await setNodeWeights({ ...scope, ...args });
      return scope.tx.planNode.findMany({ ...query, where: { chamberId: scope.chamberId, parentId: args.parentId }, orderBy: { position: 'asc' } });
    },
  }),
);

const AssigneeInput = builder.inputType('AssigneeInput', {
  fields: (t) => ({ personId: t.id({ required: true, validate: UUID }), role: t.field({ type: AssignmentRole, defaultValue: 'contributor' }) }),
});

builder.mutationField('assignNode', (t) =>
  t.prismaField({
    type: 'PlanNode',
    authScopes: { can: 'node.assign' },
    description: 'Replaces the units responsible for a node and the people it is assigned to.',
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      unitIds: t.arg.idList({ required: true, validate: z.array(UUID).max(100) }),
      people: t.arg({ type: [AssigneeInput], required: true, validate: z.array(z.any()).max(100) }),
    },
    resolve: async (query, _root, args, ctx) => {
      await assignNode({ ...tenant(ctx), nodeId: args.id, version: args.version, unitIds: args.unitIds, people: args.people.map((p) => ({ personId: p.personId, role: p.role ?? 'contributor' })) });
      return reloadNode(ctx, query, args.id);
    },
  }),
);

const DeletedNode = builder.objectRef<DeletedNodeResult>('DeletedNode').implement({
  description: 'What deleteNode removed (the node, every node under it, their indicators and targets; their units and people assignments with them) and what the removal left to fix.',
  authScopes: { can: 'node.delete' },
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The node deleted.' }),
    nodeIds: t.exposeIDList('nodeIds', { description: 'The node and every node under it, all deleted.' }),
    indicatorIds: t.exposeIDList('indicatorIds', { description: 'The indicators of those nodes, deleted.' }),
    targetIds: t.exposeIDList('targetIds', { description: 'The targets of those indicators, deleted.' }),
    parent: t.prismaField({
      type: 'PlanNode',
      nullable: true,
      description: 'The node it was under (null for a root), as it is after the removal.',
      resolve: (query, d, _args, ctx) => (d.parentId === null ? null : reloadNode(ctx, query, d.parentId)),
    }),
    cycle: t.prismaField({
      type: 'Cycle',
      description: 'The plan, as it is after the removal.',
      resolve: (query, d, _args, ctx) => {
        const { tx, chamberId } = tenant(ctx);
        return tx.cycle.findUniqueOrThrow({ ...query, where: { chamberId_id: { chamberId, id: d.cycleId } } });
      },
    }),
    weightIssues: t.field({
      type: [WeightIssue],
      description: 'The parent\'s remaining children, when their weights no longer sum to 100 ± 0.01 (to fix before approval).',
      resolve: (d) => d.weightIssues,
    }),
  }),
});

builder.mutationField('deleteNode', (t) =>
  t.field({
    type: DeletedNode,
    authScopes: { can: 'node.delete' },
    description:
      'Deletes a node of a draft plan with its whole subtree (nodes, indicators, targets, assignments). Refused outside a draft (an approved plan is revised, not cut), when values or score overrides are recorded under it, or when an objective of a later cycle continues it.',
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      expectedNodes: t.arg.int({ description: 'How many nodes under it the caller confirmed deleting: CONFLICT when the subtree now differs.', validate: z.number().int().min(0) }),
      expectedIndicators: t.arg.int({ description: 'How many indicators under it (its own included) the caller confirmed deleting: CONFLICT when they now differ.', validate: z.number().int().min(0) }),
    },
    resolve: (_root, args, ctx) =>
      deleteNode({ ...tenant(ctx), nodeId: args.id, version: args.version, expected: { nodes: args.expectedNodes, indicators: args.expectedIndicators } }),
  }),
);
