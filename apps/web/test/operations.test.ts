// Every operation of the web client is valid against the API's printed schema (apps/api/schema.graphql):
// a renamed or removed field fails here, not in a person's browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from '../src/graphql/operations.js';

const schema = buildSchema(readFileSync(join(import.meta.dirname, '../../api/schema.graphql'), 'utf8'));
const documents = Object.entries(operations).filter((entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && 'definitions' in entry[1]);

describe('the GraphQL operations against the API schema', () => {
  it('finds the operations', () => {
    expect(documents.length).toBeGreaterThan(30);
  });

  it.each(documents)('%s is valid', (_name, document) => {
    // Re-parse the printed document so that graphql-js validates its own AST.
    const errors = validate(schema, parse(print(document)));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
