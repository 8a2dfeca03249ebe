// Chamber variables shared by indicators' formulas (imprese attive al 31/12), with values by date.
import { z } from 'zod';
import { builder, type Context } from '../builder.js';
import { NotFoundError } from '../errors.js';
import { tenant } from '../tenant.js';
import { createVariable } from '../use-cases/create-variable.js';
import { setVariableValue } from '../use-cases/set-variable-value.js';
import { UUID, VERSION } from './args.js';

builder.prismaObject('Variable', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    id: t.exposeID('id'),
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit', { nullable: true }),
    values: t.relation('values', { query: { orderBy: { period: 'asc' } } }),
  }),
});

builder.prismaObject('VariableValue', {
  authScopes: { can: 'cycle.read' },
  fields: (t) => ({
    period: t.expose('period', { type: 'Date' }),
    value: t.float({ resolve: (v) => v.value.toNumber() }),
    source: t.exposeString('source', { nullable: true }),
    version: t.exposeInt('version'),
  }),
});

builder.queryField('variables', (t) =>
  t.prismaField({
    type: ['Variable'],
    authScopes: { can: 'cycle.read' },
    resolve: (query, _root, _args, ctx) => {
      const { tx, chamberId } = tenant(ctx);
      return tx.variable.findMany({ ...query, where: { chamberId }, orderBy: { key: 'asc' }, take: 1000 });
    },
  }),
);

async function reload(ctx: Context, query: object, id: string) {
  const { tx, chamberId } = tenant(ctx);
  const variable = await tx.variable.findUnique({ ...query, where: { chamberId_id: { chamberId, id } } });
  if (!variable) throw new NotFoundError('Variable', id);
  return variable;
}

builder.mutationField('createVariable', (t) =>
  t.prismaField({
    type: 'Variable',
    authScopes: { can: 'variable.manage' },
    args: {
      key: t.arg.string({ required: true, validate: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a variable key is lower snake_case').max(64) }),
      name: t.arg.string({ required: true, validate: z.string().trim().min(3).max(300) }),
      unit: t.arg.string({ validate: z.string().max(32) }),
    },
    resolve: async (query, _root, args, ctx) => reload(ctx, query, (await createVariable({ ...tenant(ctx), ...args })).id),
  }),
);

builder.mutationField('setVariableValue', (t) =>
  t.prismaField({
    type: 'Variable',
    authScopes: { can: 'variable.manage' },
    description: 'Records a variable\'s value at a date; send the version read to change a recorded value.',
    args: {
      variableId: t.arg.id({ required: true, validate: UUID }),
      period: t.arg({ type: 'Date', required: true }),
      value: t.arg.float({ required: true }),
      source: t.arg.string({ validate: z.string().max(500) }),
      version: t.arg.int({ validate: VERSION }),
    },
    resolve: async (query, _root, args, ctx) => {
      await setVariableValue({ ...tenant(ctx), ...args });
      return reload(ctx, query, args.variableId);
    },
  }),
);
