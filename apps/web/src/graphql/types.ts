// The shapes the screens read, written against apps/api/schema.graphql (selected fields only).
import type { AchievementExplanation, EntityResult, IndicatorExplanation, NodeExplanation } from '@albero/scoring';

export type CycleState = 'draft' | 'approved' | 'monitoring' | 'closed' | 'published';
export type PeriodState = 'planned' | 'open' | 'closed';
export type MeasurementStatus = 'draft' | 'submitted' | 'approved' | 'rejected';
export type Operator = 'eq' | 'gt' | 'gte' | 'lt' | 'lte';
export type ValueType = 'number' | 'date' | 'boolean' | 'qualitative';

export type Period = { id: string; periodDate: string; dueDate: string | null; state: PeriodState; version: number };
export type CycleSummary = { id: string; year: number; state: CycleState; version: number; periods: Period[] };
export type ChamberRef = { id: string; code: string; name: string };
export type Viewer = {
  kind: 'anonymous' | 'member' | 'platform' | 'unioncamere';
  roles: string[];
  username: string | null;
  chamberCode: string | null;
  allowedActions: string[];
  conditionalActions: string[];
  chamber: ChamberRef | null;
  person: { id: string; displayName: string } | null;
};

export type Aggregation = 'simple_mean' | 'weighted_mean';
export type LevelKind = 'area' | 'perspective' | 'strategic' | 'program' | 'operational' | 'action' | 'individual';
/** A level of the cycle's tree; `aggregation` is read by the plan editor only. */
export type Level = { key: string; name: string; kind: string; position: number; aggregation?: Aggregation };
export type Perspective = { id: string; key: string; name: string; position: number };
export type UnitRef = { id: string; code: string; name: string };
export type TreeNode = {
  id: string;
  code: string;
  title: string;
  parentId: string | null;
  levelKey: string;
  weight: number;
  position: number;
  version: number;
  perspective: { id: string; key: string } | null;
  units: { unit: UnitRef }[];
  indicators: { id: string; code: string | null; name: string; weight: number }[];
};
export type NodeScore = {
  nodeId: string;
  parentId: string | null;
  code: string;
  level: string | null;
  weight: number;
  result: number | null;
  achievement: number | null;
  rating: string | null;
  overridden: boolean;
};
export type IndicatorScoreSummary = { indicatorId: string; nodeId: string; score: number | null; value: unknown; overridden: boolean };
export type Scorecard = {
  periodId: string | null;
  periodDate: string | null;
  entity: EntityResult | null;
  warnings: { kind: string; code: string }[];
  nodes: NodeScore[];
  indicators: IndicatorScoreSummary[];
};

export type Target = {
  id: string;
  year: number;
  operator: Operator;
  valueNumber: number | null;
  valueDate: string | null;
  valueBoolean: boolean | null;
  threshold80Number: number | null;
  threshold60Number: number | null;
  threshold80Date: string | null;
  threshold60Date: string | null;
  label: string | null;
  relativeToBaseline: boolean;
  revision: { id: string; revisedOn: string; reason: string } | null;
  version: number;
};
export type Measurement = {
  id: string;
  periodId: string;
  period: { id: string; periodDate: string; state: PeriodState };
  valueNumber: number | null;
  valueDate: string | null;
  valueBoolean: boolean | null;
  label: string | null;
  status: MeasurementStatus;
  inputs: Record<string, number> | null;
  note: string | null;
  rejectionReason: string | null;
  submittedBy: string | null;
  /** The submitter's name, when their record is linked to the identity provider. */
  submittedByName: string | null;
  submittedAt: string | null;
  /** Entered or submitted by the signed-in person: someone else reviews it. */
  enteredByViewer: boolean;
  version: number;
};
export type IndicatorDetail = {
  id: string;
  code: string | null;
  name: string;
  algorithm: string | null;
  unit: string | null;
  direction: 'higher_is_better' | 'lower_is_better';
  valueType: ValueType;
  formula: string | null;
  baselineNumber: number | null;
  baselineDate: string | null;
  baselineBoolean: boolean | null;
  baselineLabel: string | null;
  baselineYear: number | null;
  scoringMethod: string | null;
  dataSource: string | null;
  responsible: string | null;
  weight: number;
  version: number;
  node: { id: string; code: string; title: string; cycleId: string };
  targets: Target[];
  measurements: Measurement[];
  score: { score: number | null; value: unknown; overridden: boolean; explanation: IndicatorExplanation } | null;
};
export type NodeDetail = {
  id: string;
  code: string;
  title: string;
  description: string | null;
  weight: number;
  version: number;
  cycleId: string;
  achievementOperator: Operator | null;
  achievementValue: number | null;
  level: { name: string; kind: string };
  parent: { id: string; code: string; title: string } | null;
  children: { id: string; code: string; title: string; weight: number }[];
  units: { unit: UnitRef }[];
  people: { role: 'owner' | 'contributor'; person: { id: string; displayName: string } }[];
  indicators: { id: string; code: string | null; name: string; unit: string | null; algorithm: string | null }[];
  score: {
    result: number | null;
    achievement: number | null;
    rating: string | null;
    overridden: boolean;
    explanation: NodeExplanation;
    achievementExplanation: AchievementExplanation | null;
  } | null;
};
export type PendingEntry = {
  dueDate: string | null;
  next: 'enter' | 'submit' | 'correct';
  indicator: { id: string; code: string | null; name: string; unit: string | null; valueType: ValueType; formula: string | null };
  measurement: Measurement | null;
  period: Period;
};
export type MyObjective = {
  reasons: ('assigned' | 'owner' | 'unit')[];
  node: { id: string; code: string; title: string; score: { result: number | null } | null };
  pending: PendingEntry[];
};
export type ReviewItem = Measurement & {
  indicator: { id: string; code: string | null; name: string; unit: string | null; valueType: ValueType; node: { id: string; code: string; title: string } };
};
export type Override = {
  id: string;
  score: number;
  reason: string;
  by: 'oiv' | 'chamber_admin';
  setAt: string;
  revokedAt: string | null;
  version: number;
  node: { id: string; code: string; title: string } | null;
  indicator: { id: string; code: string | null; name: string } | null;
};
export type Report = { id: string; kind: 'piano' | 'relazione'; state: 'draft' | 'validated' | 'published'; validatedAt: string | null; version: number };
export type OrgUnit = { id: string; code: string; name: string; kind: string; parentId: string | null; version: number };
export type Person = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  position: string | null;
  active: boolean;
  linked: boolean;
  version: number;
  units: { head: boolean; unit: UnitRef }[];
};
export type Chamber = { id: string; code: string; name: string; region: string | null; subscriptionStatus: string; subscribedAt: string | null; version: number };
export type WeightIssue = { parentId: string; of: string; sum: number; codes: string[] };

export type PublicNode = {
  code: string;
  parentCode: string | null;
  title: string;
  level: string;
  weight: number;
  result: number | null;
  achievement: number | null;
  rating: string | null;
  overridden: boolean;
  explanation: NodeExplanation | null;
  indicators: { code: string | null; name: string; algorithm: string | null; unit: string | null; target: string | null; value: unknown; score: number | null }[];
};
export type PublicReport = {
  year: number;
  horizonStart: number;
  horizonEnd: number;
  resolutionNumber: string | null;
  resolutionDate: string | null;
  publishedAt: string | null;
  periodDate: string | null;
  entity: EntityResult | null;
  chamber: { code: string; name: string; region: string | null };
  levels: { key: string; name: string; kind: string }[];
  nodes: PublicNode[];
};

export type BenchmarkKind = 'system_objective' | 'financial_ratio';
export type BenchmarkChamber = {
  id: string | null;
  code: string | null;
  name: string | null;
  label: string;
  isSelf: boolean;
  named: boolean;
  synthetic: boolean;
  region: string | null;
  sizeClass: string | null;
  activeFirms: number | null;
};
export type BenchmarkEntry = { chamber: BenchmarkChamber; value: number | null; valuePer1000Firms: number | null; rank: number | null; percentile: number | null };
export type BenchmarkStats = { n: number; minimum: number | null; q1: number | null; median: number | null; q3: number | null; maximum: number | null };
export type BenchmarkSeries = {
  kind: BenchmarkKind;
  code: string;
  year: number;
  title: string;
  unit: string | null;
  direction: 'higher_is_better' | 'lower_is_better';
  normaliser: string | null;
  stats: BenchmarkStats;
  entries: BenchmarkEntry[];
};
export type SystemObjective = { id: string; code: string; title: string; unit: string | null; direction: string; year: number };
export type FinancialRatio = { code: string; title: string; unit: string; position: number };
export type SizeClass = { code: string; label: string; position: number };

export type ScorecardComponentName = 'entity' | 'unit' | 'individual' | 'behaviour';
export type ScorecardComponentRow = { component: ScorecardComponentName; weight: number; score: number | null; contribution: number | null; missing: boolean };
export type PersonScorecard = {
  appraisal: { id: string; roleProfile: string; behaviourScore: number | null; version: number } | null;
  scorecard: {
    roleProfile: string;
    score: number | null;
    computable: boolean;
    missingPolicy: string;
    components: ScorecardComponentRow[];
    explanation: unknown;
  } | null;
  unavailableReason: 'no_appraisal' | 'unknown_profile' | null;
  unavailableMessage: string | null;
};
export type LevelName = { key: string; name: string; kind?: LevelKind; aggregation?: Aggregation };
export type PublicCycle = {
  year: number;
  title: string;
  horizonStart: number;
  horizonEnd: number;
  resolutionNumber: string | null;
  resolutionDate: string | null;
  publishedAt: string | null;
};
