import type { Aggregation, MeanExplanation, MeanTerm, MissingPolicy, NotComputableExplanation } from './types.js';

/** One input of a mean: a child's or indicator's code, weight and score (null when not computable). */
export type MeanInput = { code: string; weight: number; score: number | null };

const NONE_MISSING: readonly string[] = Object.freeze([]);

/** Declared weights may differ from 100 by this much (33.33 + 33.33 + 33.34) before a warning. */
export const WEIGHT_SUM_TOLERANCE = 0.01;

/** The warning for sibling weights that do not sum to 100 ± 0.01 (the mean still divides by their sum); undefined when they do. */
export function weightSumWarning(declaredSum: number): MeanExplanation['warning'] {
  return Math.abs(declaredSum - 100) > WEIGHT_SUM_TOLERANCE ? { kind: 'weights-do-not-sum-to-100', declaredSum } : undefined;
}

/**
 * Weighted (or simple) mean of children's or indicators' scores under the chamber's missing-value policy:
 * exclude-and-reweight drops the missing terms and divides by the remaining weights; count-as-zero keeps
 * them with score 0; not-computable makes the mean not computable. Weights need not sum to 100: the mean
 * divides by the sum of the weights used (a warning records a declared sum other than 100 ± 0.01).
 * A simple mean gives every term weight 1. The mean is kept within the smallest and largest term, so
 * floating-point noise cannot push it past 100.
 */
export function aggregate(
  inputs: readonly MeanInput[],
  aggregation: Aggregation,
  missingPolicy: MissingPolicy,
  basis: MeanExplanation['basis'],
): MeanExplanation | NotComputableExplanation {
  const terms = new Array<MeanTerm>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const t = inputs[i] as MeanInput;
    terms[i] = { code: t.code, weight: t.weight, score: t.score, contribution: null };
  }
  return aggregateTerms(terms, aggregation, missingPolicy, basis);
}

/**
 * aggregate() over terms the caller hands over: their weight (1 for a simple mean), score (0 for a
 * missing term counted as zero) and contribution are filled in place and the terms become part of the
 * explanation. The tree scores through this to allocate each term once.
 */
export function aggregateTerms(
  terms: MeanTerm[],
  aggregation: Aggregation,
  missingPolicy: MissingPolicy,
  basis: MeanExplanation['basis'],
): MeanExplanation | NotComputableExplanation {
  const n = terms.length;
  if (n === 0) return { rule: 'not-computable', reason: 'no-children', detail: {} };
  const simple = aggregation === 'simple-mean';
  let declaredSum = 0;
  let weightSum = 0;
  let weighted = 0;
  let min = Infinity;
  let max = -Infinity;
  let missing: string[] | undefined;
  for (let i = 0; i < n; i++) {
    const t = terms[i] as MeanTerm;
    const w = simple ? 1 : t.weight;
    declaredSum += w;
    let s = t.score;
    if (s === null) {
      (missing ??= []).push(t.code);
      if (missingPolicy !== 'count-as-zero') continue;
      s = 0;
    }
    weightSum += w;
    weighted += w * s;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  if (missing !== undefined && (missingPolicy === 'not-computable' || missing.length === n)) {
    return { rule: 'not-computable', reason: 'missing-children', detail: { missing, missingPolicy } };
  }
  if (weightSum === 0) return { rule: 'not-computable', reason: 'zero-weights', detail: {} };
  let score = weighted / weightSum;
  if (score < min) score = min;
  else if (score > max) score = max;
  for (let i = 0; i < n; i++) {
    const t = terms[i] as MeanTerm;
    if (simple) t.weight = 1;
    if (t.score === null && missingPolicy === 'count-as-zero') t.score = 0;
    t.contribution = t.score === null ? null : (t.weight * t.score) / weightSum;
  }
  const explanation: MeanExplanation = {
    rule: simple ? 'simple-mean' : 'weighted-mean',
    basis,
    terms,
    weightSum,
    missingPolicy,
    missing: missing ?? NONE_MISSING,
    score,
  };
  if (!simple) {
    const warning = weightSumWarning(declaredSum);
    if (warning) explanation.warning = warning;
  }
  return explanation;
}
