// schema.prisma and the migrated database must agree: tables, columns, types, nullability, enums and primary
// keys. Prisma's own schema engine cannot run on these machines, so the schema is read with Prisma's WASM
// schema library (get_dmmf) and compared with information_schema / pg_catalog.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '@albero/db';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database.js';

const require = createRequire(import.meta.url);
const wasm = require('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[]; primaryKey: { fields: string[] } | null };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: { name: string; dbName: string | null; values: { name: string }[] }[] } };

let db: TestDatabase;
let dmmf: Dmmf;

beforeAll(async () => {
  db = await createTestDatabase();
  const schema = await readFile(resolve(MIGRATIONS_DIR, '..', 'schema.prisma'), 'utf8');
  dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as Dmmf;
});
afterAll(async () => {
  await db?.drop();
});

/** The PostgreSQL type Prisma Migrate creates for a field, in information_schema's words. */
function expectedType(field: DmmfField, enumDbName: (name: string) => string): string {
  const [native, args] = field.nativeType ?? [undefined, []];
  let type: string;
  if (field.kind === 'enum') type = enumDbName(field.type);
  else if (native === 'Uuid') type = 'uuid';
  else if (native === 'VarChar') type = `character varying(${args[0]})`;
  else if (native === 'Decimal') type = `numeric(${args.join(',')})`;
  else if (native === 'Timestamptz') type = `timestamp with time zone(${args[0] ?? 6})`;
  else if (native === 'Date') type = 'date';
  else if (native !== undefined) throw new Error(`unmapped native type ${native} on ${field.name}`);
  else {
    const defaults: Record<string, string> = {
      String: 'text',
      Int: 'integer',
      BigInt: 'bigint',
      Boolean: 'boolean',
      DateTime: 'timestamp without time zone(3)',
      Decimal: 'numeric(65,30)',
      Json: 'jsonb',
      Float: 'double precision',
    };
    type = defaults[field.type] ?? `unmapped ${field.type}`;
  }
  return field.isList ? `${type}[]` : type;
}

type Column = { table: string; column: string; type: string; nullable: boolean };

describe(`schema.prisma against the migrated database (${testDatabaseKind()})`, () => {
  it('has the same tables, columns, types and nullability', async () => {
    const enumDbName = (name: string) => dmmf.datamodel.enums.find((e) => e.name === name)?.dbName ?? name;
    const expected: Column[] = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind !== 'object')
        .map((f) => ({
          table: model.dbName ?? model.name,
          column: f.dbName ?? f.name,
          type: expectedType(f, enumDbName),
          // Prisma Migrate creates scalar lists as nullable arrays.
          nullable: !f.isRequired || f.isList,
        })),
    );
    const { rows } = await db.pool.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; character_maximum_length: number | null; numeric_precision: number | null; numeric_scale: number | null; datetime_precision: number | null; element_udt: string | null }>(
      `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.character_maximum_length,
              c.numeric_precision, c.numeric_scale, c.datetime_precision,
              e.udt_name AS element_udt
         FROM information_schema.columns c
         LEFT JOIN information_schema.element_types e
           ON e.object_schema = c.table_schema AND e.object_name = c.table_name AND e.object_type = 'TABLE'
          AND e.collection_type_identifier = c.dtd_identifier
        WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`,
    );
    const describeType = (r: (typeof rows)[number]): string => {
      switch (r.data_type) {
        case 'USER-DEFINED':
          return r.udt_name;
        case 'ARRAY':
          return `${r.element_udt === 'text' ? 'text' : r.element_udt}[]`;
        case 'character varying':
          return `character varying(${r.character_maximum_length})`;
        case 'numeric':
          return `numeric(${r.numeric_precision},${r.numeric_scale})`;
        case 'timestamp with time zone':
        case 'timestamp without time zone':
          return `${r.data_type}(${r.datetime_precision})`;
        default:
          return r.data_type;
      }
    };
    const actual: Column[] = rows.map((r) => ({ table: r.table_name, column: r.column_name, type: describeType(r), nullable: r.is_nullable === 'YES' }));
    const key = (c: Column) => `${c.table}.${c.column}`;
    const sort = (cs: Column[]) => [...cs].sort((x, y) => key(x).localeCompare(key(y)));
    expect(sort(actual)).toEqual(sort(expected));
  });

  it('has the same enums with the same values in the same order', async () => {
    const { rows } = await db.pool.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it('has the same primary keys, with chamber_id first on every tenant-owned table', async () => {
    const { rows } = await db.pool.query<{ table_name: string; columns: string[] }>(
      `SELECT tc.table_name, array_agg(k.column_name::text ORDER BY k.ordinal_position) AS columns
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage k ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
        WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY' AND tc.table_name <> '_prisma_migrations'
        GROUP BY tc.table_name`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.table_name, r.columns]));
    const expected = Object.fromEntries(
      dmmf.datamodel.models.map((m) => {
        const dbName = (name: string) => m.fields.find((f) => f.name === name)?.dbName ?? name;
        const pk = m.primaryKey?.fields ?? m.fields.filter((f) => (f as DmmfField & { isId?: boolean }).isId).map((f) => f.name);
        return [m.dbName ?? m.name, pk.map(dbName)];
      }),
    );
    expect(actual).toEqual(expected);
    for (const [table, columns] of Object.entries(actual)) {
      const tenantOwned = dmmf.datamodel.models.find((m) => (m.dbName ?? m.name) === table)?.fields.some((f) => f.dbName === 'chamber_id');
      if (tenantOwned) expect(columns[0], `${table} primary key starts with chamber_id`).toBe('chamber_id');
    }
  });

  it('gives every foreign key between tenant-owned tables the chamber_id column first', async () => {
    const { rows } = await db.pool.query<{ conname: string; from_table: string; to_table: string; columns: string[] }>(
      `SELECT c.conname, c.conrelid::regclass::text AS from_table, c.confrelid::regclass::text AS to_table,
              array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns
         FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    const shared = new Set(['chamber', 'system_objective']);
    const intraTenant = rows.filter((r) => !shared.has(r.to_table.replaceAll('"', '')));
    expect(intraTenant.length).toBeGreaterThan(20);
    for (const fk of intraTenant) expect(fk.columns[0], fk.conname).toBe('chamber_id');
  });
});
