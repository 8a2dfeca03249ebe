// Writes the published JSON Schema of the plan format to data/schema/plan.schema.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueJsonSchema, planJsonSchema } from '../json-schema.js';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../data/schema');
await mkdir(dir, { recursive: true });
for (const [name, schema] of [['plan.schema.json', planJsonSchema()], ['catalogue.schema.json', catalogueJsonSchema()]] as const) {
  await writeFile(resolve(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${resolve(dir, name)}`);
}
