// myObjectives: what the signed-in person answers for, and what they must enter next.
import { builder } from '../builder.js';
import { tenant } from '../tenant.js';
import { myObjectives, type MyObjective, type PendingEntry } from '../use-cases/my-objectives.js';
import { UUID } from './args.js';

const ObjectiveReason = builder.enumType('ObjectiveReason', {
  values: { owner: { description: 'An individual objective of the person.' }, assigned: { description: 'Assigned to the person by name.' }, unit: { description: 'A responsibility of one of the person\'s units.' } } as const,
});
const NextStep = builder.enumType('NextStep', {
  values: { enter: { description: 'No value yet for this open period.' }, correct: { description: 'The value was rejected.' }, submit: { description: 'A draft awaits submission.' } } as const,
});

const Pending = builder.objectRef<PendingEntry>('PendingEntry').implement({
  fields: (t) => ({
    next: t.expose('next', { type: NextStep }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true }),
    indicator: t.prismaField({
      type: 'Indicator',
      resolve: (query, e, _args, ctx) => {
        const { tx, chamberId } = tenant(ctx);
        return tx.indicator.findUniqueOrThrow({ ...query, where: { chamberId_id: { chamberId, id: e.indicatorId } } });
      },
    }),
    period: t.prismaField({
      type: 'MonitoringPeriod',
      resolve: (query, e, _args, ctx) => {
        const { tx, chamberId } = tenant(ctx);
        return tx.monitoringPeriod.findUniqueOrThrow({ ...query, where: { chamberId_id: { chamberId, id: e.periodId } } });
      },
    }),
    measurement: t.prismaField({
      type: 'Measurement',
      nullable: true,
      resolve: (query, e, _args, ctx) => {
        const { tx, chamberId } = tenant(ctx);
        return e.measurementId ? tx.measurement.findUnique({ ...query, where: { chamberId_id: { chamberId, id: e.measurementId } } }) : null;
      },
    }),
  }),
});

const Objective = builder.objectRef<MyObjective>('MyObjective').implement({
  fields: (t) => ({
    reasons: t.field({ type: [ObjectiveReason], resolve: (o) => o.reasons }),
    pending: t.field({ type: [Pending], resolve: (o) => o.pending }),
    node: t.prismaField({
      type: 'PlanNode',
      resolve: (query, o, _args, ctx) => {
        const { tx, chamberId } = tenant(ctx);
        return tx.planNode.findUniqueOrThrow({ ...query, where: { chamberId_id: { chamberId, id: o.nodeId } } });
      },
    }),
  }),
});

builder.queryField('myObjectives', (t) =>
  t.field({
    type: [Objective],
    authScopes: { can: 'objectives.readOwn' },
    description: 'The signed-in person\'s objectives (individual, assigned, of their units) in a cycle (default: the latest), with what they must enter next.',
    args: { cycleId: t.arg.id({ validate: UUID }) },
    resolve: async (_root, args, ctx) => (await myObjectives({ ...tenant(ctx), cycleId: args.cycleId })).objectives,
  }),
);
