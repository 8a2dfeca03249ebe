import { compileFormula, evaluateFormula } from './formula.js';
import { scoreBands } from './methods/bands.js';
import { scoreBinary } from './methods/binary.js';
import { scoreDeadline } from './methods/deadline.js';
import { scoreProportional } from './methods/proportional.js';
import { scoreQualitative } from './methods/qualitative.js';
import { scoreStep } from './methods/step.js';
import { applyOverride } from './override.js';
import { resolveTarget } from './target.js';
import { report } from './report.js';
import type {
  IndicatorExplanation,
  IndicatorInput,
  IndicatorResult,
  MeanExplanation,
  MethodExplanation,
  NotComputableExplanation,
  ScoringConfig,
  ScoringMethod,
  Value,
  ValueSource,
} from './types.js';

/** A value to score and where it came from. */
export type ResolvedValue = { value: Value; source: ValueSource };

// One shared source object for every entered value: most indicators are entered.
const ENTERED: ValueSource = Object.freeze({ kind: 'entered' });

/**
 * The value an indicator is scored on: the roll-up of the node's children (rollup: children), the
 * formula over its inputs (when inputs are given), or the entered value. null / undefined → missing-value.
 */
export function resolveValue(
  indicator: IndicatorInput,
  rollup: MeanExplanation | NotComputableExplanation | undefined,
): ResolvedValue | NotComputableExplanation {
  if (indicator.rollup === 'children') {
    if (rollup === undefined) return { rule: 'not-computable', reason: 'no-children', detail: {} };
    if (rollup.rule === 'not-computable') return rollup;
    return { value: rollup.score, source: { kind: 'rollup', mean: rollup } };
  }
  if (indicator.formula !== undefined && indicator.inputs !== undefined) {
    const result = evaluateFormula(compileFormula(indicator.formula), indicator.inputs);
    if (!result.ok) return result.explanation;
    return { value: result.value, source: { kind: 'formula', formula: indicator.formula, inputs: result.inputs } };
  }
  const value = indicator.value;
  if (value === undefined || value === null) return { rule: 'not-computable', reason: 'missing-value', detail: { value: null } };
  if (typeof value === 'number' && !Number.isFinite(value)) return { rule: 'not-computable', reason: 'non-finite', detail: {} };
  return { value, source: ENTERED };
}

/** The scoring method of an indicator: its own, else by value type (date → deadline, boolean → binary, qualitative), else the SMVP default. */
export function methodOf(indicator: IndicatorInput, config: Pick<ScoringConfig, 'defaultMethod'>): ScoringMethod {
  if (indicator.method !== undefined) return indicator.method;
  switch (indicator.valueType) {
    case 'date':
      return 'deadline';
    case 'boolean':
      return 'binary';
    case 'qualitative':
      return 'qualitative';
    default:
      return config.defaultMethod;
  }
}

const invalid = (value: Value, message: string): NotComputableExplanation => ({
  rule: 'not-computable',
  reason: 'invalid-value',
  detail: { value, message },
});

/**
 * Scores one indicator: value → target of the year → method; an override replaces the computed score and
 * keeps it. The result carries the reported (rounded) score and the exact one.
 */
export function scoreIndicator(
  indicator: IndicatorInput,
  config: ScoringConfig,
  rollup?: MeanExplanation | NotComputableExplanation,
): IndicatorResult {
  const resolved = resolveValue(indicator, rollup);
  let explanation: IndicatorExplanation;
  let value: Value | null = null;
  if ('rule' in resolved) explanation = resolved;
  else {
    value = resolved.value;
    explanation = scoreValue(value, resolved.source, indicator, config);
  }
  let exact = explanation.rule === 'not-computable' ? null : explanation.score;
  const override = indicator.override;
  if (override !== undefined) {
    explanation = applyOverride(exact, explanation, override, indicator.code);
    exact = explanation.score;
  }
  const result: IndicatorResult = {
    code: indicator.code,
    weight: indicator.weight,
    value,
    score: report(exact, config),
    exactScore: exact,
    overridden: override !== undefined,
    explanation,
    systemObjective: indicator.systemObjective,
  };
  return result;
}

function scoreValue(value: Value, source: ValueSource, indicator: IndicatorInput, config: ScoringConfig): MethodExplanation | NotComputableExplanation {
  const method = methodOf(indicator, config);
  if (method === 'qualitative') {
    if (typeof value !== 'number') return invalid(value, 'a qualitative score is a number 0-100');
    return scoreQualitative(value, source);
  }
  if (indicator.target === undefined) return { rule: 'not-computable', reason: 'no-target', detail: { value } };
  const target = resolveTarget(indicator.target, indicator.baseline);
  if ('rule' in target) return target;
  const t = target.value;

  if (typeof t === 'string') {
    // A date target is a deadline, whatever the default method.
    if (typeof value !== 'string') return invalid(value, 'a deadline needs a date value');
    return scoreDeadline(value, source, target as typeof target & { value: string });
  }
  if (typeof t === 'boolean' || method === 'binary') {
    if (typeof value !== typeof t) return invalid(value, `the target is a ${typeof t}`);
    return scoreBinary(value, source, target, indicator.tolerance);
  }
  if (typeof value !== 'number') return invalid(value, 'the target is a number');
  const numericTarget = target as typeof target & { value: number };
  switch (method) {
    case 'step':
      return scoreStep(value, source, numericTarget, indicator.direction, config.stepBands, indicator.tolerance);
    case 'proportional':
      return scoreProportional(value, source, numericTarget, indicator.direction, indicator.tolerance);
    case 'bands':
      if (indicator.bands === undefined || indicator.bands.length === 0) return invalid(value, 'the bands method needs a band table');
      return scoreBands(value, source, numericTarget, indicator.direction, indicator.bands, indicator.tolerance);
    case 'deadline':
      return invalid(value, 'the deadline method needs a date target');
  }
}
