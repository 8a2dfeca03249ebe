import { aggregate } from './aggregate.js';
import { report } from './report.js';
import { scoreTree } from './tree.js';
import type { MeanExplanation, NodeInput, NodeResult, NotComputableExplanation, Rounding, ScoringConfig } from './types.js';

/** How a role's appraisal mixes the four components, in percent (Segretario Generale 50/0/30/20). */
export type RoleWeights = { role: string; entity: number; unit: number; individual: number; behaviour: number };

export type ScorecardComponentName = 'entity' | 'unit' | 'individual' | 'behaviour';

/** One component of a scorecard: its weight, score and contribution (weight × score / weight sum). */
export type ScorecardComponent = {
  component: ScorecardComponentName;
  weight: number;
  score: number | null;
  contribution: number | null;
};

export type IndividualScorecard = {
  role: string;
  /** Reported (rounded) total; null when a component with a positive weight is missing. */
  score: number | null;
  exactScore: number | null;
  explanation:
    | { rule: 'individual-scorecard'; components: ScorecardComponent[]; weightSum: number; score: number }
    | (NotComputableExplanation & { components: ScorecardComponent[] });
};

/** The component scores of one person: entity performance, their unit's result, their individual objectives' result, behaviour assessment. */
export type ScorecardInputs = {
  entity: number | null;
  unit: number | null;
  individual: number | null;
  behaviour: number | null;
};

const COMPONENTS: readonly ScorecardComponentName[] = ['entity', 'unit', 'individual', 'behaviour'];

/**
 * A person's score: Σ weight × component score / Σ weights over the role's components. A component with
 * weight 0 is ignored; a missing component with a positive weight makes the scorecard not computable
 * (the SMVP fixes the weights by role, so nothing is re-weighted silently).
 */
export function scoreIndividual(weights: RoleWeights, inputs: ScorecardInputs, rounding: Rounding): IndividualScorecard {
  const components: ScorecardComponent[] = [];
  const missing: string[] = [];
  let weightSum = 0;
  let total = 0;
  for (const name of COMPONENTS) {
    const weight = weights[name];
    const score = inputs[name];
    components.push({ component: name, weight, score, contribution: null });
    if (weight === 0) continue;
    if (score === null) {
      missing.push(name);
      continue;
    }
    weightSum += weight;
    total += weight * score;
  }
  if (missing.length > 0 || weightSum === 0) {
    return {
      role: weights.role,
      score: null,
      exactScore: null,
      explanation: {
        rule: 'not-computable',
        reason: weightSum === 0 && missing.length === 0 ? 'zero-weights' : 'missing-input',
        detail: { missing },
        components,
      },
    };
  }
  for (const c of components) {
    if (c.weight !== 0 && c.score !== null) c.contribution = (c.weight * c.score) / weightSum;
  }
  const exact = total / weightSum;
  return {
    role: weights.role,
    score: report(exact, { rounding }),
    exactScore: exact,
    explanation: { rule: 'individual-scorecard', components, weightSum, score: exact },
  };
}

/** A person's individual objectives scored as nodes, and their weighted mean (the "individual" component). */
export type IndividualObjectivesResult = {
  objectives: readonly NodeResult[];
  result: number | null;
  exactResult: number | null;
  explanation: MeanExplanation | NotComputableExplanation;
};

/** Scores a person's individual objectives with the chamber's rules and combines them by their weights (Segretario Generale 2024: 30/30/10/30). */
export function scoreIndividualObjectives(objectives: NodeInput[], config: ScoringConfig): IndividualObjectivesResult {
  const scored = scoreTree({ config: { ...config, entityLevel: undefined }, tree: objectives }).nodes;
  const explanation = aggregate(
    scored.map((n) => ({ code: n.code, weight: n.weight, score: config.rollupFrom === 'rounded' ? n.result : n.exactResult })),
    'weighted-mean',
    config.missingPolicy,
    'children',
  );
  const exactResult = explanation.rule === 'not-computable' ? null : explanation.score;
  return { objectives: scored, result: report(exactResult, config), exactResult, explanation };
}
