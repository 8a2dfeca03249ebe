// Cycles: one chamber's performance cycle for a year, its levels, perspectives and revisions; creation,
// copy from the previous year, approval, closing, the OIV's validation and publication.
import { z } from 'zod';
import { builder, type Context } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { tenant } from '../tenant.js';
import { approveCycle } from '../use-cases/approve-cycle.js';
import { closeCycle } from '../use-cases/close-cycle.js';
import { copyCycle } from '../use-cases/copy-cycle.js';
import { createCycle } from '../use-cases/create-cycle.js';
import { createRevision } from '../use-cases/create-revision.js';
import { publishCycle } from '../use-cases/publish-cycle.js';
import { updateLevels } from '../use-cases/update-levels.js';
import { validateReport } from '../use-cases/validate-report.js';
import { weightIssues } from '../domain/weights.js';
import { REASON, UUID, VERSION, YEAR } from './args.js';
import { Aggregation, CycleState, LevelKind, ReportKind, ReportState } from './enums.js';
import { Scorecard, scoresOf } from './score.js';

export const WeightIssue = builder.objectRef<{ parentId: string; of: 'children' | 'indicators'; sum: number; codes: string[] }>('WeightIssue').implement({
  description: 'A group of weights (children or indicators of a weighted node) that does not sum to 100 ± 0.01.',
  fields: (t) => ({
    parentId: t.exposeID('parentId'),
    of: t.exposeString('of'),
    sum: t.exposeFloat('sum'),
    codes: t.exposeStringList('codes'),
  }),
});

builder.prismaObject('Cycle', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    year: t.exposeInt('year'),
    horizonStart: t.exposeInt('horizonStart'),
    horizonEnd: t.exposeInt('horizonEnd'),
    state: t.expose('state', { type: CycleState }),
    resolutionNumber: t.exposeString('resolutionNumber', { nullable: true }),
    resolutionDate: t.expose('resolutionDate', { type: 'Date', nullable: true }),
    resolutionBody: t.exposeString('resolutionBody', { nullable: true }),
    smvp: t.expose('smvp', { type: 'JSON', description: 'The chamber\'s measurement rules for this cycle (SMVP).' }),
    previousCycle: t.relation('previousCycle', { nullable: true }),
    levels: t.relation('levels', { query: { orderBy: { position: 'asc' } } }),
    perspectives: t.relation('perspectives', { query: { orderBy: { position: 'asc' } } }),
    nodes: t.relation('nodes', {
      description: 'The whole tree as a flat list ordered by position; rebuild it with parentId. Bounded: a cycle holds at most 5,000 nodes.',
      args: { rootsOnly: t.arg.boolean({ defaultValue: false }) },
      query: (args) => ({ where: args.rootsOnly ? { parentId: null } : {}, orderBy: [{ position: 'asc' }, { code: 'asc' }] }),
    }),
    periods: t.relation('periods', { query: { orderBy: { periodDate: 'asc' } } }),
    revisions: t.relation('revisions', { query: { orderBy: { revisedOn: 'asc' } } }),
    overrides: t.relation('overrides', {
      args: { includeRevoked: t.arg.boolean({ defaultValue: false }) },
      query: (args) => ({ where: args.includeRevoked ? {} : { revokedAt: null }, orderBy: { setAt: 'asc' } }),
    }),
    reports: t.relation('reports'),
    scorecard: t.field({
      type: Scorecard,
      authScopes: { can: 'score.read' },
      description: 'The cycle\'s scores with their explanations for a monitoring period (approved values only).',
      args: { periodId: t.arg.id({ validate: UUID, description: 'The monitoring period; the cycle\'s last one when absent.' }) },
      resolve: (cycle, args, ctx) => scoresOf(ctx, cycle.id, args.periodId),
    }),
    weightIssues: t.field({
      type: [WeightIssue],
      description: 'Groups of weights that do not sum to 100 (empty when the plan\'s weights are consistent).',
      resolve: (cycle, _args, ctx) => weightIssues(tenant(ctx).tx, cycle.chamberId, cycle.id),
    }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('CycleLevel', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    key: t.exposeString('key'),
    position: t.exposeInt('position'),
    name: t.exposeString('name', { description: 'The chamber\'s own name of the level ("Linea strategica", "Azione").' }),
    kind: t.expose('kind', { type: LevelKind }),
    aggregation: t.expose('aggregation', { type: Aggregation }),
  }),
});

builder.prismaObject('Perspective', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({ id: t.exposeID('id'), key: t.exposeString('key'), name: t.exposeString('name'), position: t.exposeInt('position') }),
});

builder.prismaObject('PlanRevision', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    revisedOn: t.expose('revisedOn', { type: 'Date' }),
    reason: t.exposeString('reason'),
    resolutionNumber: t.exposeString('resolutionNumber', { nullable: true }),
    resolutionDate: t.expose('resolutionDate', { type: 'Date', nullable: true }),
    targets: t.relation('targets'),
  }),
});

builder.prismaObject('Report', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: ReportKind }),
    state: t.expose('state', { type: ReportState }),
    validatedBy: t.exposeString('validatedBy', { nullable: true }),
    validatedAt: t.expose('validatedAt', { type: 'DateTime', nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

builder.queryField('cycles', (t) =>
  t.prismaField({
    type: ['Cycle'],
    authScopes: { can: 'cycle.read' },
    description: 'The chamber\'s cycles, latest year first (one a year).',
    resolve: (query, _root, _args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      return tx.cycle.findMany({ ...query, where: { chamberId }, orderBy: { year: 'desc' } });
    },
  }),
);

builder.queryField('cycle', (t) =>
  t.prismaField({
    type: 'Cycle',
    authScopes: { can: 'cycle.read' },
    description: 'A cycle by id or by year.',
    args: { id: t.arg.id({ validate: UUID }), year: t.arg.int({ validate: YEAR }) },
    validate: z.object({ id: z.string().nullish(), year: z.number().nullish() }).refine((a) => (a.id == null) !== (a.year == null), 'give either id or year'),
    resolve: async (query, _root, args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      const where = args.id ? { chamberId_id: { chamberId, id: args.id } } : { chamberId_year: { chamberId, year: args.year! } };
      const cycle = await tx.cycle.findUnique({ ...query, where });
      if (!cycle) throw new NotFoundError('Cycle', args.id ?? String(args.year));
      return cycle;
    },
  }),
);

/** Re-reads a cycle after a write, with the selection the client asked for. */
export async function reloadCycle(ctx: Context, query: object, id: string) {
  const { tx, chamberId } = tenant(ctx);
  const cycle = await tx.cycle.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!cycle) throw new NotFoundError('Cycle', id);
  return cycle;
}

const LevelInput = builder.inputType('LevelInput', {
  fields: (t) => ({
    key: t.string({ required: true, validate: z.string().trim().min(1).max(64) }),
    name: t.string({ required: true, validate: z.string().trim().min(1).max(200) }),
    kind: t.field({ type: LevelKind, required: true }),
    aggregation: t.field({ type: Aggregation }),
  }),
});

builder.mutationField('createCycle', (t) =>
  t.prismaField({
    type: 'Cycle',
    authScopes: { can: 'cycle.manage' },
    args: {
      year: t.arg.int({ required: true, validate: YEAR }),
      horizonStart: t.arg.int({ validate: YEAR }),
      horizonEnd: t.arg.int({ validate: YEAR }),
      levels: t.arg({ type: [LevelInput], required: true }),
      periods: t.arg({ type: ['Date'], required: true, description: 'Monitoring dates (30/06, 30/09, 31/12).' }),
      smvp: t.arg({ type: 'JSON', description: 'The SMVP rules (plan-format smvp); defaults when absent.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await createCycle({ ...tenant(ctx), ...args });
      return reloadCycle(ctx, query, id);
    },
  }),
);

builder.mutationField('copyCycle', (t) =>
  t.prismaField({
    type: 'Cycle',
    authScopes: { can: 'cycle.manage' },
    description: 'Starts a cycle from a previous one; its nodes link to the objectives they continue.',
    args: { fromCycleId: t.arg.id({ required: true, validate: UUID }), year: t.arg.int({ validate: YEAR }) },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await copyCycle({ ...tenant(ctx), ...args });
      return reloadCycle(ctx, query, id);
    },
  }),
);

builder.mutationField('approveCycle', (t) =>
  t.prismaField({
    type: 'Cycle',
    authScopes: { can: 'cycle.manage' },
    description: 'Records the Giunta\'s approval (resolution number and date).',
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      resolutionNumber: t.arg.string({ required: true, validate: z.string().trim().min(1).max(50) }),
      resolutionDate: t.arg({ type: 'Date', required: true }),
      resolutionBody: t.arg.string({ validate: z.string().max(200) }),
      validateWeights: t.arg.boolean({ defaultValue: false, description: 'Refuse the approval when some weights do not sum to 100.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      await approveCycle({ ...tenant(ctx), cycleId: args.id, ...args });
      return reloadCycle(ctx, query, args.id);
    },
  }),
);

builder.mutationField('closeCycle', (t) =>
  t.prismaField({
    type: 'Cycle',
    authScopes: { can: 'cycle.manage' },
    args: { id: t.arg.id({ required: true, validate: UUID }), version: t.arg.int({ required: true, validate: VERSION }) },
    resolve: async (query, _root, args, ctx) => {
      await closeCycle({ ...tenant(ctx), cycleId: args.id, version: args.version });
      return reloadCycle(ctx, query, args.id);
    },
  }),
);

builder.mutationField('validateReport', (t) =>
  t.prismaField({
    type: 'Report',
    authScopes: { can: 'report.validate' },
    description: 'The OIV validates the report of a closed cycle (the Relazione by default).',
    args: {
      cycleId: t.arg.id({ required: true, validate: UUID }),
      kind: t.arg({ type: ReportKind }),
      version: t.arg.int({ validate: VERSION, description: 'The version read, when the report exists.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const scope = tenant(ctx);
      const { id } = await validateReport({ ...scope, ...args });
      return scope.tx.report.findUniqueOrThrow({ ...query, where: { chamberId_id: { chamberId: scope.chamberId, id } } });
    },
  }),
);

builder.mutationField('publishCycle', (t) =>
  t.prismaField({
    type: 'Cycle',
    authScopes: { can: 'cycle.publish' },
    description: 'Publishes a closed cycle whose Relazione the OIV validated: it becomes readable by the public.',
    args: { id: t.arg.id({ required: true, validate: UUID }), version: t.arg.int({ required: true, validate: VERSION }) },
    resolve: async (query, _root, args, ctx) => {
      await publishCycle({ ...tenant(ctx), cycleId: args.id, version: args.version });
      return reloadCycle(ctx, query, args.id);
    },
  }),
);

builder.mutationField('createRevision', (t) =>
  t.prismaField({
    type: 'PlanRevision',
    authScopes: { can: 'cycle.manage' },
    description: 'Opens a revision of an approved plan (rimodulazione); revise targets under it.',
    args: {
      cycleId: t.arg.id({ required: true, validate: UUID }),
      revisedOn: t.arg({ type: 'Date', required: true }),
      reason: t.arg.string({ required: true, validate: REASON }),
      resolutionNumber: t.arg.string({ validate: z.string().max(50) }),
      resolutionDate: t.arg({ type: 'Date' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const scope = tenant(ctx);
      const { id } = await createRevision({ ...scope, ...args });
      return scope.tx.planRevision.findUniqueOrThrow({ ...query, where: { chamberId_id: { chamberId: scope.chamberId, id } } });
    },
  }),
);

const LevelNameInput = builder.inputType('LevelNameInput', {
  fields: (t) => ({
    key: t.string({ required: true, validate: z.string().trim().min(1).max(64) }),
    name: t.string({ required: true, validate: z.string().trim().min(1, 'a level name cannot be empty').max(200) }),
    kind: t.field({ type: LevelKind, description: 'Changes scoring: only while the cycle is a draft.' }),
    aggregation: t.field({ type: Aggregation, description: 'Changes scoring: only while the cycle is a draft.' }),
  }),
});

builder.mutationField('updateLevels', (t) =>
  t.prismaField({
    type: 'Cycle',
    authScopes: { can: 'cycle.manage' },
    description: 'Renames the cycle\'s levels (until the cycle closes); kind and aggregation change only in a draft. Bumps the cycle\'s version.',
    args: {
      cycleId: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      levels: t.arg({ type: [LevelNameInput], required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      await updateLevels({ ...tenant(ctx), cycleId: args.cycleId, version: args.version, levels: args.levels });
      return reloadCycle(ctx, query, args.cycleId);
    },
  }),
);
