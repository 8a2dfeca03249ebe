// Organisational units (area → servizio → ufficio / U.O., Azienda speciale) and their members.
import { z } from 'zod';
import { builder } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { tenant } from '../tenant.js';
import { createUnit } from '../use-cases/create-unit.js';
import { updateUnit } from '../use-cases/update-unit.js';
import { UUID, VERSION } from './args.js';
import { UnitKind } from './enums.js';

builder.prismaObject('OrgUnit', {
  authScopes: { can: 'unit.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: UnitKind }),
    parentId: t.exposeID('parentId', { nullable: true }),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', { query: { orderBy: { code: 'asc' } } }),
    members: t.relation('members'),
    version: t.exposeInt('version'),
  }),
});

builder.prismaObject('PersonUnit', {
  name: 'UnitMembership',
  authScopes: { can: 'unit.read' },
  fields: (t) => ({
    person: t.relation('person'),
    unit: t.relation('unit'),
    head: t.exposeBoolean('head', { description: 'The person is responsible for the unit.' }),
  }),
});

builder.queryField('units', (t) =>
  t.prismaConnection({
    type: 'OrgUnit',
    cursor: 'chamberId_id',
    authScopes: { can: 'unit.read' },
    description: 'The chamber\'s units, by code.',
    resolve: (query, _root, _args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      return tx.orgUnit.findMany({ ...query, where: { chamberId }, orderBy: [{ code: 'asc' }, { id: 'asc' }] });
    },
  }),
);

builder.queryField('unit', (t) =>
  t.prismaField({
    type: 'OrgUnit',
    authScopes: { can: 'unit.read' },
    args: { id: t.arg.id({ required: true, validate: UUID }) },
    resolve: async (query, _root, args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      const unit = await tx.orgUnit.findUnique({ ...query, where: { chamberId_id: { chamberId, id: args.id } } });
      if (!unit) throw new NotFoundError('OrgUnit', args.id);
      return unit;
    },
  }),
);

const reload = async (ctx: Parameters<typeof tenant>[0], query: object, id: string) => {
  const { tx, chamberId } = tenant(ctx);
  const unit = await tx.orgUnit.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!unit) throw new NotFoundError('OrgUnit', id);
  return unit;
};

builder.mutationField('createUnit', (t) =>
  t.prismaField({
    type: 'OrgUnit',
    authScopes: { can: 'unit.manage' },
    args: {
      code: t.arg.string({ required: true, validate: z.string().trim().min(1).max(64) }),
      name: t.arg.string({ required: true, validate: z.string().trim().min(3).max(300) }),
      kind: t.arg({ type: UnitKind, required: true }),
      parentId: t.arg.id({ validate: UUID }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await createUnit({ ...tenant(ctx), code: args.code, name: args.name, kind: args.kind, parentId: args.parentId });
      return reload(ctx, query, id);
    },
  }),
);

builder.mutationField('updateUnit', (t) =>
  t.prismaField({
    type: 'OrgUnit',
    authScopes: { can: 'unit.manage' },
    args: {
      id: t.arg.id({ required: true, validate: UUID }),
      version: t.arg.int({ required: true, validate: VERSION }),
      name: t.arg.string({ validate: z.string().trim().min(3).max(300) }),
      kind: t.arg({ type: UnitKind }),
      parentId: t.arg.id({ validate: UUID, description: 'The new parent; null makes the unit a top-level unit, absent leaves it.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      await updateUnit({ ...tenant(ctx), id: args.id, version: args.version, name: args.name, kind: args.kind, parentId: args.parentId });
      return reload(ctx, query, args.id);
    },
  }),
);
