import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { planFileSchema, type PlanFile, type PlanNode } from './schema.js';

/** One problem found in a plan file: where it is (file, path inside it, line) and what is wrong. */
export type PlanIssue = {
  file: string;
  path: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
};

/** Thrown when a plan file cannot be used; carries every issue found, each located. */
export class PlanFileError extends Error {
  readonly issues: PlanIssue[];
  constructor(issues: PlanIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'PlanFileError';
    this.issues = issues;
  }
}

/** "so-2024.yaml:123:7 tree[0].children[1].weight: expected a number" */
export function formatIssue(issue: PlanIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  return `${where} ${issue.path || '(root)'}: ${issue.message}`;
}

type PathKey = string | number;

function pathToString(path: readonly PathKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

function locate(doc: Document | undefined, lines: LineCounter, path: readonly PathKey[]) {
  if (!doc) return {};
  // Walk up until a node with a source range exists (a missing key points at its parent).
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

/** Parses a YAML or JSON text and validates it with a schema; every issue is located (file, path, line). */
export function parseLocated<T>(
  schema: z.ZodType<T>,
  source: string,
  file: string,
  crossCheck: (value: T) => SemanticIssue[] = () => [],
): T {
  const lines = new LineCounter();
  const isJson = file.endsWith('.json');
  let raw: unknown;
  let doc: Document | undefined;
  if (isJson) {
    try {
      raw = JSON.parse(source);
    } catch (error) {
      throw new PlanFileError([{ file, path: '', message: `not valid JSON: ${(error as Error).message}` }]);
    }
  } else {
    doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0) {
      throw new PlanFileError(
        doc.errors.map((e) => {
          const pos = lines.linePos(e.pos[0]);
          return { file, path: '', line: pos.line, column: pos.col, message: `not valid YAML: ${e.message.split('\n')[0] ?? e.code}` };
        }),
      );
    }
    raw = doc.toJS({ maxAliasCount: 100 });
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new PlanFileError(parsed.error.issues.map((issue) => zodIssueToPlanIssue(issue, file, doc, lines)));
  }
  const semantic = crossCheck(parsed.data);
  if (semantic.length > 0) {
    throw new PlanFileError(semantic.map(({ pathKeys, ...rest }) => ({ file, ...rest, ...locate(doc, lines, pathKeys) })));
  }
  return parsed.data;
}

/** Parses and validates a plan file's text; throws PlanFileError with located issues, never returns a partial plan. */
export function parsePlan(source: string, file: string): PlanFile {
  return parseLocated(planFileSchema, source, file, checkReferences);
}

function zodIssueToPlanIssue(issue: z.core.$ZodIssue, file: string, doc: Document | undefined, lines: LineCounter): PlanIssue {
  const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return { file, path: pathToString(path), message, ...locate(doc, lines, path) };
}

/** Reads a plan file (.yaml, .yml or .json) from disk. */
export async function readPlanFile(file: string): Promise<PlanFile> {
  const source = await readFile(file, 'utf8');
  return parsePlan(source, file);
}

export type SemanticIssue = { path: string; pathKeys: PathKey[]; message: string };

/** Cross-references the schema cannot express: unique codes, known levels, units, people, perspectives, variables. */
function checkReferences(plan: PlanFile): SemanticIssue[] {
  const issues: SemanticIssue[] = [];
  const levelKeys = new Set(plan.levels.map((l) => l.key));
  const unitCodes = new Set(plan.units.map((u) => u.code));
  const usernames = new Set(plan.people.map((p) => p.username));
  const perspectives = new Set(plan.perspectives.map((p) => p.key));
  const variables = new Set(plan.variables.map((v) => v.key));
  const seenCodes = new Map<string, string>();
  const add = (pathKeys: PathKey[], message: string) => issues.push({ path: pathToString(pathKeys), pathKeys, message });

  const duplicates = <T>(items: T[], key: (t: T) => string, base: PathKey[], what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) add([...base, i], `duplicate ${what} "${k}"`);
      seen.add(k);
    });
  };
  duplicates(plan.levels, (l) => l.key, ['levels'], 'level key');
  duplicates(plan.units, (u) => u.code, ['units'], 'unit code');
  duplicates(plan.people, (p) => p.username, ['people'], 'username');
  duplicates(plan.perspectives, (p) => p.key, ['perspectives'], 'perspective key');
  duplicates(plan.variables, (v) => v.key, ['variables'], 'variable key');

  plan.units.forEach((u, i) => {
    if (u.parent !== undefined && !unitCodes.has(u.parent)) add(['units', i, 'parent'], `unknown unit "${u.parent}"`);
  });
  plan.people.forEach((p, i) =>
    p.units.forEach((u, j) => {
      if (!unitCodes.has(u)) add(['people', i, 'units', j], `unknown unit "${u}"`);
    }),
  );
  if (plan.smvp.entityLevel !== undefined && !levelKeys.has(plan.smvp.entityLevel)) {
    add(['smvp', 'entityLevel'], `unknown level "${plan.smvp.entityLevel}"`);
  }

  const visit = (node: PlanNode, path: PathKey[], depth: number) => {
    const previous = seenCodes.get(node.code);
    if (previous !== undefined) add([...path, 'code'], `duplicate node code "${node.code}" (already at ${previous})`);
    else seenCodes.set(node.code, pathToString(path));
    if (node.level !== undefined && !levelKeys.has(node.level)) add([...path, 'level'], `unknown level "${node.level}"`);
    if (node.level === undefined && depth >= plan.levels.length) {
      add([...path, 'level'], `the node is at depth ${depth + 1} but only ${plan.levels.length} levels are defined; give it a "level"`);
    }
    if (node.perspective !== undefined && !perspectives.has(node.perspective)) {
      add([...path, 'perspective'], `unknown perspective "${node.perspective}"`);
    }
    node.units.forEach((u, i) => {
      if (!unitCodes.has(u)) add([...path, 'units', i], `unknown unit "${u}"`);
    });
    node.people.forEach((p, i) => {
      if (!usernames.has(p)) add([...path, 'people', i], `unknown person "${p}"`);
    });
    if (node.achievementTarget !== undefined && typeof node.achievementTarget.value !== 'number') {
      add([...path, 'achievementTarget', 'value'], 'an achievement target is a percentage of the measured result: it must be a number');
    }
    node.indicators.forEach((ind, i) => {
      const ip = [...path, 'indicators', i];
      const periods = new Set<string>();
      ind.measurements.forEach((m, j) => {
        if (periods.has(m.period)) add([...ip, 'measurements', j, 'period'], `two measurements for the period ${m.period}`);
        periods.add(m.period);
      });
      if (ind.formula !== undefined && ind.rollup !== undefined) add(ip, 'an indicator has either a formula or a roll-up, not both');
      if (ind.rollup === 'children' && node.children.length === 0) add([...ip, 'rollup'], 'a roll-up indicator needs child nodes');
      for (const name of formulaIdentifiers(ind.formula)) {
        if (!variables.has(name) && !ind.measurements.some((m) => m.inputs && name in m.inputs)) {
          add([...ip, 'formula'], `the formula uses "${name}", which is neither a chamber variable nor an input of a measurement`);
        }
      }
      const years = new Set<number>();
      ind.targets.forEach((t, j) => {
        if (years.has(t.year)) add([...ip, 'targets', j, 'year'], `two targets for ${t.year}`);
        years.add(t.year);
        if (t.relativeToBaseline && (ind.baseline === undefined || typeof ind.baseline.value !== 'number')) {
          add([...ip, 'targets', j, 'relativeToBaseline'], 'a target relative to the baseline needs a numeric baseline');
        }
      });
    });
    node.children.forEach((c, i) => visit(c, [...path, 'children', i], depth + 1));
  };
  plan.tree.forEach((n, i) => visit(n, ['tree', i], 0));
  plan.individualObjectives.forEach((io, i) => {
    if (!usernames.has(io.person)) add(['individualObjectives', i, 'person'], `unknown person "${io.person}"`);
    io.objectives.forEach((n, j) => visit(n, ['individualObjectives', i, 'objectives', j], plan.levels.length - 1));
  });
  return issues;
}

/** Identifiers used in a formula (letters, digits and underscores, not starting with a digit). */
export function formulaIdentifiers(formula: string | undefined): string[] {
  if (formula === undefined) return [];
  const names = formula.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  const functions = new Set(['min', 'max', 'abs', 'round', 'floor', 'ceil', 'sqrt']);
  return [...new Set(names.filter((n) => !functions.has(n)))];
}
