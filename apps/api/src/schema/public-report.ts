// The published report of a chamber (Amministrazione trasparente): readable without login, only for
// published cycles, through its own types so that nothing internal is reachable from it.
import { z } from 'zod';
import { builder } from '../builder.js';
import { BadInputError } from '../errors.js';
import { publicReport, type PublicIndicator, type PublicNode, type PublicReport } from '../use-cases/public-report.js';
import { publishedCycles, type PublicCycle } from '../use-cases/published-cycles.js';
import { YEAR } from './args.js';

const PublicIndicatorRef = builder.objectRef<PublicIndicator>('PublicIndicator').implement({
  fields: (t) => ({
    code: t.exposeString('code', { nullable: true }),
    name: t.exposeString('name'),
    algorithm: t.exposeString('algorithm', { nullable: true }),
    unit: t.exposeString('unit', { nullable: true }),
    direction: t.exposeString('direction'),
    target: t.exposeString('target', { nullable: true }),
    value: t.field({ type: 'JSON', nullable: true, resolve: (i) => i.value }),
    score: t.exposeFloat('score', { nullable: true }),
    explanation: t.field({ type: 'JSON', nullable: true, resolve: (i) => i.explanation }),
  }),
});

const PublicNodeRef = builder.objectRef<PublicNode>('PublicNode').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    parentCode: t.exposeString('parentCode', { nullable: true }),
    level: t.exposeString('level'),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    weight: t.exposeFloat('weight'),
    result: t.exposeFloat('result', { nullable: true }),
    achievement: t.exposeFloat('achievement', { nullable: true }),
    rating: t.exposeString('rating', { nullable: true }),
    overridden: t.exposeBoolean('overridden'),
    explanation: t.field({ type: 'JSON', nullable: true, resolve: (n) => n.explanation }),
    achievementExplanation: t.field({ type: 'JSON', nullable: true, resolve: (n) => n.achievementExplanation }),
    indicators: t.field({ type: [PublicIndicatorRef], resolve: (n) => n.indicators }),
  }),
});

const PublicChamber = builder.objectRef<PublicReport['chamber']>('PublicChamber').implement({
  fields: (t) => ({ code: t.exposeString('code'), name: t.exposeString('name'), region: t.exposeString('region', { nullable: true }) }),
});

const PublicLevel = builder.objectRef<PublicReport['levels'][number]>('PublicLevel').implement({
  fields: (t) => ({ key: t.exposeString('key'), name: t.exposeString('name'), kind: t.exposeString('kind') }),
});

const PublicReportRef = builder.objectRef<PublicReport>('PublicReport').implement({
  description: 'A published cycle of a chamber: plan, results, scores and their explanations.',
  fields: (t) => ({
    chamber: t.field({ type: PublicChamber, resolve: (r) => r.chamber }),
    year: t.exposeInt('year'),
    horizonStart: t.exposeInt('horizonStart'),
    horizonEnd: t.exposeInt('horizonEnd'),
    resolutionNumber: t.exposeString('resolutionNumber', { nullable: true }),
    resolutionDate: t.expose('resolutionDate', { type: 'Date', nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    periodDate: t.expose('periodDate', { type: 'Date', nullable: true }),
    levels: t.field({ type: [PublicLevel], resolve: (r) => r.levels }),
    entity: t.field({ type: 'JSON', nullable: true, resolve: (r) => r.entity }),
    nodes: t.field({ type: [PublicNodeRef], resolve: (r) => r.nodes }),
  }),
});

const CHAMBER_CODE = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]{1,5}$/, 'a chamber code');

builder.queryField('publicReport', (t) =>
  t.field({
    type: PublicReportRef,
    authScopes: { can: 'report.readPublished' },
    description: 'The published report of a chamber\'s cycle, without login. Ask for it in a request of its own (no other root field).',
    args: {
      chamberCode: t.arg.string({ required: true, validate: CHAMBER_CODE }),
      year: t.arg.int({ required: true, validate: YEAR }),
    },
    resolve: (_root, args, ctx) => {
      // The public read path never runs inside a caller's tenant transaction (http/graphql-handler.ts).
      if (ctx.tx !== null) throw new BadInputError('ask for publicReport in a request of its own, without other root fields');
      return publicReport({ db: ctx.db, chamberCode: args.chamberCode, year: args.year });
    },
  }),
);

const PublicCycleRef = builder.objectRef<PublicCycle>('PublicCycle').implement({
  description: 'A published cycle of a chamber, as listed on its public page.',
  fields: (t) => ({
    year: t.exposeInt('year'),
    title: t.exposeString('title'),
    horizonStart: t.exposeInt('horizonStart'),
    horizonEnd: t.exposeInt('horizonEnd'),
    resolutionNumber: t.exposeString('resolutionNumber', { nullable: true }),
    resolutionDate: t.expose('resolutionDate', { type: 'Date', nullable: true }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.queryField('publishedCycles', (t) =>
  t.field({
    type: [PublicCycleRef],
    authScopes: { can: 'report.readPublished' },
    description: 'The published cycles of a chamber (latest first), without login: read each with publicReport. Ask for it in a request of its own (only public root fields).',
    args: { chamberCode: t.arg.string({ required: true, validate: CHAMBER_CODE }) },
    resolve: (_root, args, ctx) => {
      // The public read path never runs inside a caller's tenant transaction (http/graphql-handler.ts).
      if (ctx.tx !== null) throw new BadInputError('ask for publishedCycles in a request of its own, without other root fields');
      return publishedCycles({ db: ctx.db, chamberCode: args.chamberCode });
    },
  }),
);
