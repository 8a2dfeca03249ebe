// Benchmarking across chambers (docs/benchmarking.md): the Unioncamere catalogues (system objectives by year,
// financial-health ratios, size classes) and the comparison of one indicator, or all, over a range of years,
// read through the database function benchmark_compare, which names or anonymises chambers by the actor.
import { z } from 'zod';
import { builder, type Context } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { tenant, unitOfWork } from '../tenant.js';
import {
  MAX_BENCHMARK_YEARS,
  compareBenchmark,
  type BenchmarkChamber as Chamber,
  type BenchmarkEntry as Entry,
  type BenchmarkSeries as Series,
  type BenchmarkStats as Stats,
} from '../use-cases/compare-benchmark.js';
import { publishSystemObjectives } from '../use-cases/publish-system-objectives.js';
import { setBenchmarkNameSharing } from '../use-cases/set-benchmark-name-sharing.js';
import { VERSION, YEAR } from './args.js';
import { Direction } from './enums.js';

export const BenchmarkKind = builder.enumType('BenchmarkKind', { values: ['system_objective', 'financial_ratio'] as const });
export const Normaliser = builder.enumType('Normaliser', {
  values: ['active_firms'] as const,
  description: 'What a count is divided by when chambers are compared: active_firms → per 1,000 active firms.',
});

const CATALOGUE = { can: 'benchmark.catalogue' } as const;
const READ = { can: 'benchmark.read' } as const;

builder.prismaObject('SystemObjective', {
  authScopes: CATALOGUE,
  description: 'An objective of the Unioncamere catalogue of a year, which chambers adopt in their plans.',
  fields: (t) => ({
    id: t.exposeID('id'),
    year: t.exposeInt('year'),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    algorithm: t.exposeString('algorithm', { nullable: true }),
    formula: t.exposeString('formula', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    direction: t.expose('direction', { type: Direction }),
    defaultTarget: t.float({ nullable: true, resolve: (o) => o.defaultTarget?.toNumber() ?? null }),
    normaliser: t.expose('normaliser', { type: Normaliser, nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObject('FinancialRatio', {
  authScopes: CATALOGUE,
  description: 'A fixed financial-health ratio, computed from a chamber\'s account figures at 31/12.',
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    formula: t.exposeString('formula'),
    unit: t.exposeString('unit'),
    direction: t.expose('direction', { type: Direction }),
    source: t.exposeString('source'),
    position: t.exposeInt('position'),
  }),
});

builder.prismaObject('SizeClass', {
  authScopes: CATALOGUE,
  description: 'A size class of chambers by active firms (more than the minimum, up to the maximum).',
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    minActiveFirms: t.exposeInt('minActiveFirms'),
    maxActiveFirms: t.exposeInt('maxActiveFirms', { nullable: true }),
    position: t.exposeInt('position'),
  }),
});

const BenchmarkChamber = builder.objectRef<Chamber>('BenchmarkChamber').implement({
  authScopes: READ,
  description: 'A compared chamber: named, or anonymised (id, code, name, region and firms null; label "Camera XXXXXX").',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true }),
    code: t.exposeString('code', { nullable: true }),
    name: t.exposeString('name', { nullable: true }),
    label: t.exposeString('label', { description: 'The name, or the stable pseudonym of an anonymised chamber.' }),
    isSelf: t.exposeBoolean('isSelf', { description: 'The caller\'s own chamber.' }),
    named: t.exposeBoolean('named'),
    synthetic: t.exposeBoolean('synthetic', { description: 'A generated demo chamber, not a real one.' }),
    region: t.exposeString('region', { nullable: true }),
    sizeClass: t.exposeString('sizeClass', { nullable: true }),
    activeFirms: t.exposeInt('activeFirms', { nullable: true }),
  }),
});

const BenchmarkEntry = builder.objectRef<Entry>('BenchmarkEntry').implement({
  authScopes: READ,
  fields: (t) => ({
    chamber: t.field({ type: BenchmarkChamber, resolve: (e) => e.chamber }),
    value: t.exposeFloat('value', { nullable: true, description: 'Missing values are null and take no part in the statistics.' }),
    valuePer1000Firms: t.exposeFloat('valuePer1000Firms', { nullable: true, description: 'For counts (normaliser active_firms).' }),
    rank: t.exposeInt('rank', { nullable: true, description: '1 = best by the indicator\'s direction.' }),
    percentile: t.exposeFloat('percentile', { nullable: true, description: '100 = best.' }),
  }),
});

const BenchmarkStats = builder.objectRef<Stats>('BenchmarkStats').implement({
  authScopes: READ,
  description: 'Over the compared chambers with a value: count, minimum, quartiles (percentile_cont), maximum.',
  fields: (t) => ({
    n: t.exposeInt('n'),
    minimum: t.exposeFloat('minimum', { nullable: true }),
    q1: t.exposeFloat('q1', { nullable: true }),
    median: t.exposeFloat('median', { nullable: true }),
    q3: t.exposeFloat('q3', { nullable: true }),
    maximum: t.exposeFloat('maximum', { nullable: true }),
  }),
});

const BenchmarkSeries = builder.objectRef<Series>('BenchmarkSeries').implement({
  authScopes: READ,
  description: 'One indicator in one year: a box plot (stats), rankings and, across years, trend lines.',
  fields: (t) => ({
    kind: t.expose('kind', { type: BenchmarkKind }),
    code: t.exposeString('code'),
    year: t.exposeInt('year'),
    title: t.exposeString('title'),
    unit: t.exposeString('unit', { nullable: true }),
    direction: t.expose('direction', { type: Direction }),
    normaliser: t.expose('normaliser', { type: Normaliser, nullable: true }),
    stats: t.field({ type: BenchmarkStats, resolve: (s) => s.stats }),
    entries: t.field({ type: [BenchmarkEntry], resolve: (s) => s.entries }),
  }),
});

builder.queryField('systemObjectives', (t) =>
  t.prismaField({
    type: ['SystemObjective'],
    authScopes: CATALOGUE,
    description: 'The Unioncamere catalogue of system objectives of a year.',
    args: { year: t.arg.int({ required: true, validate: YEAR }) },
    resolve: (query, _root, args, ctx) => unitOfWork(ctx).systemObjective.findMany({ ...query, where: { year: args.year }, orderBy: { code: 'asc' } }),
  }),
);

builder.queryField('financialRatios', (t) =>
  t.prismaField({
    type: ['FinancialRatio'],
    authScopes: CATALOGUE,
    description: 'The fixed financial-health ratios.',
    resolve: (query, _root, _args, ctx) => unitOfWork(ctx).financialRatio.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
);

builder.queryField('sizeClasses', (t) =>
  t.prismaField({
    type: ['SizeClass'],
    authScopes: CATALOGUE,
    description: 'The size classes of chambers by active firms.',
    resolve: (query, _root, _args, ctx) => {
      // Not covered by the chamber's data version: never served from the response cache.
      ctx.uncacheable();
      return unitOfWork(ctx).sizeClass.findMany({ ...query, orderBy: { position: 'asc' } });
    },
  }),
);

const CODE = z.string().trim().min(1).max(32);
const LABEL = z.string().trim().min(1).max(100);

builder.queryField('benchmark', (t) =>
  t.field({
    type: [BenchmarkSeries],
    authScopes: READ,
    description:
      `Every chamber's value of one indicator (or of every indicator of the kind: code null) from fromYear to toYear ` +
      `(at most ${MAX_BENCHMARK_YEARS} years), one series per indicator and year, optionally among one size class or ` +
      'region. Unioncamere sees every chamber named; a chamber sees itself named and its peers anonymised unless they share their name.',
    args: {
      kind: t.arg({ type: BenchmarkKind, required: true }),
      code: t.arg.string({ validate: CODE }),
      fromYear: t.arg.int({ required: true, validate: YEAR }),
      toYear: t.arg.int({ required: true, validate: YEAR }),
      sizeClass: t.arg.string({ validate: LABEL }),
      region: t.arg.string({ validate: LABEL }),
    },
    resolve: (_root, args, ctx) => {
      // Other chambers' values: the caller's data version does not cover them.
      ctx.uncacheable();
      return compareBenchmark({ tx: unitOfWork(ctx), actor: ctx.actor, ...args });
    },
  }),
);

const SystemObjectiveInput = builder.inputType('SystemObjectiveInput', {
  fields: (t) => ({
    code: t.string({ required: true, validate: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'a code is up to 32 letters, digits, dots, dashes or underscores') }),
    title: t.string({ required: true, validate: z.string().trim().min(3).max(500) }),
    algorithm: t.string({ validate: z.string().max(2000) }),
    formula: t.string({ validate: z.string().max(2000) }),
    unit: t.string({ validate: z.string().max(32) }),
    direction: t.field({ type: Direction }),
    defaultTarget: t.float(),
    normaliser: t.field({ type: Normaliser }),
    version: t.int({ validate: VERSION, description: 'The version read; required to update an objective already in the catalogue.' }),
  }),
});

builder.mutationField('publishSystemObjectives', (t) =>
  t.prismaField({
    type: ['SystemObjective'],
    authScopes: { can: 'benchmark.publishCatalogue' },
    description: 'Publishes objectives of a year\'s catalogue: new codes are created, existing ones updated (with their version).',
    args: {
      year: t.arg.int({ required: true, validate: YEAR }),
      objectives: t.arg({ type: [SystemObjectiveInput], required: true, validate: z.array(z.unknown()).min(1).max(200) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const tx = unitOfWork(ctx);
      const ids = await publishSystemObjectives({ tx, actor: ctx.actor, year: args.year, objectives: args.objectives });
      return tx.systemObjective.findMany({ ...query, where: { id: { in: ids } }, orderBy: { code: 'asc' } });
    },
  }),
);

async function reloadOwnChamber(ctx: Context, query: object) {
  const { tx, chamberId } = tenant(ctx);
  const chamber = await tx.chamber.findUnique({ ...query, where: { id: chamberId } });
  if (!chamber) throw new NotFoundError('Chamber', chamberId);
  return chamber;
}

builder.mutationField('setBenchmarkNameSharing', (t) =>
  t.prismaField({
    type: 'Chamber',
    authScopes: { can: 'benchmark.shareName' },
    description: 'Whether peers see the chamber\'s name in benchmarks (otherwise it appears anonymised).',
    args: { share: t.arg.boolean({ required: true }), version: t.arg.int({ required: true, validate: VERSION }) },
    resolve: async (query, _root, args, ctx) => {
      await setBenchmarkNameSharing({ ...tenant(ctx), share: args.share, version: args.version });
      return reloadOwnChamber(ctx, query);
    },
  }),
);
