// The audit trail: every write in the chamber, recorded by database triggers with actor, time, before and after.
import { z } from 'zod';
import { builder } from '../builder.js';
import { tenant } from '../tenant.js';

builder.prismaObject('AuditEvent', {
  authScopes: { can: 'audit.read' },
  fields: (t) => ({
    id: t.string({ resolve: (e) => e.id.toString() }),
    at: t.expose('at', { type: 'DateTime' }),
    actorSubject: t.exposeString('actorSubject', { nullable: true, description: 'The identity-provider subject of whoever wrote (or the loader).' }),
    action: t.exposeString('action', { description: 'insert, update or delete.' }),
    entity: t.exposeString('entity', { description: 'The table written.' }),
    entityId: t.exposeString('entityId', { nullable: true }),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
  }),
});

builder.queryField('auditTrail', (t) =>
  t.prismaConnection({
    type: 'AuditEvent',
    cursor: 'chamberId_id',
    authScopes: { can: 'audit.read' },
    description: 'The chamber\'s audit trail, newest first, optionally for one entity (table) or row.',
    args: {
      entity: t.arg.string({ validate: z.string().regex(/^[a-z_]+$/).max(64) }),
      entityId: t.arg.string({ validate: z.string().max(64) }),
      actorSubject: t.arg.string({ validate: z.string().max(255) }),
    },
    resolve: (query, _root, args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      return tx.auditEvent.findMany({
        ...query,
        where: {
          chamberId,
          // The data-version counter moves with every write; its own events are bookkeeping, shown only on request.
          entity: args.entity ?? { not: 'chamber_data_version' },
          ...(args.entityId ? { entityId: args.entityId } : {}),
          ...(args.actorSubject ? { actorSubject: args.actorSubject } : {}),
        },
        orderBy: [{ id: 'desc' }],
      });
    },
  }),
);
