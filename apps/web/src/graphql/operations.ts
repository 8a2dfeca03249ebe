// Every GraphQL operation of the web client, against apps/api/schema.graphql: documents written with gql.tada's
// `graphql(...)`, their result and variables types inferred from the schema (graphql.ts).
import type { EntityResult } from '@albero/scoring';
import {
  BenchmarkSeriesFields,
  CruscottoNodeFields,
  LevelFields,
  MeasurementFields,
  PeriodFields,
  PlanLevelFields,
  ScorecardFields,
  TargetFields,
  TreeNodeFields,
  WeightIssueFields,
  type CruscottoTargetFields,
  type IndicatorScoreJson,
  type MeasurementJson,
  type NodeScoreJson,
  type ScorecardJson,
} from './fragments.js';
import { graphql, withJson, type ResultOf, type VariablesOf } from './graphql.js';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer { kind roles username chamberCode allowedActions conditionalActions chamber { id code name } person { id displayName } }
  }
`);

export const CyclesQuery = graphql(
  `
    query Cycles { cycles { id year state version periods { ...PeriodFields } } }
  `,
  [PeriodFields],
);

export const CruscottoQuery = withJson<ScorecardJson>()(
  graphql(`
      query Cruscotto($year: Int!, $periodId: ID) {
        cycle(year: $year) {
          id year state horizonStart horizonEnd resolutionNumber resolutionDate
          levels { ...LevelFields }
          perspectives { id key name position }
          periods { ...PeriodFields }
          nodes { ...CruscottoNodeFields }
          scorecard(periodId: $periodId) { ...ScorecardFields }
        }
      }
    `,
    [LevelFields, PeriodFields, CruscottoNodeFields, ScorecardFields],
  ),
);
export type CruscottoData = ResultOf<typeof CruscottoQuery>;
export type CruscottoTarget = ResultOf<typeof CruscottoTargetFields>;
export type CruscottoNode = ResultOf<typeof CruscottoNodeFields>;

export const TrendQuery = withJson<{ entity: EntityResult | null }>()(
  graphql(`
    query Trend { cycles { id year scorecard { periodDate entity } } }
  `),
);
export type TrendData = ResultOf<typeof TrendQuery>;

export const EntryStateQuery = graphql(`
  query EntryState($cycleId: ID!, $periodId: ID) {
    measurements(cycleId: $cycleId, periodId: $periodId, first: 1000) { edges { node { id status indicatorId periodId } } }
  }
`);
export type EntryStateData = ResultOf<typeof EntryStateQuery>;

export const NodeQuery = withJson<NodeScoreJson>()(
  graphql(`
    query Node($id: ID!, $periodId: ID) {
      node(id: $id) {
        id code title description weight version cycleId achievementOperator achievementValue
        level { key name kind }
        parent { id code title }
        children { id code title weight }
        units { node { id } unit { id code name } }
        people { role node { id } person { id displayName } }
        indicators { id code name unit algorithm }
        score(periodId: $periodId) { result achievement rating overridden explanation achievementExplanation }
      }
    }
  `),
);

export const IndicatorQuery = withJson<IndicatorScoreJson & MeasurementJson>()(
  graphql(
    `
      query Indicator($id: ID!, $periodId: ID) {
        indicator(id: $id) {
          id code name algorithm unit direction valueType formula baselineNumber baselineDate baselineBoolean baselineLabel baselineYear
          scoringMethod dataSource responsible weight version
          node { id code title cycleId }
          targets { ...TargetFields }
          measurements { ...MeasurementFields }
          score(periodId: $periodId) { score value overridden explanation }
        }
      }
    `,
    [TargetFields, MeasurementFields],
  ),
);

export const MyObjectivesQuery = withJson<MeasurementJson>()(
  graphql(`
      query MyObjectives($cycleId: ID) {
        myObjectives(cycleId: $cycleId) {
          reasons
          node { id code title score { result } }
          pending {
            dueDate next
            indicator { id code name unit valueType formula }
            measurement { ...MeasurementFields }
            period { ...PeriodFields }
          }
        }
      }
    `,
    [MeasurementFields, PeriodFields],
  ),
);

export const MyScorecardQuery = graphql(`
  query MyScorecard($cycleId: ID!, $periodId: ID) {
    myScorecard(cycleId: $cycleId, periodId: $periodId) {
      cycleId personId periodId
      appraisal { id roleProfile behaviourScore version }
      scorecard { roleProfile score computable missingPolicy components { component weight score contribution missing } explanation }
      unavailableReason unavailableMessage
    }
  }
`);

export const ReviewQueueQuery = withJson<MeasurementJson>()(
  graphql(`
      query ReviewQueue($cycleId: ID!) {
        measurements(cycleId: $cycleId, status: submitted, first: 500) {
          edges { node { ...MeasurementFields indicator { id code name unit valueType node { id code title } } } }
        }
      }
    `,
    [MeasurementFields],
  ),
);

export const OivQuery = withJson<ScorecardJson>()(
  graphql(`
      query Oiv($year: Int!) {
        cycle(year: $year) {
          id year state version
          nodes { ...TreeNodeFields }
          overrides { id score reason by setAt revokedAt version node { id code title } indicator { id code name } }
          reports { id kind state validatedAt version }
          scorecard { ...ScorecardFields }
        }
      }
    `,
    [TreeNodeFields, ScorecardFields],
  ),
);
export type OivData = ResultOf<typeof OivQuery>;

export const PlanQuery = graphql(
  `
    query Plan($year: Int!) {
      cycle(year: $year) {
        id year state version horizonStart horizonEnd
        levels { ...PlanLevelFields }
        nodes { ...TreeNodeFields }
        weightIssues { ...WeightIssueFields }
      }
    }
  `,
  [PlanLevelFields, TreeNodeFields, WeightIssueFields],
);
export type PlanData = ResultOf<typeof PlanQuery>;

export const UnitsQuery = graphql(`
  query Units { units(first: 500) { edges { node { id code name kind parentId version } } } }
`);

export const PeopleQuery = graphql(`
  query People {
    people(first: 500, activeOnly: false) {
      edges { node { id username displayName email position active linked version units { head person { id } unit { id code name } } } }
    }
  }
`);

export const ChambersQuery = graphql(`
  query Chambers { chambers(first: 500) { edges { node { id code name region subscriptionStatus subscribedAt version } } } }
`);

export const PublicReportQuery = withJson<{ entity: EntityResult | null; explanation: NodeScoreJson['explanation'] | null }>()(
  graphql(`
    query PublicReport($chamberCode: String!, $year: Int!) {
      publicReport(chamberCode: $chamberCode, year: $year) {
        year horizonStart horizonEnd resolutionNumber resolutionDate publishedAt periodDate entity
        chamber { code name region }
        levels { key name kind }
        nodes { code parentCode title level weight result achievement rating overridden explanation
          indicators { code name algorithm unit target value score } }
      }
    }
  `),
);

export const PublishedCyclesQuery = graphql(`
  query PublishedCycles($chamberCode: String!) {
    publishedCycles(chamberCode: $chamberCode) { year title horizonStart horizonEnd resolutionNumber resolutionDate publishedAt }
  }
`);

// --- mutations ---------------------------------------------------------------------------------

export const EnterMeasurementMutation = withJson<MeasurementJson>()(
  graphql(`
    mutation EnterMeasurement($indicatorId: ID!, $periodId: ID!, $valueNumber: Float, $valueDate: Date, $valueBoolean: Boolean, $inputs: JSON, $note: String, $version: Int) {
      enterMeasurement(indicatorId: $indicatorId, periodId: $periodId, valueNumber: $valueNumber, valueDate: $valueDate, valueBoolean: $valueBoolean, inputs: $inputs, note: $note, version: $version) { ...MeasurementFields }
    }
  `,
    [MeasurementFields],
  ),
);
export type EnterMeasurementVars = VariablesOf<typeof EnterMeasurementMutation>;
export const SubmitMeasurementMutation = withJson<MeasurementJson>()(
  graphql(`
    mutation SubmitMeasurement($id: ID!, $version: Int!) { submitMeasurement(id: $id, version: $version) { ...MeasurementFields } }
  `,
    [MeasurementFields],
  ),
);
export const ApproveMeasurementMutation = withJson<MeasurementJson>()(
  graphql(`
    mutation ApproveMeasurement($id: ID!, $version: Int!) { approveMeasurement(id: $id, version: $version) { ...MeasurementFields } }
  `,
    [MeasurementFields],
  ),
);
export const RejectMeasurementMutation = withJson<MeasurementJson>()(
  graphql(`
    mutation RejectMeasurement($id: ID!, $version: Int!, $reason: String!) { rejectMeasurement(id: $id, version: $version, reason: $reason) { ...MeasurementFields } }
  `,
    [MeasurementFields],
  ),
);
export const OpenPeriodMutation = graphql(
  `
  mutation OpenPeriod($id: ID!, $version: Int!) { openPeriod(id: $id, version: $version) { ...PeriodFields } }
`,
  [PeriodFields],
);
export const ClosePeriodMutation = graphql(
  `
  mutation ClosePeriod($id: ID!, $version: Int!) { closePeriod(id: $id, version: $version) { ...PeriodFields } }
`,
  [PeriodFields],
);
export const SetOverrideMutation = graphql(`
  mutation SetOverride($nodeId: ID, $indicatorId: ID, $score: Float!, $reason: String!) {
    setOverride(nodeId: $nodeId, indicatorId: $indicatorId, score: $score, reason: $reason) { id score reason by setAt revokedAt version }
  }
`);
export const RevokeOverrideMutation = graphql(`
  mutation RevokeOverride($id: ID!, $version: Int!) { revokeOverride(id: $id, version: $version) { id revokedAt version } }
`);
export const ValidateReportMutation = graphql(`
  mutation ValidateReport($cycleId: ID!, $version: Int) { validateReport(cycleId: $cycleId, version: $version) { id kind state validatedAt version } }
`);
export const SetNodeWeightsMutation = graphql(`
  mutation SetNodeWeights($parentId: ID!, $weights: [WeightInput!]!) { setNodeWeights(parentId: $parentId, weights: $weights) { id weight version } }
`);
export const CreateNodeMutation = graphql(`
  mutation CreateNode($cycleId: ID!, $parentId: ID, $levelKey: String!, $code: String!, $title: String!, $weight: Float) {
    createNode(cycleId: $cycleId, parentId: $parentId, levelKey: $levelKey, code: $code, title: $title, weight: $weight) { id code title weight version }
  }
`);
export const UpdateNodeMutation = graphql(`
  mutation UpdateNode($id: ID!, $version: Int!, $title: String, $code: String, $description: String) {
    updateNode(id: $id, version: $version, title: $title, code: $code, description: $description) { id code title description version }
  }
`);
export const CreateIndicatorMutation = graphql(`
  mutation CreateIndicator($nodeId: ID!, $name: String!, $fields: IndicatorFieldsInput) { createIndicator(nodeId: $nodeId, name: $name, fields: $fields) { id name version } }
`);
export const SetTargetMutation = graphql(
  `
  mutation SetTarget($indicatorId: ID!, $year: Int!, $values: TargetValuesInput!) { setTarget(indicatorId: $indicatorId, year: $year, values: $values) { ...TargetFields } }
`,
  [TargetFields],
);
export const AssignNodeMutation = graphql(`
  mutation AssignNode($id: ID!, $version: Int!, $unitIds: [ID!]!, $people: [AssigneeInput!]!) { assignNode(id: $id, version: $version, unitIds: $unitIds, people: $people) { id version } }
`);
export const CopyCycleMutation = graphql(`
  mutation CopyCycle($fromCycleId: ID!, $year: Int) { copyCycle(fromCycleId: $fromCycleId, year: $year) { id year state version } }
`);
export const CreateUnitMutation = graphql(`
  mutation CreateUnit($code: String!, $name: String!, $kind: UnitKind!, $parentId: ID) { createUnit(code: $code, name: $name, kind: $kind, parentId: $parentId) { id code name kind parentId version } }
`);
export const CreatePersonMutation = graphql(`
  mutation CreatePerson($username: String!, $displayName: String!, $email: String, $position: String, $units: [MembershipInput!]) {
    createPerson(username: $username, displayName: $displayName, email: $email, position: $position, units: $units) { id username displayName version }
  }
`);
export const UpdatePersonMutation = graphql(`
  mutation UpdatePerson($id: ID!, $version: Int!, $active: Boolean) { updatePerson(id: $id, version: $version, active: $active) { id active version } }
`);
export const SubscribeChamberMutation = graphql(`
  mutation SubscribeChamber($code: String!, $name: String!, $region: String) { subscribeChamber(code: $code, name: $name, region: $region) { id code name region subscriptionStatus subscribedAt version } }
`);
export const SuspendChamberMutation = graphql(`
  mutation SuspendChamber($id: ID!, $version: Int!) { suspendChamber(id: $id, version: $version) { id subscriptionStatus version } }
`);
export const ResumeChamberMutation = graphql(`
  mutation ResumeChamber($id: ID!, $version: Int!) { resumeChamber(id: $id, version: $version) { id subscriptionStatus version } }
`);
export const AddPeriodMutation = graphql(
  `
  mutation AddPeriod($cycleId: ID!, $periodDate: Date!, $dueDate: Date) { addPeriod(cycleId: $cycleId, periodDate: $periodDate, dueDate: $dueDate) { ...PeriodFields } }
`,
  [PeriodFields],
);
export const UpdateTargetMutation = graphql(
  `
  mutation UpdateTarget($id: ID!, $version: Int!, $values: TargetValuesInput!) { updateTarget(id: $id, version: $version, values: $values) { ...TargetFields } }
`,
  [TargetFields],
);
export const ApproveCycleMutation = graphql(`
  mutation ApproveCycle($id: ID!, $version: Int!, $resolutionNumber: String!, $resolutionDate: Date!) {
    approveCycle(id: $id, version: $version, resolutionNumber: $resolutionNumber, resolutionDate: $resolutionDate, resolutionBody: "Giunta", validateWeights: true) { id state version }
  }
`);
export const UpdateLevelsMutation = graphql(`
  mutation UpdateLevels($cycleId: ID!, $version: Int!, $levels: [LevelNameInput!]!) {
    updateLevels(cycleId: $cycleId, version: $version, levels: $levels) { id state version levels { key name kind aggregation position } }
  }
`);
export const CloseCycleMutation = graphql(`
  mutation CloseCycle($id: ID!, $version: Int!) { closeCycle(id: $id, version: $version) { id state version } }
`);
export const PublishCycleMutation = graphql(`
  mutation PublishCycle($id: ID!, $version: Int!) { publishCycle(id: $id, version: $version) { id state version } }
`);

// Benchmarking (docs/api.md, "Benchmarking").

export const BenchmarkQuery = graphql(
  `
  query Benchmark($kind: BenchmarkKind!, $code: String, $fromYear: Int!, $toYear: Int!, $sizeClass: String, $region: String) {
    benchmark(kind: $kind, code: $code, fromYear: $fromYear, toYear: $toYear, sizeClass: $sizeClass, region: $region) { ...BenchmarkSeriesFields }
  }
`,
  [BenchmarkSeriesFields],
);
export type BenchmarkVariables = VariablesOf<typeof BenchmarkQuery>;
export const BenchmarkCataloguesQuery = graphql(`
  query BenchmarkCatalogues($year: Int!) {
    systemObjectives(year: $year) { id code title unit direction year }
    financialRatios { code title unit position }
    sizeClasses { code label position }
  }
`);
export const BenchmarkSharingQuery = graphql(`
  query BenchmarkSharing { viewer { chamber { id version shareNameInBenchmark } } }
`);
export const SetBenchmarkNameSharingMutation = graphql(`
  mutation SetBenchmarkNameSharing($share: Boolean!, $version: Int!) { setBenchmarkNameSharing(share: $share, version: $version) { id version shareNameInBenchmark } }
`);
