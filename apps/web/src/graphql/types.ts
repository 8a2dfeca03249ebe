// The named shapes the screens read: each derived from the schema (enums) or from the documents that read it
// (fragments, operations), never written by hand. The documents are the single source of what is selected.
import type { ResultOf, VariablesOf } from 'gql.tada';
import type { EnumOf, WithJson } from './graphql.js';
import type { MeasurementJson, ScorecardJson } from './fragments.js';
import type { LevelFields, PlanLevelFields, MeasurementFields, PeriodFields, ScorecardFields, TargetFields, TreeNodeFields, WeightIssueFields } from './fragments.js';
import type {
  BenchmarkCataloguesQuery,
  BenchmarkQuery,
  ChambersQuery,
  CyclesQuery,
  CruscottoQuery,
  IndicatorQuery,
  MyObjectivesQuery,
  MyScorecardQuery,
  NodeQuery,
  OivQuery,
  PeopleQuery,
  PublicReportQuery,
  PublishedCyclesQuery,
  ReviewQueueQuery,
  UnitsQuery,
  UpdateLevelsMutation,
  ViewerQuery,
} from './operations.js';

export type CycleState = EnumOf<'CycleState'>;
export type PeriodState = EnumOf<'PeriodState'>;
export type MeasurementStatus = EnumOf<'MeasurementStatus'>;
export type Operator = EnumOf<'Operator'>;
export type ValueType = EnumOf<'ValueType'>;
export type Aggregation = EnumOf<'Aggregation'>;
export type LevelKind = EnumOf<'LevelKind'>;
export type BenchmarkKind = EnumOf<'BenchmarkKind'>;
export type ScorecardComponentName = EnumOf<'ScorecardComponentName'>;
export type UnitKind = EnumOf<'UnitKind'>;

export type Period = ResultOf<typeof PeriodFields>;
export type CycleSummary = ResultOf<typeof CyclesQuery>['cycles'][number];
export type Viewer = ResultOf<typeof ViewerQuery>['viewer'];
export type ChamberRef = NonNullable<Viewer['chamber']>;

/** A level of the cycle's tree; `aggregation` is read by the plan editor only. */
export type Level = ResultOf<typeof LevelFields> & Partial<Pick<ResultOf<typeof PlanLevelFields>, 'aggregation'>>;
export type Perspective = NonNullable<ResultOf<typeof CruscottoQuery>['cycle']>['perspectives'][number];
export type TreeNode = ResultOf<typeof TreeNodeFields>;
export type UnitRef = TreeNode['units'][number]['unit'];
export type Scorecard = WithJson<ResultOf<typeof ScorecardFields>, ScorecardJson>;
export type NodeScore = Scorecard['nodes'][number];
export type IndicatorScoreSummary = Scorecard['indicators'][number];

export type Target = ResultOf<typeof TargetFields>;
export type Measurement = WithJson<ResultOf<typeof MeasurementFields>, MeasurementJson>;
export type IndicatorDetail = NonNullable<ResultOf<typeof IndicatorQuery>['indicator']>;
export type NodeDetail = NonNullable<ResultOf<typeof NodeQuery>['node']>;
export type MyObjective = ResultOf<typeof MyObjectivesQuery>['myObjectives'][number];
export type PendingEntry = MyObjective['pending'][number];
export type ReviewItem = ResultOf<typeof ReviewQueueQuery>['measurements']['edges'][number]['node'];
export type OivCycle = NonNullable<ResultOf<typeof OivQuery>['cycle']>;
export type Override = OivCycle['overrides'][number];
export type Report = OivCycle['reports'][number];
export type OrgUnit = ResultOf<typeof UnitsQuery>['units']['edges'][number]['node'];
export type Person = ResultOf<typeof PeopleQuery>['people']['edges'][number]['node'];
export type Chamber = ResultOf<typeof ChambersQuery>['chambers']['edges'][number]['node'];
export type WeightIssue = ResultOf<typeof WeightIssueFields>;

export type PublicReport = NonNullable<ResultOf<typeof PublicReportQuery>['publicReport']>;
export type PublicNode = PublicReport['nodes'][number];
export type PublicCycle = ResultOf<typeof PublishedCyclesQuery>['publishedCycles'][number];

export type BenchmarkSeries = ResultOf<typeof BenchmarkQuery>['benchmark'][number];
export type BenchmarkStats = BenchmarkSeries['stats'];
export type BenchmarkEntry = BenchmarkSeries['entries'][number];
export type BenchmarkChamber = BenchmarkEntry['chamber'];
type BenchmarkCatalogues = ResultOf<typeof BenchmarkCataloguesQuery>;
export type SystemObjective = BenchmarkCatalogues['systemObjectives'][number];
export type FinancialRatio = BenchmarkCatalogues['financialRatios'][number];
export type SizeClass = BenchmarkCatalogues['sizeClasses'][number];

/** A person's scorecard as the scorecard view reads it (without the ids it was asked for). */
export type PersonScorecard = Omit<NonNullable<ResultOf<typeof MyScorecardQuery>['myScorecard']>, 'cycleId' | 'personId' | 'periodId'>;
export type ScorecardComponentRow = NonNullable<PersonScorecard['scorecard']>['components'][number];
/** A level's name (and, in a draft, kind and aggregation) as updateLevels takes it. */
export type LevelName = VariablesOf<typeof UpdateLevelsMutation>['levels'][number];
