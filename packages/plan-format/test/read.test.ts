import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueJsonSchema, parseCatalogue, parsePlan, PlanFileError, planJsonSchema } from '../src/index.js';

const minimal = (tree: string, extra = '') => `formatVersion: 1
chamber: { code: SO, name: Sondrio }
cycle: { year: 2024, horizon: [2024, 2026] }
levels:
  - { key: strategico, name: Obiettivo strategico, kind: strategic }
  - { key: operativo, name: Obiettivo operativo, kind: operational }
${extra}
tree:
${tree}`;

function issuesOf(source: string, file = 'plan.yaml') {
  try {
    parsePlan(source, file);
  } catch (error) {
    if (error instanceof PlanFileError) return error.issues;
    throw error;
  }
  throw new Error('expected the plan to be refused');
}

describe('plan file reader', () => {
  it('reads a valid plan and applies the defaults of the format', () => {
    const plan = parsePlan(minimal('  - { code: "1", title: Competitività, children: [{ code: "1.1", title: Capitale umano, weight: 20 }] }'), 'ok.yaml');
    expect(plan.tree[0]!.weight).toBe(100);
    expect(plan.tree[0]!.children[0]).toMatchObject({ code: '1.1', weight: 20, indicators: [], units: [] });
    expect(plan.smvp).toMatchObject({ defaultMethod: 'step', missingPolicy: 'not-computable', rounding: { decimals: 2, mode: 'half-up' } });
  });

  it('locates a wrong type at its file, line, column and path', () => {
    const source = minimal('  - code: "1"\n    title: Competitività\n    weight: tanto\n');
    const [issue, ...rest] = issuesOf(source, 'so.yaml');
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ file: 'so.yaml', path: 'tree[0].weight', line: 11, column: 13 });
    expect(issue!.message).toMatch(/expected number/);
  });

  it('names unknown fields instead of ignoring them', () => {
    const [issue] = issuesOf(minimal('  - { code: "1", title: Competitività, peso: 20 }'));
    expect(issue).toMatchObject({ path: 'tree[0]', message: 'unknown field(s) "peso"', line: 9 });
  });

  it('reports every broken reference at once: duplicate codes, unknown units, people, levels and formula variables', () => {
    const issues = issuesOf(
      minimal(
        `  - code: "1"
    title: A
    units: [RI]
    children:
      - { code: "1", title: B, people: [ghost] }
      - code: "1.2"
        title: C
        level: azione
        indicators: [{ name: quota, formula: "aderenti / attive * 100" }]`,
      ),
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['tree[0].units[0]', 'unknown unit "RI"'],
      ['tree[0].children[0].code', 'duplicate node code "1" (already at tree[0])'],
      ['tree[0].children[0].people[0]', 'unknown person "ghost"'],
      ['tree[0].children[1].level', 'unknown level "azione"'],
      ['tree[0].children[1].indicators[0].formula', 'the formula uses "aderenti", which is neither a chamber variable nor an input of a measurement'],
      ['tree[0].children[1].indicators[0].formula', 'the formula uses "attive", which is neither a chamber variable nor an input of a measurement'],
    ]);
    expect(issues.every((i) => typeof i.line === 'number')).toBe(true);
  });

  it('refuses two measurements of one indicator for the same period, and a target relative to a missing baseline', () => {
    const issues = issuesOf(
      minimal(`  - code: "1"
    title: A
    indicators:
      - name: imprese
        targets: [{ year: 2024, value: 15, relativeToBaseline: true }]
        measurements: [{ period: 2024-12-31, value: 3 }, { period: 2024-12-31, value: 4 }]`),
    );
    expect(issues.map((i) => i.message)).toEqual([
      'two measurements for the period 2024-12-31',
      'a target relative to the baseline needs a numeric baseline',
    ]);
  });

  it('reports invalid YAML with its position', () => {
    const [issue] = issuesOf('formatVersion: 1\nchamber: { code: SO\n');
    expect(issue!.message).toMatch(/^not valid YAML/);
    expect(issue!.line).toBeGreaterThan(0);
  });

  it('publishes a JSON Schema that matches the committed data/schema/plan.schema.json', async () => {
    const committed = JSON.parse(await readFile(resolve(import.meta.dirname, '../../../data/schema/plan.schema.json'), 'utf8'));
    // Regenerate with: pnpm --filter @albero/plan-format build:json-schema
    expect(committed).toEqual(planJsonSchema());
  });

  it('publishes a catalogue JSON Schema that matches the committed data/schema/catalogue.schema.json', async () => {
    const committed = JSON.parse(await readFile(resolve(import.meta.dirname, '../../../data/schema/catalogue.schema.json'), 'utf8'));
    expect(committed).toEqual(catalogueJsonSchema());
  });

  it('reads the 2024 catalogue of system objectives and refuses a duplicate code with its location', async () => {
    const source = await readFile(resolve(import.meta.dirname, '../../../data/catalogue/system-objectives-2024.yaml'), 'utf8');
    const catalogue = parseCatalogue(source, 'system-objectives-2024.yaml');
    expect(catalogue.objectives).toHaveLength(25);
    expect(catalogue.objectives.find((o) => o.code === '3.1.1')).toMatchObject({ direction: 'lower-is-better', defaultTarget: -12 });
    const duplicated = source.replace('code: "1.2.1B"', 'code: "1.2.1A"');
    const lines = duplicated.split('\n');
    const first = lines.findIndex((l) => l.includes('code: "1.2.1A"'));
    const second = lines.findIndex((l, i) => i > first && l.includes('code: "1.2.1A"'));
    try {
      parseCatalogue(duplicated, 'dup.yaml');
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as PlanFileError).issues).toEqual([
        { file: 'dup.yaml', path: 'objectives[2].code', line: second + 1, column: 11, message: 'duplicate code "1.2.1A"' },
      ]);
    }
  });
});
