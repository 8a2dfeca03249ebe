// The engine's own input and output types. They are deliberately independent of the plan file
// format (@albero/plan-format) so that the API can feed the engine from the database; the adapter
// in from-plan.ts maps a plan file onto them. Every type here is plain JSON-serialisable data.

export type Direction = 'higher-is-better' | 'lower-is-better';
export type Operator = '>=' | '>' | '<=' | '<' | '=';
/** A target or measured value: a number, an ISO date "YYYY-MM-DD" (deadline) or a boolean (SI = true). */
export type Value = number | string | boolean;
export type ValueType = 'number' | 'date' | 'boolean' | 'qualitative';
export type ScoringMethod = 'step' | 'proportional' | 'binary' | 'deadline' | 'bands' | 'qualitative';
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';
export type Rounding = { decimals: number; mode: RoundingMode };
export type MissingPolicy = 'exclude-and-reweight' | 'count-as-zero' | 'not-computable';
export type Aggregation = 'weighted-mean' | 'simple-mean';

/** A value within this distance of the target counts as meeting it; the reason is mandatory. */
export type Tolerance = { absolute?: number | undefined; relative?: number | undefined; reason: string };
/** One row of a chamber-defined band table: an achievement ratio (percent of the target) from which a score applies. */
export type Band = { minPercentOfTarget: number; score: number };
/** A justified score that replaces the computed one (OIV opinion, chamber decision); reason is mandatory. */
export type Override = { score: number; reason: string; by: string; date?: string | undefined };

/** The target of the cycle year, as planned, with its optional explicit thresholds and mid-year revision. */
export type Target = {
  operator: Operator;
  value: Value;
  /** When true, value (and thresholds) are percent changes on the baseline: ">= +15 %" is value 15. */
  relativeToBaseline?: boolean | undefined;
  threshold80?: Value | undefined;
  threshold60?: Value | undefined;
  label?: string | undefined;
  revised?:
    | { value: Value; threshold80?: Value | undefined; threshold60?: Value | undefined; date: string; reason: string }
    | undefined;
};

/** An indicator as the engine sees it: its value source (entered, formula, roll-up), its target and how to score it. */
export type IndicatorInput = {
  code: string;
  weight: number;
  direction: Direction;
  valueType: ValueType;
  /** Overrides config.defaultMethod; otherwise derived from the value type (date → deadline, boolean → binary). */
  method?: ScoringMethod | undefined;
  bands?: Band[] | undefined;
  tolerance?: Tolerance | undefined;
  baseline?: Value | null | undefined;
  /** The target of the year being scored; absent → not computable ("no-target"), except qualitative. */
  target?: Target | undefined;
  /** The entered value; null = reported missing ("---"), undefined = no measurement. */
  value?: Value | null | undefined;
  /** An expression over named variables, evaluated instead of value when present. */
  formula?: string | undefined;
  /** Values of the formula's variables (measurement inputs merged over the chamber's variables). */
  inputs?: Readonly<Record<string, number>> | undefined;
  /** The value is the mean of the node's children's results. */
  rollup?: 'children' | undefined;
  override?: Override | undefined;
  systemObjective?: string | undefined;
};

/** A node of the performance tree (perspective, strategic, operational objective, action…). */
export type NodeInput = {
  code: string;
  weight: number;
  /** Key of the node's level in config.levels. */
  level?: string | undefined;
  indicators: IndicatorInput[];
  children: NodeInput[];
  /** The node's own target on its measured result (strategic objective: >= 80). */
  achievementTarget?: Target | undefined;
  override?: Override | undefined;
  systemObjective?: string | undefined;
};

export type RatingBand = { min: number; label: string };

/** The chamber's SMVP rules for one cycle. */
export type ScoringConfig = {
  defaultMethod: ScoringMethod;
  /** Thresholds as percentages of the target, used when an indicator has no explicit ones. */
  stepBands: { threshold80: number; threshold60: number };
  missingPolicy: MissingPolicy;
  rounding: Rounding;
  /** Whether a parent aggregates its children's unrounded values (default) or their reported, rounded ones. */
  rollupFrom: 'unrounded' | 'rounded';
  /** How an unmet achievement target is scored: result/target × 100 (default) or 0. */
  achievementMethod: 'proportional' | 'binary';
  levels: Readonly<Record<string, { aggregation: Aggregation; kind?: string | undefined }>>;
  entityLevel?: string | undefined;
  ratingBands: RatingBand[];
};

/** What the engine scores: one chamber's tree for one cycle and period. */
export type ScoringInput = { config: ScoringConfig; tree: NodeInput[] };

// ---------------------------------------------------------------------------------------------
// Explanations: data, not prose. The web client renders them ("perché 76?").

export type NotComputableReason =
  | 'division-by-zero'
  | 'missing-input'
  | 'non-finite'
  | 'invalid-formula'
  | 'missing-value'
  | 'invalid-value'
  | 'no-target'
  | 'no-baseline'
  | 'missing-children'
  | 'no-children'
  | 'zero-weights'
  | 'out-of-range';

/** A score could not be computed; reason is a stable code, detail carries the facts behind it. */
export type NotComputableExplanation = {
  rule: 'not-computable';
  reason: NotComputableReason;
  detail: {
    formula?: string;
    variable?: string;
    message?: string;
    value?: Value | null;
    /** Codes of the children (or indicators) that were missing, for missing-children. */
    missing?: string[];
    missingPolicy?: MissingPolicy;
  };
};

/** Where an indicator's value came from: entered, computed by a formula from its inputs, or rolled up from the children. */
export type ValueSource =
  | { kind: 'entered' }
  | { kind: 'formula'; formula: string; inputs: Record<string, number> }
  | { kind: 'rollup'; mean: MeanExplanation };

/** The target actually used: original, revised (original kept) or relative to the baseline. */
export type TargetUsed = {
  operator: Operator;
  value: Value;
  source: 'original' | 'revised' | 'relative-to-baseline';
  baseline?: number;
  /** The percent change on the baseline, for a relative target. */
  relativeChange?: number;
  /** The planned target when a revision replaced it. */
  original?: { value: Value; threshold80?: Value; threshold60?: Value };
  revision?: { date: string; reason: string };
  threshold80?: Value;
  threshold60?: Value;
  label?: string;
};

/** The thresholds used by a step or deadline rule. source 'none' + reason when a band cannot be derived. */
export type ThresholdsUsed = {
  t80: Value | null;
  t60: Value | null;
  source: 'explicit' | 'bands' | 'none';
  /** The configured percentages, for source 'bands'. */
  bands?: { threshold80: number; threshold60: number };
  /** Why no band was derived: a percentage of a zero or negative target, or of a date, is undefined. */
  reason?: 'non-positive-target' | 'non-numeric-target';
};

/** How the tolerance was applied: allowed distance, actual distance, and whether it decided "met". */
export type ToleranceUsed = {
  absolute?: number;
  relative?: number;
  allowed: number;
  distance: number;
  /** True when the value met the target only thanks to the tolerance. */
  applied: boolean;
  reason: string;
};

export type StepExplanation = {
  rule: 'step';
  value: Value;
  source: ValueSource;
  target: TargetUsed;
  thresholds: ThresholdsUsed;
  met: 'target' | 't80' | 't60' | 'none';
  tolerance?: ToleranceUsed;
  score: number;
};

export type ProportionalExplanation = {
  rule: 'proportional';
  value: Value;
  source: ValueSource;
  target: TargetUsed;
  /** value/target (higher-is-better) or target/value (lower-is-better); null when undefined (non-positive target). */
  ratio: number | null;
  met: boolean;
  capped: boolean;
  /** Set when the ratio is undefined and the score comes from the target alone. */
  fallback?: 'non-positive-target';
  tolerance?: ToleranceUsed;
  score: number;
};

export type BinaryExplanation = {
  rule: 'binary';
  value: Value;
  source: ValueSource;
  target: TargetUsed;
  met: boolean;
  tolerance?: ToleranceUsed;
  score: number;
};

export type DeadlineExplanation = {
  rule: 'deadline';
  value: Value;
  source: ValueSource;
  target: TargetUsed;
  thresholds: ThresholdsUsed;
  met: 'target' | 't80' | 't60' | 'none';
  score: number;
};

export type BandsExplanation = {
  rule: 'bands';
  value: Value;
  source: ValueSource;
  target: TargetUsed;
  /** Achievement ratio in percent of the target (100 when the target is met, also through tolerance). */
  percentOfTarget: number | null;
  bands: Band[];
  band: Band | null;
  met: boolean;
  fallback?: 'non-positive-target';
  tolerance?: ToleranceUsed;
  score: number;
};

export type QualitativeExplanation = { rule: 'qualitative'; value: number; source: ValueSource; score: number };

/** A scoring method's explanation. */
export type MethodExplanation =
  | StepExplanation
  | ProportionalExplanation
  | BinaryExplanation
  | DeadlineExplanation
  | BandsExplanation
  | QualitativeExplanation;

/** One term of a mean: a child's (or indicator's) weight, score and contribution to the mean. */
export type MeanTerm = { code: string; weight: number; score: number | null; contribution: number | null };

/** A (weighted or simple) mean of children or indicators, with the missing-value policy applied. */
export type MeanExplanation = {
  rule: 'weighted-mean' | 'simple-mean';
  basis: 'indicators' | 'children';
  terms: MeanTerm[];
  /** Sum of the weights of the terms that entered the mean (after excluding missing ones). */
  weightSum: number;
  /** Set when the declared weights do not sum to 100 (± 0.01); the mean divides by weightSum anyway. */
  warning?: { kind: 'weights-do-not-sum-to-100'; declaredSum: number };
  missingPolicy: MissingPolicy;
  /** Codes of the terms that were missing (shared frozen empty array when none). */
  missing: readonly string[];
  score: number;
};

/** A justified score replaced the computed one; both stay visible. */
export type OverrideExplanation = {
  rule: 'override';
  computed: number | null;
  computedExplanation: IndicatorExplanation | NodeExplanation;
  score: number;
  reason: string;
  by: string;
  date?: string;
};

export type IndicatorExplanation = MethodExplanation | OverrideExplanation | NotComputableExplanation;
export type NodeExplanation = MeanExplanation | OverrideExplanation | NotComputableExplanation;

/** A node's result against its own target (strategic objective: risultato misurato >= 80 → 100). */
export type AchievementExplanation =
  | {
      rule: 'achievement';
      result: number;
      target: TargetUsed;
      met: boolean;
      method: 'proportional' | 'binary';
      tolerance?: ToleranceUsed;
      achievement: number;
    }
  | NotComputableExplanation;

// ---------------------------------------------------------------------------------------------
// Results. `score`, `result`, `achievement` are the reported figures, rounded by config.rounding;
// the `exact…` fields are the unrounded values the engine computed with. Explanation figures are unrounded.

export type IndicatorResult = {
  code: string;
  weight: number;
  /** The value that was scored (entered, computed by formula, or rolled up); null if none. */
  value: Value | null;
  score: number | null;
  exactScore: number | null;
  overridden: boolean;
  explanation: IndicatorExplanation;
  systemObjective: string | undefined;
};

export type NodeResult = {
  code: string;
  level: string | undefined;
  weight: number;
  /** The measured result ("risultato misurato"), reported (rounded). */
  result: number | null;
  exactResult: number | null;
  overridden: boolean;
  explanation: NodeExplanation;
  /** Achievement against the node's own target, its explanation and rating: present only on a node with achievementTarget. */
  achievement?: number | null;
  exactAchievement?: number | null;
  achievementExplanation?: AchievementExplanation;
  rating?: string | null;
  systemObjective: string | undefined;
  indicators: readonly IndicatorResult[];
  /** The scored children (a shared frozen empty array for a leaf). */
  children: readonly NodeResult[];
};

/** The entity figures over the nodes of config.entityLevel. */
export type EntityResult = {
  level: string;
  codes: string[];
  /** Simple mean of the measured results (Sondrio 2024: 97.91). */
  meanOfResults: number | null;
  exactMeanOfResults: number | null;
  /** Simple mean of the achievements (Sondrio 2024: 100). */
  performance: number | null;
  exactPerformance: number | null;
  rating: string | null;
  resultsExplanation: MeanExplanation | NotComputableExplanation;
  performanceExplanation: MeanExplanation | NotComputableExplanation;
};

/** Mean of the scores of the nodes or indicators that adopt a Unioncamere system objective. */
export type SystemObjectivesResult = {
  count: number;
  mean: number | null;
  exactMean: number | null;
  explanation: MeanExplanation | NotComputableExplanation;
};

export type Warning =
  | { kind: 'weights-do-not-sum-to-100'; code: string; declaredSum: number }
  | { kind: 'unknown-level'; code: string; level: string };

export type ScoredTree = {
  nodes: readonly NodeResult[];
  entity: EntityResult | null;
  systemObjectives: SystemObjectivesResult | null;
  warnings: Warning[];
};
