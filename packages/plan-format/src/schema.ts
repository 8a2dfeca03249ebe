// The plan file format: one file holds one chamber's plan for one cycle (year), with its
// configuration (the chamber's SMVP rules), organisation, tree, indicators, targets and,
// where known, measured values and published figures. The same format is used for the demo
// chambers and for a chamber importing its own plan.
import { z } from 'zod';

const code = z.string().trim().min(1).max(64);
const text = z.string().trim().min(1);
const isoDate = z.iso.date();
/** A weight among siblings, in percent (33.33, 20, 8.37). */
const weight = z.number().min(0).max(100);

export const directionSchema = z
  .enum(['higher-is-better', 'lower-is-better'])
  .describe('Whether a larger value is better (most indicators) or a smaller one (days, error rates, the payment timeliness index).');

export const operatorSchema = z.enum(['>=', '>', '<=', '<', '=']);

export const valueTypeSchema = z
  .enum(['number', 'date', 'boolean', 'qualitative'])
  .describe('number: a quantity; date: a deadline (ISO date); boolean: yes/no (SI/NO); qualitative: an assessed score 0-100 entered by the evaluator.');

/** A target value: a number, an ISO date (deadline) or a boolean (SI = true). */
export const targetValueSchema = z.union([z.number(), isoDate, z.boolean()]);

export const roundingSchema = z
  .object({
    decimals: z.int().min(0).max(6).default(2),
    mode: z.enum(['half-up', 'half-even', 'down', 'up']).default('half-up'),
  })
  .strict();

export const toleranceSchema = z
  .object({
    absolute: z.number().min(0).optional().describe('A value within this distance of the target counts as meeting it.'),
    relative: z.number().min(0).max(100).optional().describe('Percent of the target: a value within it counts as meeting the target.'),
    reason: text.describe('Why the tolerance applies (e.g. the published report scored 3.47 % against 3.50 % as met).'),
  })
  .strict()
  .refine((t) => t.absolute !== undefined || t.relative !== undefined, {
    message: 'a tolerance needs "absolute" or "relative"',
  });

export const bandSchema = z
  .object({
    minPercentOfTarget: z.number().describe('Lower bound (inclusive) of the achievement ratio, in percent of the target.'),
    score: z.number().min(0).max(100),
  })
  .strict();

export const scoringMethodSchema = z
  .enum(['step', 'proportional', 'binary', 'deadline', 'bands', 'qualitative'])
  .describe(
    'step: 100 at target, 80/60 at the thresholds, else 0; proportional: value/target (or target/value) capped at 100; binary: 100 or 0; deadline: by date, with optional later threshold dates; bands: a chamber-defined table; qualitative: the entered value is the score.',
  );

export const scoringSchema = z
  .object({
    method: scoringMethodSchema.optional(),
    bands: z.array(bandSchema).min(1).optional(),
    tolerance: toleranceSchema.optional(),
  })
  .strict();

export const thresholdsSchema = z
  .object({
    threshold80: targetValueSchema.optional().describe('The value that earns 80 % of the score (soglia 80 %).'),
    threshold60: targetValueSchema.optional().describe('The value that earns 60 % of the score (soglia 60 %).'),
  })
  .strict();

export const targetSchema = z
  .object({
    year: z.int().min(2000).max(2100),
    operator: operatorSchema.default('>='),
    value: targetValueSchema,
    relativeToBaseline: z
      .boolean()
      .default(false)
      .describe('When true, value is a percent change on the baseline: ">= +15 %" is value 15 and means measured >= baseline x 1.15.'),
    label: z.string().optional().describe('The target as written in the source document ("Entro 31/12/2023", "luglio", ">= +15 %").'),
    ...thresholdsSchema.shape,
    revised: z
      .object({
        value: targetValueSchema,
        ...thresholdsSchema.shape,
        date: isoDate,
        reason: text,
      })
      .strict()
      .optional()
      .describe('A mid-year revision (rimodulazione); the original target stays on record.'),
  })
  .strict();

export const measurementSchema = z
  .object({
    period: isoDate.describe('The monitoring date the value refers to (e.g. 2024-12-31).'),
    value: targetValueSchema.nullable().describe('null when the value is missing ("---").'),
    inputs: z.record(z.string(), z.number()).optional().describe('Values of the formula variables.'),
    label: z.string().optional().describe('The value as written in the source ("-21,43 gg.").'),
    note: z.string().optional(),
    evidence: z.string().optional(),
    status: z.enum(['draft', 'submitted', 'approved', 'rejected']).default('approved'),
  })
  .strict();

export const overrideSchema = z
  .object({
    score: z.number().min(0).max(100),
    reason: text,
    by: z.enum(['oiv', 'chamber-admin']).default('oiv'),
    date: isoDate.optional(),
  })
  .strict();

export const publishedSchema = z
  .object({
    score: z.number().optional().describe('The score published for this node or indicator, in percent.'),
    achievement: z.number().optional().describe('For a node with its own target: the published achievement, in percent.'),
    rating: z.string().optional(),
    source: z.string().optional().describe('Where in the source document the figure stands.'),
  })
  .strict();

export const indicatorSchema = z
  .object({
    code: code.optional(),
    name: text,
    algorithm: z.string().optional().describe('The algorithm as the chamber writes it ("N. imprese aderenti Cassetto digitale / n. imprese attive al 31/12").'),
    formula: z
      .string()
      .optional()
      .describe('An expression over named variables ("aderenti / attive * 100"), evaluated by a safe parser, never eval.'),
    rollup: z
      .literal('children')
      .optional()
      .describe('The indicator value is the weighted mean of the scores of the node\'s children ("Media ponderata di performance delle azioni associate").'),
    unit: z.string().optional().describe('%, N., gg, EUR, ratio, date, yes/no'),
    valueType: valueTypeSchema.default('number'),
    typology: z.enum(['Outcome', 'Efficienza', 'Efficacia', 'Volume', 'Qualità', 'Stato delle risorse']).optional(),
    direction: directionSchema.default('higher-is-better'),
    weight: weight.default(100),
    dataSource: z.string().optional(),
    frequency: z.enum(['annual', 'semiannual', 'quarterly', 'monthly']).optional(),
    responsible: z.string().optional(),
    systemObjective: code.optional().describe('Code of the Unioncamere system objective this indicator adopts.'),
    baseline: z
      .object({ value: targetValueSchema.nullable(), year: z.int().optional(), label: z.string().optional() })
      .strict()
      .optional(),
    targets: z.array(targetSchema).default([]),
    scoring: scoringSchema.optional(),
    measurements: z.array(measurementSchema).default([]),
    override: overrideSchema.optional(),
    published: publishedSchema.optional(),
    note: z.string().optional(),
  })
  .strict();

export type NodeInput = {
  code: string;
  title: string;
  level?: string | undefined;
  description?: string | undefined;
  weight?: number | undefined;
  perspective?: string | undefined;
  units?: string[] | undefined;
  people?: string[] | undefined;
  previousCode?: string | undefined;
  systemObjective?: string | undefined;
  achievementTarget?: z.input<typeof targetSchema> | undefined;
  indicators?: z.input<typeof indicatorSchema>[] | undefined;
  override?: z.input<typeof overrideSchema> | undefined;
  published?: z.input<typeof publishedSchema> | undefined;
  note?: string | undefined;
  children?: NodeInput[] | undefined;
};

export type NodeOutput = {
  code: string;
  title: string;
  level?: string | undefined;
  description?: string | undefined;
  weight: number;
  perspective?: string | undefined;
  units: string[];
  people: string[];
  previousCode?: string | undefined;
  systemObjective?: string | undefined;
  achievementTarget?: z.output<typeof targetSchema> | undefined;
  indicators: z.output<typeof indicatorSchema>[];
  override?: z.output<typeof overrideSchema> | undefined;
  published?: z.output<typeof publishedSchema> | undefined;
  note?: string | undefined;
  children: NodeOutput[];
};

export const nodeSchema: z.ZodType<NodeOutput, NodeInput> = z.lazy(() =>
  z
    .object({
      code,
      title: text,
      level: z.string().optional().describe('Key of the tree level (see levels); defaults to the level at this depth.'),
      description: z.string().optional(),
      weight: weight.default(100).describe('Weight among siblings, in percent.'),
      perspective: z.string().optional().describe('Key of the BSC perspective, where the tree does not have perspectives as its top level.'),
      units: z.array(code).default([]).describe('Codes of the responsible organisational units.'),
      people: z.array(code).default([]).describe('Usernames of the people the objective is assigned to.'),
      previousCode: code.optional().describe('Code of the same objective in the previous cycle.'),
      systemObjective: code.optional(),
      achievementTarget: targetSchema
        .optional()
        .describe('The node\'s own target on its measured result (a strategic objective: >= 80 %); achievement is scored against it.'),
      indicators: z.array(indicatorSchema).default([]),
      override: overrideSchema.optional(),
      published: publishedSchema.optional(),
      note: z.string().optional(),
      children: z.array(nodeSchema).default([]),
    })
    .strict(),
);

export const levelSchema = z
  .object({
    key: code.describe('Stable key used by nodes ("prospettiva", "strategico", "operativo", "azione").'),
    name: text.describe('The chamber\'s name for the level, shown to users ("Obiettivo strategico").'),
    kind: z
      .enum(['perspective', 'area', 'strategic', 'program', 'operational', 'action', 'individual'])
      .describe('What the level is, for the roll-up rules and the scorecard views.'),
    aggregation: z
      .enum(['weighted-mean', 'simple-mean'])
      .default('weighted-mean')
      .describe('How a node of this level combines its children\'s results.'),
  })
  .strict();

export const ratingBandSchema = z
  .object({ min: z.number().min(0).max(100), label: text })
  .strict();

export const smvpSchema = z
  .object({
    defaultMethod: scoringMethodSchema.default('step'),
    stepBands: z
      .object({ threshold80: z.number().default(80), threshold60: z.number().default(60) })
      .strict()
      .default({ threshold80: 80, threshold60: 60 })
      .describe('Where an indicator has no explicit thresholds, they are these percentages of the target.'),
    missingPolicy: z
      .enum(['exclude-and-reweight', 'count-as-zero', 'not-computable'])
      .default('not-computable'),
    rounding: roundingSchema.default({ decimals: 2, mode: 'half-up' }),
    entityLevel: code.optional().describe('Key of the level whose achievements make the entity performance (e.g. "strategico").'),
    ratingBands: z.array(ratingBandSchema).default([]),
    individualWeights: z
      .array(
        z
          .object({
            role: text,
            entity: weight,
            unit: weight,
            individual: weight,
            behaviour: weight,
          })
          .strict(),
      )
      .default([])
      .describe('How a person\'s score mixes entity, unit, individual objectives and behaviours, by role.'),
    source: z.string().optional(),
  })
  .strict();

export const unitSchema = z
  .object({
    code,
    name: text,
    kind: z.enum(['area', 'servizio', 'ufficio', 'uo', 'azienda-speciale', 'staff', 'segreteria']),
    parent: code.optional(),
  })
  .strict();

export const personSchema = z
  .object({
    username: code.describe('The identity-provider username (e.g. "manager.so").'),
    name: text,
    position: z.string().optional().describe('Segretario Generale, dirigente, P.O., dipendente…'),
    units: z.array(code).default([]),
    roles: z.array(z.enum(['chamber-admin', 'manager', 'staff', 'oiv'])).default([]),
  })
  .strict();

export const perspectiveSchema = z.object({ key: code, name: text }).strict();

export const variableSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a variable key is lower snake_case'),
    name: text,
    unit: z.string().optional(),
    values: z
      .array(z.object({ period: isoDate, value: z.number(), source: z.string().optional() }).strict())
      .default([]),
  })
  .strict();

export const chamberSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2,6}$/, 'a chamber code is 2-6 capital letters (SO, MT, RL)'),
    name: text,
    seats: z.array(text).default([]).describe('Seats / provinces.'),
    region: z.string().optional(),
    activeFirms: z
      .array(z.object({ year: z.int(), value: z.int().min(0) }).strict())
      .default([])
      .describe('Active firms at 31/12 by year: the size figure used for size classes.'),
    synthetic: z.boolean().default(false).describe('True for generated demo chambers that are not real.'),
  })
  .strict();

export const cycleSchema = z
  .object({
    year: z.int().min(2000).max(2100),
    horizon: z.tuple([z.int(), z.int()]).describe('The three-year horizon, e.g. [2024, 2026].'),
    state: z.enum(['draft', 'approved', 'monitoring', 'closed', 'published']).default('draft'),
    resolution: z
      .object({ number: text, date: isoDate, body: z.string().default('Giunta') })
      .strict()
      .optional(),
    periods: z.array(isoDate).default([]).describe('Monitoring dates (30/06, 30/09, 31/12).'),
    document: z.string().optional().describe('The source document this plan was transcribed from.'),
  })
  .strict();

export const planFileSchema = z
  .object({
    $schema: z.string().optional(),
    formatVersion: z.literal(1),
    chamber: chamberSchema,
    cycle: cycleSchema,
    smvp: smvpSchema.default(smvpSchema.parse({})),
    levels: z.array(levelSchema).min(1),
    perspectives: z.array(perspectiveSchema).default([]),
    units: z.array(unitSchema).default([]),
    people: z.array(personSchema).default([]),
    variables: z.array(variableSchema).default([]),
    tree: z.array(nodeSchema).min(1),
    individualObjectives: z
      .array(
        z
          .object({
            person: code,
            objectives: z.array(nodeSchema).min(1),
            published: publishedSchema.optional(),
          })
          .strict(),
      )
      .default([])
      .describe('Objectives of named people (Segretario Generale, P.O.).'),
    published: z
      .object({
        entityMeanOfResults: z.number().optional().describe('Mean of the measured results of the entity level (Sondrio 2024: 97.91).'),
        entityPerformance: z.number().optional().describe('Mean of the achievements of the entity level: the entity performance (Sondrio 2024: 100).'),
        systemObjectivesMean: z.number().optional().describe('Mean of the scores of the objectives adopted from Unioncamere (Sondrio 2024: 97.6).'),
        source: z.string().optional(),
      })
      .strict()
      .optional()
      .describe('Entity-wide figures published in the report, for checking the computed ones.'),
    notes: z.array(z.string()).default([]).describe('Transcription notes: what the source left unclear and how it was resolved.'),
  })
  .strict();

export type PlanFile = z.output<typeof planFileSchema>;
export type PlanFileInput = z.input<typeof planFileSchema>;
export type PlanNode = NodeOutput;
export type PlanIndicator = z.output<typeof indicatorSchema>;
export type PlanTarget = z.output<typeof targetSchema>;
export type PlanMeasurement = z.output<typeof measurementSchema>;
export type Smvp = z.output<typeof smvpSchema>;
export type Level = z.output<typeof levelSchema>;
