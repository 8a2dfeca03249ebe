// The catalogue file format: the system objectives Unioncamere publishes for a year, adopted by every
// chamber into its own plan (data/catalogue/system-objectives-<year>.yaml).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseLocated, type SemanticIssue } from './read.js';
import { directionSchema } from './schema.js';

export const systemObjectiveSchema = z
  .object({
    code: z.string().trim().min(1).max(32),
    title: z.string().trim().min(1),
    algorithm: z.string().optional().describe('The KPI as Unioncamere writes it.'),
    formula: z.string().optional().describe('An expression over named variables, evaluated by the scoring engine\'s safe parser.'),
    unit: z.string().optional(),
    direction: directionSchema.default('higher-is-better'),
    defaultTarget: z.number().optional().describe('The target a chamber adopts unless it sets its own.'),
    normaliser: z.literal('active_firms').optional().describe('Compare the value per 1,000 active firms (counts).'),
  })
  .strict();

export const catalogueFileSchema = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(1),
    year: z.int().min(2000).max(2100),
    source: z.string().optional(),
    objectives: z.array(systemObjectiveSchema).min(1),
  })
  .strict();

export type CatalogueFile = z.output<typeof catalogueFileSchema>;
export type SystemObjectiveEntry = z.output<typeof systemObjectiveSchema>;

function uniqueCodes(catalogue: CatalogueFile): SemanticIssue[] {
  const seen = new Set<string>();
  const issues: SemanticIssue[] = [];
  catalogue.objectives.forEach((o, i) => {
    if (seen.has(o.code)) issues.push({ path: `objectives[${i}].code`, pathKeys: ['objectives', i, 'code'], message: `duplicate code "${o.code}"` });
    seen.add(o.code);
  });
  return issues;
}

/** Parses and validates a catalogue file; throws PlanFileError with located issues. */
export function parseCatalogue(source: string, file: string): CatalogueFile {
  return parseLocated(catalogueFileSchema, source, file, uniqueCodes);
}

export async function readCatalogueFile(file: string): Promise<CatalogueFile> {
  return parseCatalogue(await readFile(file, 'utf8'), file);
}
