import { z } from 'zod';
import { catalogueFileSchema } from './catalogue.js';
import { planFileSchema } from './schema.js';

/** The published JSON Schema of the plan file format (draft 2020-12), generated from the zod schema. */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planFileSchema, { io: 'input', target: 'draft-2020-12', cycles: 'ref', reused: 'inline' });
  return {
    ...schema,
    $id: 'https://albero.example/schemas/plan-v1.json',
    title: 'Albero plan file (formatVersion 1)',
    description: "One chamber's Albero della Performance for one cycle: configuration, organisation, tree, indicators, targets and measured values.",
  };
}

/** The published JSON Schema of the system-objectives catalogue format. */
export function catalogueJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(catalogueFileSchema, { io: 'input', target: 'draft-2020-12', reused: 'inline' });
  return {
    ...schema,
    $id: 'https://albero.example/schemas/catalogue-v1.json',
    title: 'Albero system-objectives catalogue (formatVersion 1)',
    description: 'The system objectives Unioncamere publishes for a year, adopted by every chamber into its plan.',
  };
}
