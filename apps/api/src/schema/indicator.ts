// Indicators (KPIs) of nodes, their targets per year with thresholds, and revised targets; deletion from a draft plan.
import { z } from 'zod';
import { builder, type Context } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { tenant } from '../tenant.js';
import { createIndicator } from '../use-cases/create-indicator.js';
import { deleteIndicator, type DeletedIndicator as DeletedIndicatorResult } from '../use-cases/delete-indicator.js';
import { reviseTarget } from '../use-cases/revise-target.js';
import { setTarget } from '../use-cases/set-target.js';
import { updateIndicator } from '../use-cases/update-indicator.js';
import { updateTarget } from '../use-cases/update-target.js';
import { UUID, VERSION, WEIGHT, YEAR } from './args.js';
import { WeightIssue } from './cycle.js';
import { Direction, Frequency, Operator, ScoringMethod, ValueType } from './enums.js';
import { reloadNode } from './plan-node.js';
import { IndicatorScore, scoresOf } from './score.js';

const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

builder.prismaObject('Indicator', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    nodeId: t.exposeID('nodeId'),
    cycleId: t.exposeID('cycleId'),
    code: t.exposeString('code', { nullable: true }),
    name: t.exposeString('name'),
    algorithm: t.exposeString('algorithm', { nullable: true }),
    formula: t.exposeString('formula', { nullable: true }),
    rollupChildren: t.exposeBoolean('rollupChildren'),
    unit: t.exposeString('unit', { nullable: true }),
    valueType: t.expose('valueType', { type: ValueType }),
    typology: t.exposeString('typology', { nullable: true }),
    direction: t.expose('direction', { type: Direction }),
    scoringMethod: t.expose('scoringMethod', { type: ScoringMethod, nullable: true }),
    scoringBands: t.expose('scoringBands', { type: 'JSON', nullable: true }),
    toleranceAbsolute: t.float({ nullable: true, resolve: (i) => num(i.toleranceAbsolute) }),
    toleranceRelative: t.float({ nullable: true, resolve: (i) => num(i.toleranceRelative) }),
    toleranceReason: t.exposeString('toleranceReason', { nullable: true }),
    weight: t.float({ resolve: (i) => i.weight.toNumber() }),
    position: t.exposeInt('position'),
    dataSource: t.exposeString('dataSource', { nullable: true }),
    frequency: t.expose('frequency', { type: Frequency, nullable: true }),
    responsible: t.exposeString('responsible', { nullable: true }),
    baselineNumber: t.float({ nullable: true, resolve: (i) => num(i.baselineNumber) }),
    baselineDate: t.expose('baselineDate', { type: 'Date', nullable: true }),
    baselineBoolean: t.exposeBoolean('baselineBoolean', { nullable: true }),
    baselineYear: t.exposeInt('baselineYear', { nullable: true }),
    baselineLabel: t.exposeString('baselineLabel', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    node: t.relation('node'),
    targets: t.relation('targets', {
      description: 'Targets by year; a revised target keeps the original beside it (revision set).',
      args: { year: t.arg.int({ validate: YEAR }) },
      query: (args) => ({ where: args.year == null ? {} : { year: args.year }, orderBy: [{ year: 'asc' }, { createdAt: 'asc' }] }),
    }),
    measurements: t.relation('measurements', { query: { orderBy: { createdAt: 'asc' } } }),
    score: t.field({
      type: IndicatorScore,
      nullable: true,
      authScopes: { can: 'score.read' },
      args: { periodId: t.arg.id({ validate: UUID }) },
      resolve: async (indicator, args, ctx) => (await scoresOf(ctx, indicator.cycleId, args.periodId)).byIndicator.get(indicator.id) ?? null,
    }),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObject('Target', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    indicatorId: t.exposeID('indicatorId'),
    year: t.exposeInt('year'),
    operator: t.expose('operator', { type: Operator }),
    valueNumber: t.float({ nullable: true, resolve: (x) => num(x.valueNumber) }),
    valueDate: t.expose('valueDate', { type: 'Date', nullable: true }),
    valueBoolean: t.exposeBoolean('valueBoolean', { nullable: true }),
    relativeToBaseline: t.exposeBoolean('relativeToBaseline', { description: 'The value is a percent change on the baseline (">= +15 %").' }),
    threshold80Number: t.float({ nullable: true, resolve: (x) => num(x.threshold80Number) }),
    threshold80Date: t.expose('threshold80Date', { type: 'Date', nullable: true }),
    threshold60Number: t.float({ nullable: true, resolve: (x) => num(x.threshold60Number) }),
    threshold60Date: t.expose('threshold60Date', { type: 'Date', nullable: true }),
    label: t.exposeString('label', { nullable: true }),
    revision: t.relation('revision', { nullable: true, description: 'The revision this target belongs to; null for the original target.' }),
    version: t.exposeInt('version'),
  }),
});

builder.queryField('indicator', (t) =>
  t.prismaField({
    type: 'Indicator',
    authScopes: { can: 'cycle.read' },
    args: { id: t.arg.id({ required: true, validate: UUID }) },
    resolve: (query, _root, args, ctx) => reloadIndicator(ctx, query, args.id),
  }),
);

async function reloadIndicator(ctx: Context, query: object, id: string) {
  const { tx, chamberId } = tenant(ctx);
  const indicator = await tx.indicator.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!indicator) throw new NotFoundError('Indicator', id);
  return indicator;
}

async function reloadTarget(ctx: Context, query: object, id: string) {
  const { tx, chamberId } = tenant(ctx);
  const target = await tx.target.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!target) throw new NotFoundError('Target', id);
  return target;
}

const BandInput = builder.inputType('BandInput', {
  fields: (t) => ({ minPercentOfTarget: t.float({ required: true }), score: t.float({ required: true, validate: z.number().min(0).max(100) }) }),
});

const IndicatorFieldsInput = builder.inputType('IndicatorFieldsInput', {
  description: 'The editable fields of an indicator; absent fields are left as they are.',
  fields: (t) => ({
    code: t.string({ validate: z.string().max(64) }),
    algorithm: t.string({ validate: z.string().max(2000) }),
    formula: t.string({ validate: z.string().max(500) }),
    rollupChildren: t.boolean(),
    unit: t.string({ validate: z.string().max(32) }),
    valueType: t.field({ type: ValueType }),
    typology: t.string({ validate: z.string().max(64) }),
    direction: t.field({ type: Direction }),
    scoringMethod: t.field({ type: ScoringMethod }),
    scoringBands: t.field({ type: [BandInput] }),
    toleranceAbsolute: t.float({ validate: z.number().min(0) }),
    toleranceRelative: t.float({ validate: z.number().min(0).max(100) }),
    toleranceReason: t.string({ validate: z.string().max(2000) }),
    weight: t.float({ validate: WEIGHT }),
    dataSource: t.string({ validate: z.string().max(500) }),
    frequency: t.field({ type: Frequency }),
    responsible: t.string({ validate: z.string().max(300) }),
    baselineNumber: t.float(),
    baselineDate: t.field({ type: 'Date' }),
    baselineBoolean: t.boolean(),
    baselineYear: t.int({ validate: YEAR }),
    baselineLabel: t.string({ validate: z.string().max(200) }),
    note: t.string({ validate: z.string().max(10_000) }),
  }),
});

builder.mutationField('createIndicator', (t) =>
  t.prismaField({
    type: 'Indicator',
    authScopes: { can: 'indicator.create' },
    args: {
      nodeId: t.arg.id({ required: true, validate: UUID }),
      name: t.arg.string({ required: true, validate: z.string().trim().min(3).max(2000) }),
      fields: t.arg({ type: IndicatorFieldsInput }),
      validateWeights: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await createIndicator({ ...tenant(ctx), ...(args.fields ?? {}), nodeId: args.nodeId, name: args.name, validateWeights: args.validateWeights });
      return reloadIndicator(ctx, query, id);
    },
  }),
);

builder.mutationField('updateIndicator', (t) =>
  t.prismaField({
    type: 'Indicator',
    authScopes: { can: 'indicator.edit' },
    description: 'Edits an indicator; what changes its score only while the plan is a draft.',
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      name: t.arg.string({ validate: z.string().trim().min(3).max(2000) }),
      fields: t.arg({ type: IndicatorFieldsInput }),
      validateWeights: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (query, _root, args, ctx) => {
      await updateIndicator({ ...tenant(ctx), ...(args.fields ?? {}), indicatorId: args.id, version: args.version, name: args.name, validateWeights: args.validateWeights });
      return reloadIndicator(ctx, query, args.id);
    },
  }),
);

const TargetValuesInput = builder.inputType('TargetValuesInput', {
  description: 'A target value (number, date or yes/no, matching the indicator) with its thresholds (80 % and 60 % of the score).',
  fields: (t) => ({
    operator: t.field({ type: Operator }),
    valueNumber: t.float(),
    valueDate: t.field({ type: 'Date' }),
    valueBoolean: t.boolean(),
    threshold80Number: t.float(),
    threshold80Date: t.field({ type: 'Date' }),
    threshold60Number: t.float(),
    threshold60Date: t.field({ type: 'Date' }),
  }),
});

builder.mutationField('setTarget', (t) =>
  t.prismaField({
    type: 'Target',
    authScopes: { can: 'target.manage' },
    description: 'Sets an indicator\'s target for a year of the horizon (draft plans).',
    args: {
      indicatorId: t.arg.id({ required: true, validate: UUID }),
      year: t.arg.int({ required: true, validate: YEAR }),
      values: t.arg({ type: TargetValuesInput, required: true }),
      relativeToBaseline: t.arg.boolean(),
      label: t.arg.string({ validate: z.string().max(200) }),
    },
    resolve: async (query, _root, args, ctx) => reloadTarget(ctx, query, (await setTarget({ ...tenant(ctx), ...args })).id),
  }),
);

builder.mutationField('updateTarget', (t) =>
  t.prismaField({
    type: 'Target',
    authScopes: { can: 'target.manage' },
    description: 'Changes a target of a draft plan (an approved plan is revised: reviseTarget).',
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      values: t.arg({ type: TargetValuesInput, required: true }),
      relativeToBaseline: t.arg.boolean(),
      label: t.arg.string({ validate: z.string().max(200) }),
    },
    resolve: async (query, _root, args, ctx) => {
      await updateTarget({ ...tenant(ctx), targetId: args.id, ...args });
      return reloadTarget(ctx, query, args.id);
    },
  }),
);

builder.mutationField('reviseTarget', (t) =>
  t.prismaField({
    type: 'Target',
    authScopes: { can: 'target.manage' },
    description: 'Adds a revised target under a plan revision; the original target stays on record.',
    args: {
      id: t.arg.id({ required: true, validate: UUID, description: 'The original target.' }),
      version: t.arg.int({ required: true, validate: VERSION }),
      revisionId: t.arg.id({ required: true, validate: UUID }),
      values: t.arg({ type: TargetValuesInput, required: true }),
      label: t.arg.string({ validate: z.string().max(200) }),
    },
    resolve: async (query, _root, args, ctx) => reloadTarget(ctx, query, (await reviseTarget({ ...tenant(ctx), targetId: args.id, ...args })).id),
  }),
);

const DeletedIndicator = builder.objectRef<DeletedIndicatorResult>('DeletedIndicator').implement({
  description: 'What deleteIndicator removed (the indicator and its targets) and what the removal left to fix.',
  authScopes: { can: 'indicator.delete' },
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The indicator deleted.' }),
    targetIds: t.exposeIDList('targetIds', { description: 'Its targets, deleted.' }),
    node: t.prismaField({
      type: 'PlanNode',
      description: 'The node it belonged to, as it is after the removal.',
      resolve: (query, d, _args, ctx) => reloadNode(ctx, query, d.nodeId),
    }),
    weightIssues: t.field({
      type: [WeightIssue],
      description: 'The node\'s remaining indicators, when their weights no longer sum to 100 ± 0.01 (to fix before approval).',
      resolve: (d) => d.weightIssues,
    }),
  }),
});

builder.mutationField('deleteIndicator', (t) =>
  t.field({
    type: DeletedIndicator,
    authScopes: { can: 'indicator.delete' },
    description: 'Deletes an indicator of a draft plan with its targets. Refused outside a draft, and when values or score overrides are recorded for it.',
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
    },
    resolve: (_root, args, ctx) => deleteIndicator({ ...tenant(ctx), indicatorId: args.id, version: args.version }),
  }),
);
