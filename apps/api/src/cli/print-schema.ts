// Writes the schema in SDL to apps/api/schema.graphql (committed; test/schema-file.test.ts checks it).
// Usage: pnpm --filter @albero/api print-schema [--check]
import { readFile, writeFile } from 'node:fs/promises';
import { printSchemaFile, SCHEMA_FILE } from '../schema/print.js';

const printed = printSchemaFile();
if (process.argv.includes('--check')) {
  const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  if (committed !== printed) {
    console.error(`${SCHEMA_FILE} is out of date: run pnpm --filter @albero/api print-schema`);
    process.exit(1);
  }
  console.log(`${SCHEMA_FILE} is up to date`);
} else {
  await writeFile(SCHEMA_FILE, printed);
  console.log(`wrote ${SCHEMA_FILE}`);
}
