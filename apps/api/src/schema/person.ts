// People of the chamber, their unit memberships and the nodes assigned to them.
import { z } from 'zod';
import { builder } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { tenant } from '../tenant.js';
import { createPerson } from '../use-cases/create-person.js';
import { updatePerson } from '../use-cases/update-person.js';
import { UUID, VERSION } from './args.js';
import { AssignmentRole } from './enums.js';

builder.prismaObject('Person', {
  authScopes: { can: 'person.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    email: t.exposeString('email', { nullable: true }),
    position: t.exposeString('position', { nullable: true }),
    active: t.exposeBoolean('active'),
    linked: t.boolean({ description: 'Whether the person has signed in (linked to an identity-provider subject).', select: { subject: true }, resolve: (p) => p.subject !== null }),
    units: t.relation('units'),
    assignments: t.relation('assignments'),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObject('PlanNodePerson', {
  name: 'Assignment',
  authScopes: { can: 'person.read' },
  fields: (t) => ({
    node: t.relation('node'),
    person: t.relation('person'),
    role: t.expose('role', { type: AssignmentRole }),
  }),
});

const MembershipInput = builder.inputType('MembershipInput', {
  fields: (t) => ({ unitId: t.id({ required: true, validate: UUID }), head: t.boolean({ defaultValue: false }) }),
});

builder.queryField('people', (t) =>
  t.prismaConnection({
    type: 'Person',
    cursor: 'chamberId_id',
    authScopes: { can: 'person.read' },
    args: { activeOnly: t.arg.boolean({ defaultValue: true }) },
    resolve: (query, _root, args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      return tx.person.findMany({ ...query, where: { chamberId, ...(args.activeOnly ? { active: true } : {}) }, orderBy: [{ displayName: 'asc' }, { id: 'asc' }] });
    },
  }),
);

builder.queryField('person', (t) =>
  t.prismaField({
    type: 'Person',
    authScopes: { can: 'person.read' },
    args: { id: t.arg.id({ required: true, validate: UUID }) },
    resolve: async (query, _root, args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      const person = await tx.person.findUnique({ ...query, where: { chamberId_id: { chamberId, id: args.id } } });
      if (!person) throw new NotFoundError('Person', args.id);
      return person;
    },
  }),
);

const reload = async (ctx: Parameters<typeof tenant>[0], query: object, id: string) => {
  const { tx, chamberId } = tenant(ctx);
  const person = await tx.person.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!person) throw new NotFoundError('Person', id);
  return person;
};

builder.mutationField('createPerson', (t) =>
  t.prismaField({
    type: 'Person',
    authScopes: { can: 'person.manage' },
    args: {
      username: t.arg.string({ required: true, validate: z.string().trim().min(2).max(128) }),
      displayName: t.arg.string({ required: true, validate: z.string().trim().min(3).max(300) }),
      email: t.arg.string({ validate: z.email() }),
      position: t.arg.string({ validate: z.string().max(300) }),
      units: t.arg({ type: [MembershipInput] }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await createPerson({ ...tenant(ctx), ...args });
      return reload(ctx, query, id);
    },
  }),
);

builder.mutationField('updatePerson', (t) =>
  t.prismaField({
    type: 'Person',
    authScopes: { can: 'person.manage' },
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      displayName: t.arg.string({ validate: z.string().trim().min(3).max(300) }),
      email: t.arg.string({ validate: z.email() }),
      position: t.arg.string({ validate: z.string().max(300) }),
      active: t.arg.boolean(),
      units: t.arg({ type: [MembershipInput], description: 'Replaces the person\'s unit memberships when given.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      await updatePerson({ ...tenant(ctx), ...args });
      return reload(ctx, query, args.id);
    },
  }),
);
