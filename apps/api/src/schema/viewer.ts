// Viewer: who the API thinks the caller is (kind, roles, chamber, person record).
import { builder } from '../builder.js';
import type { ApiActor } from '../actor.js';
import { ACTIONS, can, mayAttempt, type Action } from '../policies.js';

const ActorKind = builder.enumType('ActorKind', { values: ['anonymous', 'platform', 'unioncamere', 'member'] as const });

const Viewer = builder.objectRef<ApiActor>('Viewer').implement({
  description: 'The signed-in caller.',
  fields: (t) => ({
    kind: t.field({ type: ActorKind, resolve: (a) => a.kind }),
    subject: t.string({ nullable: true, resolve: (a) => (a.kind === 'anonymous' ? null : a.subject) }),
    username: t.string({ nullable: true, resolve: (a) => (a.kind === 'anonymous' ? null : a.username) }),
    roles: t.stringList({ resolve: (a) => (a.kind === 'member' ? a.roles : a.kind === 'platform' ? ['platform-admin'] : a.kind === 'unioncamere' ? ['unioncamere-analyst'] : []) }),
    chamberCode: t.string({ nullable: true, resolve: (a) => (a.kind === 'member' ? a.chamberCode : null) }),
    chamber: t.prismaField({
      type: 'Chamber',
      nullable: true,
      resolve: (query, a, _args, ctx) => (a.kind === 'member' && ctx.tx ? ctx.tx.chamber.findUnique({ ...query, where: { id: a.chamberId } }) : null),
    }),
    person: t.prismaField({
      type: 'Person',
      nullable: true,
      description: 'The person record matched to the token (by subject, else by username).',
      resolve: async (query, a, _args, ctx) => {
        if (a.kind !== 'member' || ctx.tx === null) return null;
        const facts = await ctx.person();
        return facts ? ctx.tx.person.findUnique({ ...query, where: { chamberId_id: { chamberId: a.chamberId, id: facts.personId } } }) : null;
      },
    }),
    allowedActions: t.stringList({
      description: 'The actions of the rules (docs/api.md) the caller holds everywhere in their scope.',
      resolve: (a) => ACTIONS.filter((action: Action) => can(a, action)),
    }),
    conditionalActions: t.stringList({
      description: 'The actions the caller holds only on what is assigned to them or to their units.',
      resolve: (a) => ACTIONS.filter((action: Action) => mayAttempt(a, action) && !can(a, action)),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    authScopes: { can: 'viewer.read' },
    resolve: (_root, _args, ctx) => ctx.actor,
  }),
);
