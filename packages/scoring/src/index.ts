// Public API of @albero/scoring: pure functions from measured values to scores with explanations.
// The plan-file adapter (from-plan.ts) and the published-figures check (published.ts) import only the
// types of @albero/plan-format, so importing this package never loads zod or the YAML reader.
export type * from './types.js';
export { round } from './round.js';
export { compare, nearlyEqual } from './compare.js';
export { applyTolerance } from './tolerance.js';
export { meetsTarget, type TargetCheck } from './meets-target.js';
export { resolveTarget } from './target.js';
export { resolveThresholds } from './thresholds.js';
export { scoreStep } from './methods/step.js';
export { scoreProportional } from './methods/proportional.js';
export { scoreBinary } from './methods/binary.js';
export { scoreDeadline } from './methods/deadline.js';
export { scoreBands } from './methods/bands.js';
export { scoreQualitative } from './methods/qualitative.js';
export { compileFormula, evaluateFormula, type CompiledFormula, type FormulaError, type FormulaResult } from './formula.js';
export { aggregate, aggregateTerms, weightSumWarning, WEIGHT_SUM_TOLERANCE, type MeanInput } from './aggregate.js';
export { scoreAchievement } from './achievement.js';
export { rate } from './rating.js';
export { applyOverride, ScoringInputError } from './override.js';
export { scoreIndicator, resolveValue, methodOf, type ResolvedValue } from './indicator.js';
export { scoreTree, scoreEntity, scoreSystemObjectives } from './tree.js';
export { report } from './report.js';
export {
  scoreIndividual,
  scoreIndividualObjectives,
  type RoleWeights,
  type ScorecardComponent,
  type ScorecardComponentName,
  type ScorecardInputs,
  type IndividualScorecard,
  type IndividualObjectivesResult,
} from './individual.js';
export { configFromPlan, inputFromPlan, defaultPeriod, type FromPlanOptions, type PlanScoringInput, type PersonObjectivesInput } from './from-plan.js';
export { comparePublished, type PublishedCheck } from './published.js';
