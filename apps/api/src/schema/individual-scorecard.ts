// Individual scorecards (scheda di valutazione individuale): the signed-in person's own, another person's
// for those who appraise or steer them, and the appraisal inputs the administration records.
import { z } from 'zod';
import type { ScorecardComponent as EngineComponent } from '@albero/scoring';
import { builder } from '../builder.js';
import { tenant } from '../tenant.js';
import { computeScorecard, myScorecard, personScorecard, reported, type AppraisalView, type PersonScorecard, type ScorecardView } from '../use-cases/individual-scorecard.js';
import { setAppraisal } from '../use-cases/set-appraisal.js';
import { SCORE, UUID, VERSION } from './args.js';
import { scoresOf } from './score.js';

const ComponentName = builder.enumType('ScorecardComponentName', {
  values: {
    entity: { description: 'The entity performance of the cycle\'s scorecard.' },
    unit: { description: 'Simple mean of the results of the nodes whose own responsible units include one of the person\'s units.' },
    individual: { description: 'Weighted mean of the results of the person\'s individual objectives (assigned as owner).' },
    behaviour: { description: 'The behaviour score of the appraisal.' },
  } as const,
});

const UnavailableReason = builder.enumType('ScorecardUnavailableReason', {
  values: {
    no_appraisal: { description: 'No appraisal recorded for the person in the cycle: the role profile is unknown.' },
    unknown_profile: { description: 'The appraisal\'s role profile is not among the cycle\'s SMVP individual weights.' },
  } as const,
});

type Component = { c: EngineComponent; view: ScorecardView };

const ComponentRef = builder.objectRef<Component>('ScorecardComponent').implement({
  description: 'One component of an individual scorecard: weight (percent, from the role profile), score and contribution.',
  fields: (t) => ({
    component: t.field({ type: ComponentName, resolve: ({ c }) => c.component }),
    weight: t.float({ resolve: ({ c }) => c.weight }),
    score: t.float({ nullable: true, description: 'The component\'s score, rounded by the SMVP (null when not available).', resolve: ({ c, view }) => reported(c.score, view.rounding) }),
    exactScore: t.float({ nullable: true, resolve: ({ c }) => c.score }),
    contribution: t.float({ nullable: true, description: 'weight × score / Σ weights, rounded; null when the weight is 0 or the total is not computable.', resolve: ({ c, view }) => reported(c.contribution, view.rounding) }),
    missing: t.boolean({ description: 'A positive weight with no score: the total is not computable.', resolve: ({ c }) => c.weight !== 0 && c.score === null }),
    nodeIds: t.idList({ description: 'The nodes behind the unit and individual components.', resolve: ({ c, view }) => view.sources[c.component].nodeIds }),
    explanation: t.field({
      type: 'JSON',
      description: 'Where the score comes from: the entity performance, the mean of the nodes (with the missing-value policy applied), or the appraisal.',
      resolve: ({ c, view }) => view.sources[c.component].explanation,
    }),
  }),
});

const IndividualScorecardRef = builder.objectRef<ScorecardView>('IndividualScorecard').implement({
  description: 'The scorecard of a role profile: Σ weight × component score / Σ weights (@albero/scoring scoreIndividual).',
  fields: (t) => ({
    roleProfile: t.string({ resolve: (s) => s.roleProfile }),
    score: t.float({ nullable: true, description: 'The total, rounded by the SMVP; null when a component with a positive weight is missing.', resolve: (s) => s.card.score }),
    exactScore: t.float({ nullable: true, resolve: (s) => s.card.exactScore }),
    computable: t.boolean({ resolve: (s) => s.card.score !== null }),
    missingPolicy: t.string({ description: 'The SMVP missing-value policy applied to the unit and individual means.', resolve: (s) => s.missingPolicy }),
    components: t.field({ type: [ComponentRef], resolve: (s) => s.card.explanation.components.map((c) => ({ c, view: s })) }),
    explanation: t.field({ type: 'JSON', description: 'The engine\'s explanation: rule individual-scorecard, or not-computable with the missing components.', resolve: (s) => s.card.explanation }),
  }),
});

const AppraisalRef = builder.objectRef<AppraisalView>('Appraisal').implement({
  description: 'A person\'s appraisal inputs for a cycle: role profile of the SMVP and behaviour score.',
  fields: (t) => ({
    id: t.exposeID('id'),
    roleProfile: t.exposeString('roleProfile'),
    behaviourScore: t.exposeFloat('behaviourScore', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});

const PersonScorecardRef = builder.objectRef<PersonScorecard>('PersonScorecard').implement({
  description: 'A person\'s individual scorecard in a cycle for a monitoring period, or why there is none.',
  fields: (t) => ({
    personId: t.exposeID('personId'),
    cycleId: t.exposeID('cycleId'),
    periodId: t.id({ nullable: true, resolve: (s) => s.period?.id ?? null }),
    periodDate: t.field({ type: 'Date', nullable: true, resolve: (s) => s.period?.date ?? null }),
    appraisal: t.field({ type: AppraisalRef, nullable: true, resolve: (s) => s.appraisal }),
    scorecard: t.field({ type: IndividualScorecardRef, nullable: true, description: 'Null when unavailable (see unavailableReason): no profile is invented.', resolve: (s) => s.scorecard }),
    unavailableReason: t.field({ type: UnavailableReason, nullable: true, resolve: (s) => s.unavailable?.reason ?? null }),
    unavailableMessage: t.string({ nullable: true, resolve: (s) => s.unavailable?.message ?? null }),
  }),
});

builder.queryField('myScorecard', (t) =>
  t.field({
    type: PersonScorecardRef,
    authScopes: { can: 'scorecard.readOwn' },
    description: 'The signed-in person\'s individual scorecard in a cycle (approved values only).',
    args: { cycleId: t.arg.id({ required: true, validate: UUID }), periodId: t.arg.id({ validate: UUID, description: 'The monitoring period; the cycle\'s last one when absent.' }) },
    resolve: (_root, args, ctx) => myScorecard({ ...tenant(ctx), cycleId: args.cycleId, scores: () => scoresOf(ctx, args.cycleId, args.periodId) }),
  }),
);

builder.queryField('personScorecard', (t) =>
  t.field({
    type: PersonScorecardRef,
    authScopes: { can: 'scorecard.read' },
    description: 'A person\'s individual scorecard: for the administration, the OIV and managers of one of the person\'s units (or of a unit above).',
    args: {
      personId: t.arg.id({ required: true, validate: UUID }),
      cycleId: t.arg.id({ required: true, validate: UUID }),
      periodId: t.arg.id({ validate: UUID, description: 'The monitoring period; the cycle\'s last one when absent.' }),
    },
    resolve: (_root, args, ctx) => personScorecard({ ...tenant(ctx), personId: args.personId, cycleId: args.cycleId, scores: () => scoresOf(ctx, args.cycleId, args.periodId) }),
  }),
);

builder.mutationField('setAppraisal', (t) =>
  t.field({
    type: PersonScorecardRef,
    authScopes: { can: 'appraisal.manage' },
    description: 'Records a person\'s role profile and behaviour score for a cycle (not one\'s own); without version it creates, with it updates. Returns the scorecard.',
    args: {
      personId: t.arg.id({ required: true, validate: UUID }),
      cycleId: t.arg.id({ required: true, validate: UUID }),
      roleProfile: t.arg.string({ required: true, validate: z.string().trim().min(1, 'a role profile is required').max(200) }),
      behaviourScore: t.arg.float({ validate: SCORE, description: '0–100; null while not yet assessed.' }),
      note: t.arg.string({ validate: z.string().max(2000) }),
      version: t.arg.int({ validate: VERSION, description: 'The version read, to update an existing appraisal.' }),
    },
    resolve: async (_root, args, ctx) => {
      const scope = tenant(ctx);
      await setAppraisal({ ...scope, ...args });
      return computeScorecard({ ...scope, cycleId: args.cycleId, scores: () => scoresOf(ctx, args.cycleId, null) }, args.personId);
    },
  }),
);
