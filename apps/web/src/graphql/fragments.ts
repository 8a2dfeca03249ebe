// The selections several operations share, as GraphQL fragments (composed by gql.tada, unmasked): a screen
// that reads an entity through two operations gets the same fields, and the cache updates both.
import type { AchievementExplanation, EntityResult, IndicatorExplanation, NodeExplanation } from '@albero/scoring';
import { graphql } from './graphql.js';

export const PeriodFields = graphql(`
  fragment PeriodFields on MonitoringPeriod { id periodDate dueDate state version }
`);

// Fragments are never wrapped in withJson (gql-tada check could no longer follow them): the operations that
// spread them type the JSON fields, with the shapes named here.

/** A measurement's formula inputs: each variable's value. */
export type MeasurementJson = { inputs: Record<string, number> | null };
export const MeasurementFields = graphql(`
  fragment MeasurementFields on Measurement {
    id periodId period { id periodDate state } valueNumber valueDate valueBoolean label status inputs note rejectionReason
    submittedBy submittedByName submittedAt enteredByViewer version
  }
`);

/** A target as the indicator page, the target editor and the revision of targets read it. */
export const TargetFields = graphql(`
  fragment TargetFields on Target {
    id year operator valueNumber valueDate valueBoolean threshold80Number threshold60Number threshold80Date threshold60Date
    label relativeToBaseline revision { id revisedOn reason } version
  }
`);

/** A node's own fields in a tree (without its indicators). */
export const TreeNodeOwnFields = graphql(`
  fragment TreeNodeOwnFields on PlanNode {
    id code title parentId levelKey weight position version perspective { id key } units { node { id } unit { id code name } }
  }
`);

export const TreeIndicatorFields = graphql(`
  fragment TreeIndicatorFields on Indicator { id code name weight }
`);

/** A node of a cycle's tree, with its indicators. */
export const TreeNodeFields = graphql(
  `
    fragment TreeNodeFields on PlanNode { ...TreeNodeOwnFields indicators { ...TreeIndicatorFields } }
  `,
  [TreeNodeOwnFields, TreeIndicatorFields],
);

/** Scores as the engine explains them: the JSON fields of NodeScore and IndicatorScore. */
export type NodeScoreJson = { explanation: NodeExplanation; achievementExplanation: AchievementExplanation | null };
export type IndicatorScoreJson = { explanation: IndicatorExplanation };

/** A cycle's scorecard for a period: the entity figures, every node's and indicator's score. */
export type ScorecardJson = { entity: EntityResult | null; warnings: { kind: string; code: string }[] };
export const ScorecardFields = graphql(`
  fragment ScorecardFields on Scorecard {
    periodId periodDate entity warnings
    nodes { nodeId parentId code level weight result achievement rating overridden }
    indicators { indicatorId nodeId score value overridden }
  }
`);

export const LevelFields = graphql(`
  fragment LevelFields on CycleLevel { key name kind position }
`);

/** What a weight check reports: a group of weights that does not sum to 100. */
export const WeightIssueFields = graphql(`
  fragment WeightIssueFields on WeightIssue { parentId of sum codes }
`);

/** The target of an indicator for the cycle's year, as the exports show it. */
export const CruscottoTargetFields = graphql(`
  fragment CruscottoTargetFields on Target { id year operator valueNumber valueDate valueBoolean label version revision { id revisedOn } }
`);

/** A node of the cruscotto: a tree node whose indicators carry what the exports show (algorithm, unit, the year's targets). */
export const CruscottoNodeFields = graphql(
  `
    fragment CruscottoNodeFields on PlanNode {
      ...TreeNodeOwnFields
      indicators { ...TreeIndicatorFields algorithm unit targets(year: $year) { ...CruscottoTargetFields } }
    }
  `,
  [TreeNodeOwnFields, TreeIndicatorFields, CruscottoTargetFields],
);

export const PlanLevelFields = graphql(`
  fragment PlanLevelFields on CycleLevel { key name kind aggregation position }
`);

export const BenchmarkSeriesFields = graphql(`
  fragment BenchmarkSeriesFields on BenchmarkSeries {
    kind code year title unit direction normaliser
    stats { n minimum q1 median q3 maximum }
    entries { chamber { id code name label isSelf named synthetic region sizeClass activeFirms } value valuePer1000Firms rank percentile }
  }
`);

/** An indicator's fields the plan editor changes, with the version they were read at. */
export const EditableIndicatorFields = graphql(`
  fragment EditableIndicatorFields on Indicator {
    id nodeId code name algorithm formula unit valueType direction scoringMethod dataSource frequency baselineNumber baselineYear weight version
  }
`);

/** A node's own fields as the plan editor changes them (without its level and indicators). */
export const EditableNodeOwnFields = graphql(`
  fragment EditableNodeOwnFields on PlanNode {
    id cycleId parentId code title description note weight position achievementOperator achievementValue version
  }
`);

/** A person's scorecard as this screen reads it: with the appraisal's note and each component's explanation. */
export const PersonScorecardFields = graphql(`
  fragment PersonScorecardFields on PersonScorecard {
    personId cycleId periodDate
    appraisal { id roleProfile behaviourScore note version }
    scorecard { roleProfile score computable missingPolicy explanation components { component weight score contribution missing explanation } }
    unavailableReason unavailableMessage
  }
`);

/** A revision of an approved plan: when, why, and the Giunta's resolution that decided it. */
export const PlanRevisionFields = graphql(`
  fragment PlanRevisionFields on PlanRevision { id revisedOn reason resolutionNumber resolutionDate }
`);
