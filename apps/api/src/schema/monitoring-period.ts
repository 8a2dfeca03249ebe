// Monitoring periods: the dates at which values are collected, opened and closed for data entry.
import { builder, type Context } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { tenant } from '../tenant.js';
import { addPeriod } from '../use-cases/add-period.js';
import { closePeriod } from '../use-cases/close-period.js';
import { openPeriod } from '../use-cases/open-period.js';
import { UUID, VERSION } from './args.js';
import { PeriodState } from './enums.js';

builder.prismaObject('MonitoringPeriod', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    cycleId: t.exposeID('cycleId'),
    periodDate: t.expose('periodDate', { type: 'Date' }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true }),
    state: t.expose('state', { type: PeriodState }),
    version: t.exposeInt('version'),
  }),
});

async function reload(ctx: Context, query: object, id: string) {
  const { tx, chamberId } = tenant(ctx);
  const period = await tx.monitoringPeriod.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!period) throw new NotFoundError('MonitoringPeriod', id);
  return period;
}

builder.mutationField('addPeriod', (t) =>
  t.prismaField({
    type: 'MonitoringPeriod',
    authScopes: { can: 'cycle.manage' },
    args: { cycleId: t.arg.id({ required: true, validate: UUID }), periodDate: t.arg({ type: 'Date', required: true }), dueDate: t.arg({ type: 'Date' }) },
    resolve: async (query, _root, args, ctx) => reload(ctx, query, (await addPeriod({ ...tenant(ctx), ...args })).id),
  }),
);

builder.mutationField('openPeriod', (t) =>
  t.prismaField({
    type: 'MonitoringPeriod',
    authScopes: { can: 'cycle.manage' },
    description: 'Opens a period for data entry (the first opening starts the cycle\'s monitoring).',
    args: { id: t.arg.id({ required: true, validate: UUID }), version: t.arg.int({ required: true, validate: VERSION }) },
    resolve: async (query, _root, args, ctx) => {
      await openPeriod({ ...tenant(ctx), periodId: args.id, version: args.version });
      return reload(ctx, query, args.id);
    },
  }),
);

builder.mutationField('closePeriod', (t) =>
  t.prismaField({
    type: 'MonitoringPeriod',
    authScopes: { can: 'cycle.manage' },
    args: { id: t.arg.id({ required: true, validate: UUID }), version: t.arg.int({ required: true, validate: VERSION }) },
    resolve: async (query, _root, args, ctx) => {
      await closePeriod({ ...tenant(ctx), periodId: args.id, version: args.version });
      return reload(ctx, query, args.id);
    },
  }),
);
