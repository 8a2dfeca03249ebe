// The committed schema.graphql is the code's schema: a change to the API's contract is visible in review.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printSchemaFile, SCHEMA_FILE } from '../src/schema/print.js';

describe('schema.graphql', () => {
  it('is the schema the code builds (regenerate with pnpm --filter @albero/api print-schema)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(printSchemaFile());
  });
});
