// Chamber: the tenant. The platform operator lists, subscribes, suspends and resumes chambers; a chamber
// user reads their own chamber.
import { z } from 'zod';
import { builder } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { unitOfWork, tenant } from '../tenant.js';
import { resumeChamber } from '../use-cases/resume-chamber.js';
import { subscribeChamber } from '../use-cases/subscribe-chamber.js';
import { suspendChamber } from '../use-cases/suspend-chamber.js';
import { provisionChamber, requireKeycloak } from '../use-cases/manage-logins.js';
import { InviteeInput } from './login.js';
import { UUID } from './args.js';
import { SubscriptionStatus } from './enums.js';

builder.prismaObject('Chamber', {
  authScopes: { can: 'chamber.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    region: t.exposeString('region', { nullable: true }),
    subscriptionStatus: t.expose('subscriptionStatus', { type: SubscriptionStatus }),
    subscribedAt: t.expose('subscribedAt', { type: 'DateTime', nullable: true }),
    suspendedAt: t.expose('suspendedAt', { type: 'DateTime', nullable: true }),
    synthetic: t.exposeBoolean('synthetic', { description: 'A generated demo chamber, not a real one.' }),
    shareNameInBenchmark: t.exposeBoolean('shareNameInBenchmark', { description: 'Whether peers see its name in benchmarks (otherwise anonymised).' }),
    version: t.exposeInt('version'),
  }),
});

builder.queryField('chambers', (t) =>
  t.prismaConnection({
    type: 'Chamber',
    cursor: 'id',
    authScopes: { can: 'chamber.list' },
    description: 'Every subscribed chamber (platform operator).',
    resolve: (query, _root, _args, ctx) => unitOfWork(ctx).chamber.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
);

builder.queryField('myChamber', (t) =>
  t.prismaField({
    type: 'Chamber',
    authScopes: { can: 'chamber.read' },
    description: 'The chamber of the signed-in user.',
    resolve: async (query, _root, _args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      const chamber = await tx.chamber.findUnique({ ...query, where: { id: chamberId } });
      if (!chamber) throw new NotFoundError('Chamber', chamberId);
      return chamber;
    },
  }),
);

const reloadChamber = async (ctx: Parameters<typeof unitOfWork>[0], query: object, id: string) => {
  const chamber = await unitOfWork(ctx).chamber.findUnique({ ...query, where: { id } });
  if (!chamber) throw new NotFoundError('Chamber', id);
  return chamber;
};

builder.mutationField('subscribeChamber', (t) =>
  t.prismaField({
    type: 'Chamber',
    authScopes: { can: 'chamber.subscribe' },
    description:
      'Subscribes a new chamber and creates its Keycloak Organization (alias: the code in lower case); with `firstAdministrator`, also their login (chamber-admin) and the invitation e-mail.',
    args: {
      code: t.arg.string({ required: true, validate: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]{1,5}$/, 'a chamber code is 2 to 6 letters or digits') }),
      name: t.arg.string({ required: true, validate: z.string().trim().min(3).max(200) }),
      region: t.arg.string({ validate: z.string().max(100) }),
      firstAdministrator: t.arg({ type: InviteeInput, description: 'The chamber’s first administrator, invited by e-mail.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await subscribeChamber({ tx: unitOfWork(ctx), code: args.code, name: args.name, region: args.region });
      // After the database checks (code free), before the commit: a failure here rolls the subscription back.
      await provisionChamber(requireKeycloak(ctx.keycloakAdmin), { code: args.code.trim().toUpperCase(), name: args.name.trim() }, args.firstAdministrator);
      ctx.chambersChanged();
      return reloadChamber(ctx, query, id);
    },
  }),
);

builder.mutationField('suspendChamber', (t) =>
  t.prismaField({
    type: 'Chamber',
    authScopes: { can: 'chamber.suspend' },
    description: 'Suspends a subscription: the chamber\'s users are refused (FORBIDDEN) until it is resumed.',
    args: { id: t.arg.id({ required: true, validate: UUID }), version: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      await suspendChamber({ tx: unitOfWork(ctx), id: args.id, version: args.version });
      ctx.chambersChanged();
      return reloadChamber(ctx, query, args.id);
    },
  }),
);

builder.mutationField('resumeChamber', (t) =>
  t.prismaField({
    type: 'Chamber',
    authScopes: { can: 'chamber.suspend' },
    description: 'Resumes a suspended subscription.',
    args: { id: t.arg.id({ required: true, validate: UUID }), version: t.arg.int({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      await resumeChamber({ tx: unitOfWork(ctx), id: args.id, version: args.version });
      ctx.chambersChanged();
      return reloadChamber(ctx, query, args.id);
    },
  }),
);
