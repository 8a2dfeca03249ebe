// Every operation of the web client is valid against the API's printed schema (apps/api/schema.graphql):
// a renamed or removed field fails here, not in a person's browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationTypeNode, buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as fragmentModule from '../src/graphql/fragments.js';

// operations.ts and every feature's *-operations.ts module.
const modules = import.meta.glob<Record<string, unknown>>(['../src/graphql/*operations.ts', '../src/features/*/*operations.ts'], { eager: true });
const moduleName = (file: string) => file.replace(/^\.\.\/src\/(graphql|features)\//, '');

const schema = buildSchema(readFileSync(join(import.meta.dirname, '../../api/schema.graphql'), 'utf8'));
const documents = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter((entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && 'definitions' in entry[1])
    .map(([name, document]): [string, DocumentNode] => [`${moduleName(file)}: ${name}`, document]),
);

describe('the GraphQL operations against the API schema', () => {
  it('finds the operations of every module', () => {
    expect(documents.length).toBeGreaterThan(30);
    expect(Object.keys(modules).map(moduleName).sort()).toEqual(expect.arrayContaining(['operations.ts', 'appraisals/appraisal-operations.ts', 'plan-editor/plan-operations.ts', 'revisions/revision-operations.ts']));
  });

  it('refreshes the screens after every mutation the client sends', () => {
    const client = readFileSync(join(import.meta.dirname, '../src/graphql/client.ts'), 'utf8');
    const sent = new Set(documents.flatMap(([, d]) => d.definitions.flatMap((def) => (def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.MUTATION ? def.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) : []))));
    const missing = [...sent].filter((name) => !client.includes(`'${name}'`));
    expect(missing).toEqual([]);
  });

  it('fails a document that asks for a field the schema lacks (gql.tada alone would type it unknown)', () => {
    expect(validate(schema, parse('query Bad { cycles { id nonexistent } }')).map((e) => e.message)).toEqual(['Cannot query field "nonexistent" on type "Cycle".']);
  });

  it('uses every shared fragment (graphql/fragments.ts) in some operation', () => {
    const fragments = Object.entries(fragmentModule).filter((entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && 'definitions' in entry[1]);
    const spread = new Set(documents.flatMap(([, d]) => print(d).match(/\.\.\.\s*(\w+)/g) ?? []).map((s) => s.replace(/^\.\.\.\s*/, '')));
    expect(fragments.map(([name]) => name).filter((name) => !spread.has(name))).toEqual([]);
  });

  it.each(documents)('%s is valid', (_name, document) => {
    // Re-parse the printed document so that graphql-js validates its own AST.
    const errors = validate(schema, parse(print(document)));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
