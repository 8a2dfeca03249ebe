// Measurements: values of indicators per monitoring period, with their workflow
// (enter → submit → approve, or reject with a reason).
import { z } from 'zod';
import { builder, type Context } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { personNameBySubject } from '../facts.js';
import { tenant } from '../tenant.js';
import { approveMeasurement } from '../use-cases/approve-measurement.js';
import { enterMeasurement } from '../use-cases/enter-measurement.js';
import { rejectMeasurement } from '../use-cases/reject-measurement.js';
import { submitMeasurement } from '../use-cases/submit-measurement.js';
import { REASON, UUID, VERSION } from './args.js';
import { MeasurementStatus } from './enums.js';

builder.prismaObject('Measurement', {
  authScopes: { can: 'measurement.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    indicatorId: t.exposeID('indicatorId'),
    periodId: t.exposeID('periodId'),
    indicator: t.relation('indicator'),
    period: t.relation('period'),
    valueNumber: t.float({ nullable: true, resolve: (m) => m.valueNumber?.toNumber() ?? null }),
    valueDate: t.expose('valueDate', { type: 'Date', nullable: true }),
    valueBoolean: t.exposeBoolean('valueBoolean', { nullable: true }),
    inputs: t.expose('inputs', { type: 'JSON', nullable: true, description: 'Values of the formula\'s variables.' }),
    label: t.exposeString('label', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    evidence: t.exposeString('evidence', { nullable: true }),
    status: t.expose('status', { type: MeasurementStatus }),
    enteredBy: t.exposeString('enteredBy', { nullable: true }),
    enteredAt: t.expose('enteredAt', { type: 'DateTime', nullable: true }),
    submittedBy: t.exposeString('submittedBy', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    reviewedBy: t.exposeString('reviewedBy', { nullable: true }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    rejectionReason: t.exposeString('rejectionReason', { nullable: true }),
    enteredByName: t.string({
      nullable: true,
      description: 'The name of the person who entered the value (null when unknown: not linked to the identity provider yet).',
      select: { enteredBy: true },
      resolve: (m, _args, ctx) => nameOf(ctx, m.enteredBy),
    }),
    submittedByName: t.string({
      nullable: true,
      description: 'The name of the person who submitted the value for approval (null when unknown).',
      select: { submittedBy: true },
      resolve: (m, _args, ctx) => nameOf(ctx, m.submittedBy),
    }),
    reviewedByName: t.string({
      nullable: true,
      description: 'The name of the person who approved or rejected the value (null when unknown).',
      select: { reviewedBy: true },
      resolve: (m, _args, ctx) => nameOf(ctx, m.reviewedBy),
    }),
    enteredByViewer: t.boolean({
      description: 'Whether the caller entered or submitted this value: then someone else reviews it (separation of duties).',
      select: { enteredBy: true, submittedBy: true },
      resolve: (m, _args, ctx) => ctx.actor.kind === 'member' && (m.enteredBy === ctx.actor.subject || m.submittedBy === ctx.actor.subject),
    }),
    version: t.exposeInt('version'),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('measurement', (t) =>
  t.prismaField({
    type: 'Measurement',
    authScopes: { can: 'measurement.read' },
    args: { id: t.arg.id({ required: true, validate: UUID }) },
    resolve: (query, _root, args, ctx) => reloadMeasurement(ctx, query, args.id),
  }),
);

builder.queryField('measurements', (t) =>
  t.prismaConnection({
    type: 'Measurement',
    cursor: 'chamberId_id',
    authScopes: { can: 'measurement.read' },
    description: 'Values of a cycle, filtered by period and status (the review queue: status submitted).',
    args: {
      cycleId: t.arg.id({ required: true, validate: UUID }),
      periodId: t.arg.id({ validate: UUID }),
      status: t.arg({ type: MeasurementStatus }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      if (!(await tx.cycle.findUnique({ where: { chamberId_id: { chamberId, id: args.cycleId } }, select: { id: true } }))) throw new NotFoundError('Cycle', args.cycleId);
      return tx.measurement.findMany({
        ...query,
        where: { chamberId, indicator: { cycleId: args.cycleId }, ...(args.periodId ? { periodId: args.periodId } : {}), ...(args.status ? { status: args.status } : {}) },
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
      });
    },
  }),
);

/** A subject's display name in the caller's chamber, looked up once per request. */
function nameOf(ctx: Context, subject: string | null): Promise<string | null> | null {
  if (subject === null || ctx.actor.kind !== 'member') return null;
  const key = `person-name:${subject}`;
  let name = ctx.memo.get(key) as Promise<string | null> | undefined;
  if (!name) {
    const { tx, chamberId } = tenant(ctx);
    name = personNameBySubject(tx, chamberId, subject);
    ctx.memo.set(key, name);
  }
  return name;
}

async function reloadMeasurement(ctx: Context, query: object, id: string) {
  const { tx, chamberId } = tenant(ctx);
  const measurement = await tx.measurement.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!measurement) throw new NotFoundError('Measurement', id);
  return measurement;
}

builder.mutationField('enterMeasurement', (t) =>
  t.prismaField({
    type: 'Measurement',
    authScopes: { can: 'measurement.enter' },
    description:
      'Enters or corrects (draft or rejected) the value of an indicator for an open period. Staff: indicators assigned to them or their unit. No value at all records a value reported as missing.',
    args: {
      indicatorId: t.arg.id({ required: true, validate: UUID }),
      periodId: t.arg.id({ required: true, validate: UUID }),
      valueNumber: t.arg.float(),
      valueDate: t.arg({ type: 'Date' }),
      valueBoolean: t.arg.boolean(),
      inputs: t.arg({ type: 'JSON', validate: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.number()).nullish() }),
      note: t.arg.string({ validate: z.string().max(5000) }),
      evidence: t.arg.string({ validate: z.string().max(5000) }),
      label: t.arg.string({ validate: z.string().max(200) }),
      version: t.arg.int({ validate: VERSION, description: 'Required when correcting an existing value.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await enterMeasurement({ ...tenant(ctx), ...args, inputs: args.inputs as Record<string, number> | null | undefined });
      return reloadMeasurement(ctx, query, id);
    },
  }),
);

const workflowArgs = { id: UUID, version: VERSION };

builder.mutationField('submitMeasurement', (t) =>
  t.prismaField({
    type: 'Measurement',
    authScopes: { can: 'measurement.enter' },
    args: { id: t.arg.id({ required: true, validate: workflowArgs.id }), version: t.arg.int({ required: true, validate: workflowArgs.version }) },
    resolve: async (query, _root, args, ctx) => {
      await submitMeasurement({ ...tenant(ctx), measurementId: args.id, version: args.version });
      return reloadMeasurement(ctx, query, args.id);
    },
  }),
);

builder.mutationField('approveMeasurement', (t) =>
  t.prismaField({
    type: 'Measurement',
    authScopes: { can: 'measurement.review' },
    description: 'Approves a submitted value (managers: for their units; never one they entered or submitted themselves); it then counts in the scores.',
    args: { id: t.arg.id({ required: true, validate: workflowArgs.id }), version: t.arg.int({ required: true, validate: workflowArgs.version }) },
    resolve: async (query, _root, args, ctx) => {
      await approveMeasurement({ ...tenant(ctx), measurementId: args.id, version: args.version });
      return reloadMeasurement(ctx, query, args.id);
    },
  }),
);

builder.mutationField('rejectMeasurement', (t) =>
  t.prismaField({
    type: 'Measurement',
    authScopes: { can: 'measurement.review' },
    description: 'Sends a submitted value back with a reason (required); not by whoever entered or submitted it.',
    args: {
      id: t.arg.id({ required: true, validate: workflowArgs.id }),
      version: t.arg.int({ required: true, validate: workflowArgs.version }),
      reason: t.arg.string({ required: true, validate: REASON }),
    },
    resolve: async (query, _root, args, ctx) => {
      await rejectMeasurement({ ...tenant(ctx), measurementId: args.id, version: args.version, reason: args.reason });
      return reloadMeasurement(ctx, query, args.id);
    },
  }),
);
