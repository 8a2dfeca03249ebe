// Overrides: a justified score (OIV) that replaces the computed one, on a node or an indicator.
import { builder, type Context } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { tenant } from '../tenant.js';
import { revokeOverride } from '../use-cases/revoke-override.js';
import { setOverride } from '../use-cases/set-override.js';
import { REASON, SCORE, UUID, VERSION } from './args.js';
import { OverrideBy } from './enums.js';

builder.prismaObject('ScoreOverride', {
  authScopes: { can: 'score.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    cycleId: t.exposeID('cycleId'),
    node: t.relation('node', { nullable: true }),
    indicator: t.relation('indicator', { nullable: true }),
    score: t.float({ resolve: (o) => o.score.toNumber() }),
    reason: t.exposeString('reason'),
    by: t.expose('by', { type: OverrideBy }),
    setBy: t.exposeString('setBy', { nullable: true }),
    setAt: t.expose('setAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    version: t.exposeInt('version'),
  }),
});

async function reload(ctx: Context, query: object, id: string) {
  const { tx, chamberId } = tenant(ctx);
  const override = await tx.scoreOverride.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!override) throw new NotFoundError('ScoreOverride', id);
  return override;
}

builder.mutationField('setOverride', (t) =>
  t.prismaField({
    type: 'ScoreOverride',
    authScopes: { can: 'override.set' },
    description: 'Sets a justified score on a node or an indicator (reason required); a previous one is revoked, both stay on record.',
    args: {
      nodeId: t.arg.id({ validate: UUID }),
      indicatorId: t.arg.id({ validate: UUID }),
      score: t.arg.float({ required: true, validate: SCORE }),
      reason: t.arg.string({ required: true, validate: REASON }),
    },
    resolve: async (query, _root, args, ctx) => reload(ctx, query, (await setOverride({ ...tenant(ctx), ...args })).id),
  }),
);

builder.mutationField('revokeOverride', (t) =>
  t.prismaField({
    type: 'ScoreOverride',
    authScopes: { can: 'override.set' },
    args: { id: t.arg.id({ required: true, validate: UUID }), version: t.arg.int({ required: true, validate: VERSION }) },
    resolve: async (query, _root, args, ctx) => {
      await revokeOverride({ ...tenant(ctx), overrideId: args.id, version: args.version });
      return reload(ctx, query, args.id);
    },
  }),
);
