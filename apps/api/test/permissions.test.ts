// The permission declaration of every field, in one committed snapshot (test/__snapshots__/permissions.txt):
// a change of who may do what shows up in review as a change of this file. Also the rules' matrix.
import { isObjectType, type GraphQLField, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ACTIONS, RULES } from '../src/policies.js';
import { buildSchema } from '../src/schema/index.js';

type WithOptions = { extensions?: { pothosOptions?: { authScopes?: unknown } } | null };
const scopes = (x: WithOptions) => x.extensions?.pothosOptions?.authScopes;
const show = (s: unknown) => (s === undefined ? '' : typeof s === 'function' ? '<function>' : JSON.stringify(s));

// Value types reachable only through a field that declares its own permission (or public ones, for the
// published report); relay's generated connection types inherit their field's.
const VALUE_TYPES = /^(Query|Mutation|PageInfo|Viewer|Scorecard|NodeScore|IndicatorScore|WeightIssue|MyObjective|PendingEntry|PersonScorecard|IndividualScorecard|ScorecardComponent|Appraisal|Public\w+|\w+Connection|\w+ConnectionEdge)$/;

function objectTypes(): GraphQLNamedType[] {
  return Object.values(buildSchema().getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe('permission declarations', () => {
  it('declares a permission on every root field', () => {
    const schema = buildSchema();
    const undeclared = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) =>
      Object.values(type.getFields())
        .filter((f) => scopes(f as WithOptions) === undefined)
        .map((f) => `${type.name}.${f.name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('declares a permission on every object type that holds chamber data', () => {
    const undeclared = objectTypes().filter((t) => !VALUE_TYPES.test(t.name) && scopes(t as WithOptions) === undefined).map((t) => t.name);
    expect(undeclared).toEqual([]);
  });

  it('names only actions that the rules define', () => {
    const used = new Set<string>();
    for (const type of objectTypes()) {
      const s = scopes(type as WithOptions) as { can?: string } | undefined;
      if (s?.can) used.add(s.can);
      if (isObjectType(type)) for (const f of Object.values(type.getFields())) {
        const fs = scopes(f as WithOptions) as { can?: string } | undefined;
        if (fs?.can) used.add(fs.can);
      }
    }
    expect([...used].filter((a) => !(ACTIONS as string[]).includes(a))).toEqual([]);
    // Every rule is used by some field: a rule nobody can reach is a rule nobody reviews.
    expect(ACTIONS.filter((a) => !used.has(a))).toEqual([]);
  });

  it('matches the committed snapshot of every field\'s declaration and of the rules', async () => {
    const lines: string[] = ['# Rules (src/policies.ts): action → who holds it (condition)', ''];
    for (const action of ACTIONS) {
      const rule = RULES[action] as { public?: true; authenticated?: true; platform?: true; unioncamere?: true; chamber?: Record<string, string> };
      const holders = [
        ...(rule.public ? ['everyone'] : []),
        ...(rule.authenticated ? ['any signed-in caller'] : []),
        ...(rule.platform ? ['platform-admin'] : []),
        ...(rule.unioncamere ? ['unioncamere-analyst'] : []),
        ...Object.entries(rule.chamber ?? {}).map(([role, condition]) => `${role}${condition === 'any' ? '' : ` (${condition})`}`),
      ];
      lines.push(`${action.padEnd(22)} ${holders.join(', ')}`);
    }
    lines.push('', '# Fields: type-level declaration, then each field (own declaration, or inherited from its type)', '');
    for (const type of objectTypes()) {
      if (!isObjectType(type)) continue;
      lines.push(`${type.name}${scopes(type as WithOptions) ? ` ${show(scopes(type as WithOptions))}` : ''}`);
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        const own = scopes(field as WithOptions);
        lines.push(`  ${field.name}${own ? ` ${show(own)}` : ''}`);
      }
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/permissions.txt');
  });
});
