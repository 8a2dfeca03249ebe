// Every GraphQL operation of the web client, against apps/api/schema.graphql.
import { gql, type TypedDocumentNode } from '@urql/core';
import type {
  BenchmarkKind,
  BenchmarkSeries,
  Chamber,
  FinancialRatio,
  SizeClass,
  SystemObjective,
  CycleState,
  CycleSummary,
  IndicatorDetail,
  Level,
  LevelName,
  Measurement,
  MyObjective,
  NodeDetail,
  OrgUnit,
  Override,
  Perspective,
  Person,
  PersonScorecard,
  PublicCycle,
  PublicReport,
  Report,
  ReviewItem,
  Scorecard,
  Target,
  TreeNode,
  Viewer,
  WeightIssue,
} from './types.js';

const PERIOD = 'id periodDate dueDate state version';
const MEASUREMENT = `id periodId period { id periodDate state } valueNumber valueDate valueBoolean label status inputs note rejectionReason submittedBy submittedByName submittedAt enteredByViewer version`;
const TARGET = `id year operator valueNumber valueDate valueBoolean threshold80Number threshold60Number threshold80Date threshold60Date label relativeToBaseline revision { id revisedOn reason } version`;
const TREE_NODE = `id code title parentId levelKey weight position version perspective { id key } units { node { id } unit { id code name } } indicators { id code name weight }`;
const SCORECARD = `periodId periodDate entity warnings nodes { nodeId parentId code level weight result achievement rating overridden } indicators { indicatorId nodeId score value overridden }`;

export const ViewerQuery: TypedDocumentNode<{ viewer: Viewer }> = gql`
  query Viewer {
    viewer { kind roles username chamberCode allowedActions conditionalActions chamber { id code name } person { id displayName } }
  }
`;

export const CyclesQuery: TypedDocumentNode<{ cycles: CycleSummary[] }> = gql`
  query Cycles { cycles { id year state version periods { ${PERIOD} } } }
`;

export type CruscottoData = {
  cycle: {
    id: string;
    year: number;
    state: CycleState;
    horizonStart: number;
    horizonEnd: number;
    resolutionNumber: string | null;
    resolutionDate: string | null;
    levels: Level[];
    perspectives: Perspective[];
    nodes: CruscottoNode[];
    periods: CycleSummary['periods'];
    scorecard: Scorecard;
  };
};
/** The target of an indicator for the cycle's year, as the exports show it. */
export type CruscottoTarget = Pick<Target, 'id' | 'year' | 'operator' | 'valueNumber' | 'valueDate' | 'valueBoolean' | 'label' | 'version'> & {
  revision: { id: string; revisedOn: string } | null;
};
export type CruscottoNode = Omit<TreeNode, 'indicators'> & {
  indicators: (TreeNode['indicators'][number] & { algorithm: string | null; unit: string | null; targets: CruscottoTarget[] })[];
};
const CRUSCOTTO_NODE = `${TREE_NODE.replace('indicators { id code name weight }', 'indicators { id code name weight algorithm unit targets(year: $year) { id year operator valueNumber valueDate valueBoolean label version revision { id revisedOn } } }')}`;
export const CruscottoQuery: TypedDocumentNode<CruscottoData, { year: number; periodId?: string | null }> = gql`
  query Cruscotto($year: Int!, $periodId: ID) {
    cycle(year: $year) {
      id year state horizonStart horizonEnd resolutionNumber resolutionDate
      levels { key name kind position }
      perspectives { id key name position }
      periods { ${PERIOD} }
      nodes { ${CRUSCOTTO_NODE} }
      scorecard(periodId: $periodId) { ${SCORECARD} }
    }
  }
`;

export type TrendData = { cycles: { id: string; year: number; scorecard: { periodDate: string | null; entity: Scorecard['entity'] } }[] };
export const TrendQuery: TypedDocumentNode<TrendData> = gql`
  query Trend { cycles { id year scorecard { periodDate entity } } }
`;

export type EntryStateData = { measurements: { edges: { node: { id: string; status: Measurement['status']; indicatorId: string; periodId: string } }[] } };
export const EntryStateQuery: TypedDocumentNode<EntryStateData, { cycleId: string; periodId: string }> = gql`
  query EntryState($cycleId: ID!, $periodId: ID) {
    measurements(cycleId: $cycleId, periodId: $periodId, first: 1000) { edges { node { id status indicatorId periodId } } }
  }
`;

export const NodeQuery: TypedDocumentNode<{ node: NodeDetail }, { id: string; periodId?: string | null }> = gql`
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
`;

export const IndicatorQuery: TypedDocumentNode<{ indicator: IndicatorDetail }, { id: string; periodId?: string | null }> = gql`
  query Indicator($id: ID!, $periodId: ID) {
    indicator(id: $id) {
      id code name algorithm unit direction valueType formula baselineNumber baselineDate baselineBoolean baselineLabel baselineYear
      scoringMethod dataSource responsible weight version
      node { id code title cycleId }
      targets { ${TARGET} }
      measurements { ${MEASUREMENT} }
      score(periodId: $periodId) { score value overridden explanation }
    }
  }
`;

export const MyObjectivesQuery: TypedDocumentNode<{ myObjectives: MyObjective[] }, { cycleId?: string | null }> = gql`
  query MyObjectives($cycleId: ID) {
    myObjectives(cycleId: $cycleId) {
      reasons
      node { id code title score { result } }
      pending {
        dueDate next
        indicator { id code name unit valueType formula }
        measurement { ${MEASUREMENT} }
        period { ${PERIOD} }
      }
    }
  }
`;

export const MyScorecardQuery: TypedDocumentNode<{ myScorecard: PersonScorecard }, { cycleId: string; periodId?: string | null }> = gql`
  query MyScorecard($cycleId: ID!, $periodId: ID) {
    myScorecard(cycleId: $cycleId, periodId: $periodId) {
      cycleId personId periodId
      appraisal { id roleProfile behaviourScore version }
      scorecard { roleProfile score computable missingPolicy components { component weight score contribution missing } explanation }
      unavailableReason unavailableMessage
    }
  }
`;

export const ReviewQueueQuery: TypedDocumentNode<{ measurements: { edges: { node: ReviewItem }[] } }, { cycleId: string }> = gql`
  query ReviewQueue($cycleId: ID!) {
    measurements(cycleId: $cycleId, status: submitted, first: 500) {
      edges { node { ${MEASUREMENT} indicator { id code name unit valueType node { id code title } } } }
    }
  }
`;

export type OivData = {
  cycle: {
    id: string;
    year: number;
    state: CycleState;
    version: number;
    nodes: TreeNode[];
    overrides: Override[];
    reports: Report[];
    scorecard: Scorecard;
  };
};
export const OivQuery: TypedDocumentNode<OivData, { year: number }> = gql`
  query Oiv($year: Int!) {
    cycle(year: $year) {
      id year state version
      nodes { ${TREE_NODE} }
      overrides { id score reason by setAt revokedAt version node { id code title } indicator { id code name } }
      reports { id kind state validatedAt version }
      scorecard { ${SCORECARD} }
    }
  }
`;

export type PlanData = {
  cycle: {
    id: string;
    year: number;
    state: CycleState;
    version: number;
    horizonStart: number;
    horizonEnd: number;
    levels: Level[];
    nodes: TreeNode[];
    weightIssues: WeightIssue[];
  };
};
export const PlanQuery: TypedDocumentNode<PlanData, { year: number }> = gql`
  query Plan($year: Int!) {
    cycle(year: $year) {
      id year state version horizonStart horizonEnd
      levels { key name kind aggregation position }
      nodes { ${TREE_NODE} }
      weightIssues { parentId of sum codes }
    }
  }
`;

export const UnitsQuery: TypedDocumentNode<{ units: { edges: { node: OrgUnit }[] } }> = gql`
  query Units { units(first: 500) { edges { node { id code name kind parentId version } } } }
`;

export const PeopleQuery: TypedDocumentNode<{ people: { edges: { node: Person }[] } }> = gql`
  query People {
    people(first: 500, activeOnly: false) {
      edges { node { id username displayName email position active linked version units { head person { id } unit { id code name } } } }
    }
  }
`;

export const ChambersQuery: TypedDocumentNode<{ chambers: { edges: { node: Chamber }[] } }> = gql`
  query Chambers { chambers(first: 500) { edges { node { id code name region subscriptionStatus subscribedAt version } } } }
`;

export const PublicReportQuery: TypedDocumentNode<{ publicReport: PublicReport }, { chamberCode: string; year: number }> = gql`
  query PublicReport($chamberCode: String!, $year: Int!) {
    publicReport(chamberCode: $chamberCode, year: $year) {
      year horizonStart horizonEnd resolutionNumber resolutionDate publishedAt periodDate entity
      chamber { code name region }
      levels { key name kind }
      nodes { code parentCode title level weight result achievement rating overridden explanation
        indicators { code name algorithm unit target value score } }
    }
  }
`;

export const PublishedCyclesQuery: TypedDocumentNode<{ publishedCycles: PublicCycle[] }, { chamberCode: string }> = gql`
  query PublishedCycles($chamberCode: String!) {
    publishedCycles(chamberCode: $chamberCode) { year title horizonStart horizonEnd resolutionNumber resolutionDate publishedAt }
  }
`;

// --- mutations ---------------------------------------------------------------------------------

export type EnterMeasurementVars = {
  indicatorId: string;
  periodId: string;
  valueNumber?: number | null;
  valueDate?: string | null;
  valueBoolean?: boolean | null;
  inputs?: Record<string, number> | null;
  note?: string | null;
  version?: number | null;
};
export const EnterMeasurementMutation: TypedDocumentNode<{ enterMeasurement: Measurement }, EnterMeasurementVars> = gql`
  mutation EnterMeasurement($indicatorId: ID!, $periodId: ID!, $valueNumber: Float, $valueDate: Date, $valueBoolean: Boolean, $inputs: JSON, $note: String, $version: Int) {
    enterMeasurement(indicatorId: $indicatorId, periodId: $periodId, valueNumber: $valueNumber, valueDate: $valueDate, valueBoolean: $valueBoolean, inputs: $inputs, note: $note, version: $version) { ${MEASUREMENT} }
  }
`;
export const SubmitMeasurementMutation: TypedDocumentNode<{ submitMeasurement: Measurement }, { id: string; version: number }> = gql`
  mutation SubmitMeasurement($id: ID!, $version: Int!) { submitMeasurement(id: $id, version: $version) { ${MEASUREMENT} } }
`;
export const ApproveMeasurementMutation: TypedDocumentNode<{ approveMeasurement: Measurement }, { id: string; version: number }> = gql`
  mutation ApproveMeasurement($id: ID!, $version: Int!) { approveMeasurement(id: $id, version: $version) { ${MEASUREMENT} } }
`;
export const RejectMeasurementMutation: TypedDocumentNode<{ rejectMeasurement: Measurement }, { id: string; version: number; reason: string }> = gql`
  mutation RejectMeasurement($id: ID!, $version: Int!, $reason: String!) { rejectMeasurement(id: $id, version: $version, reason: $reason) { ${MEASUREMENT} } }
`;
export const OpenPeriodMutation: TypedDocumentNode<{ openPeriod: { id: string; state: string; version: number } }, { id: string; version: number }> = gql`
  mutation OpenPeriod($id: ID!, $version: Int!) { openPeriod(id: $id, version: $version) { ${PERIOD} } }
`;
export const ClosePeriodMutation: TypedDocumentNode<{ closePeriod: { id: string; state: string; version: number } }, { id: string; version: number }> = gql`
  mutation ClosePeriod($id: ID!, $version: Int!) { closePeriod(id: $id, version: $version) { ${PERIOD} } }
`;
export const SetOverrideMutation: TypedDocumentNode<{ setOverride: { id: string } }, { nodeId?: string | null; indicatorId?: string | null; score: number; reason: string }> = gql`
  mutation SetOverride($nodeId: ID, $indicatorId: ID, $score: Float!, $reason: String!) {
    setOverride(nodeId: $nodeId, indicatorId: $indicatorId, score: $score, reason: $reason) { id score reason by setAt revokedAt version }
  }
`;
export const RevokeOverrideMutation: TypedDocumentNode<{ revokeOverride: { id: string } }, { id: string; version: number }> = gql`
  mutation RevokeOverride($id: ID!, $version: Int!) { revokeOverride(id: $id, version: $version) { id revokedAt version } }
`;
export const ValidateReportMutation: TypedDocumentNode<{ validateReport: Report }, { cycleId: string; version?: number | null }> = gql`
  mutation ValidateReport($cycleId: ID!, $version: Int) { validateReport(cycleId: $cycleId, version: $version) { id kind state validatedAt version } }
`;
export const SetNodeWeightsMutation: TypedDocumentNode<{ setNodeWeights: { id: string; weight: number; version: number }[] }, { parentId: string; weights: { id: string; version: number; weight: number }[] }> = gql`
  mutation SetNodeWeights($parentId: ID!, $weights: [WeightInput!]!) { setNodeWeights(parentId: $parentId, weights: $weights) { id weight version } }
`;
export const CreateNodeMutation: TypedDocumentNode<{ createNode: { id: string } }, { cycleId: string; parentId?: string | null; levelKey: string; code: string; title: string; weight?: number | null }> = gql`
  mutation CreateNode($cycleId: ID!, $parentId: ID, $levelKey: String!, $code: String!, $title: String!, $weight: Float) {
    createNode(cycleId: $cycleId, parentId: $parentId, levelKey: $levelKey, code: $code, title: $title, weight: $weight) { id code title weight version }
  }
`;
export const UpdateNodeMutation: TypedDocumentNode<{ updateNode: { id: string; version: number } }, { id: string; version: number; title?: string | null; code?: string | null; description?: string | null }> = gql`
  mutation UpdateNode($id: ID!, $version: Int!, $title: String, $code: String, $description: String) {
    updateNode(id: $id, version: $version, title: $title, code: $code, description: $description) { id code title description version }
  }
`;
export const CreateIndicatorMutation: TypedDocumentNode<{ createIndicator: { id: string } }, { nodeId: string; name: string; fields?: Record<string, unknown> | null }> = gql`
  mutation CreateIndicator($nodeId: ID!, $name: String!, $fields: IndicatorFieldsInput) { createIndicator(nodeId: $nodeId, name: $name, fields: $fields) { id name version } }
`;
export const SetTargetMutation: TypedDocumentNode<{ setTarget: Target }, { indicatorId: string; year: number; values: Record<string, unknown> }> = gql`
  mutation SetTarget($indicatorId: ID!, $year: Int!, $values: TargetValuesInput!) { setTarget(indicatorId: $indicatorId, year: $year, values: $values) { ${TARGET} } }
`;
export const AssignNodeMutation: TypedDocumentNode<{ assignNode: { id: string } }, { id: string; version: number; unitIds: string[]; people: { personId: string; role: 'owner' | 'contributor' }[] }> = gql`
  mutation AssignNode($id: ID!, $version: Int!, $unitIds: [ID!]!, $people: [AssigneeInput!]!) { assignNode(id: $id, version: $version, unitIds: $unitIds, people: $people) { id version } }
`;
export const CopyCycleMutation: TypedDocumentNode<{ copyCycle: { id: string; year: number } }, { fromCycleId: string; year?: number | null }> = gql`
  mutation CopyCycle($fromCycleId: ID!, $year: Int) { copyCycle(fromCycleId: $fromCycleId, year: $year) { id year state version } }
`;
export const CreateUnitMutation: TypedDocumentNode<{ createUnit: OrgUnit }, { code: string; name: string; kind: string; parentId?: string | null }> = gql`
  mutation CreateUnit($code: String!, $name: String!, $kind: UnitKind!, $parentId: ID) { createUnit(code: $code, name: $name, kind: $kind, parentId: $parentId) { id code name kind parentId version } }
`;
export const CreatePersonMutation: TypedDocumentNode<{ createPerson: { id: string } }, { username: string; displayName: string; email?: string | null; position?: string | null; units?: { unitId: string; head: boolean }[] | null }> = gql`
  mutation CreatePerson($username: String!, $displayName: String!, $email: String, $position: String, $units: [MembershipInput!]) {
    createPerson(username: $username, displayName: $displayName, email: $email, position: $position, units: $units) { id username displayName version }
  }
`;
export const UpdatePersonMutation: TypedDocumentNode<{ updatePerson: { id: string } }, { id: string; version: number; active?: boolean | null }> = gql`
  mutation UpdatePerson($id: ID!, $version: Int!, $active: Boolean) { updatePerson(id: $id, version: $version, active: $active) { id active version } }
`;
export const SubscribeChamberMutation: TypedDocumentNode<{ subscribeChamber: Chamber }, { code: string; name: string; region?: string | null }> = gql`
  mutation SubscribeChamber($code: String!, $name: String!, $region: String) { subscribeChamber(code: $code, name: $name, region: $region) { id code name region subscriptionStatus subscribedAt version } }
`;
export const SuspendChamberMutation: TypedDocumentNode<{ suspendChamber: Chamber }, { id: string; version: number }> = gql`
  mutation SuspendChamber($id: ID!, $version: Int!) { suspendChamber(id: $id, version: $version) { id subscriptionStatus version } }
`;
export const ResumeChamberMutation: TypedDocumentNode<{ resumeChamber: Chamber }, { id: string; version: number }> = gql`
  mutation ResumeChamber($id: ID!, $version: Int!) { resumeChamber(id: $id, version: $version) { id subscriptionStatus version } }
`;
export const AddPeriodMutation: TypedDocumentNode<{ addPeriod: { id: string } }, { cycleId: string; periodDate: string; dueDate?: string | null }> = gql`
  mutation AddPeriod($cycleId: ID!, $periodDate: Date!, $dueDate: Date) { addPeriod(cycleId: $cycleId, periodDate: $periodDate, dueDate: $dueDate) { ${PERIOD} } }
`;
export const UpdateTargetMutation: TypedDocumentNode<{ updateTarget: Target }, { id: string; version: number; values: Record<string, unknown> }> = gql`
  mutation UpdateTarget($id: ID!, $version: Int!, $values: TargetValuesInput!) { updateTarget(id: $id, version: $version, values: $values) { ${TARGET} } }
`;
export const ApproveCycleMutation: TypedDocumentNode<{ approveCycle: { id: string; state: CycleState; version: number } }, { id: string; version: number; resolutionNumber: string; resolutionDate: string }> = gql`
  mutation ApproveCycle($id: ID!, $version: Int!, $resolutionNumber: String!, $resolutionDate: Date!) {
    approveCycle(id: $id, version: $version, resolutionNumber: $resolutionNumber, resolutionDate: $resolutionDate, resolutionBody: "Giunta", validateWeights: true) { id state version }
  }
`;
export const UpdateLevelsMutation: TypedDocumentNode<{ updateLevels: { id: string; version: number; levels: Level[] } }, { cycleId: string; version: number; levels: LevelName[] }> = gql`
  mutation UpdateLevels($cycleId: ID!, $version: Int!, $levels: [LevelNameInput!]!) {
    updateLevels(cycleId: $cycleId, version: $version, levels: $levels) { id state version levels { key name kind aggregation position } }
  }
`;
export const CloseCycleMutation: TypedDocumentNode<{ closeCycle: { id: string; state: CycleState; version: number } }, { id: string; version: number }> = gql`
  mutation CloseCycle($id: ID!, $version: Int!) { closeCycle(id: $id, version: $version) { id state version } }
`;
export const PublishCycleMutation: TypedDocumentNode<{ publishCycle: { id: string; state: CycleState; version: number } }, { id: string; version: number }> = gql`
  mutation PublishCycle($id: ID!, $version: Int!) { publishCycle(id: $id, version: $version) { id state version } }
`;

// Benchmarking (docs/api.md, "Benchmarking").
const BENCHMARK_SERIES = `kind code year title unit direction normaliser stats { n minimum q1 median q3 maximum } entries { chamber { id code name label isSelf named synthetic region sizeClass activeFirms } value valuePer1000Firms rank percentile }`;

export type BenchmarkVariables = { kind: BenchmarkKind; code: string | null; fromYear: number; toYear: number; sizeClass?: string | null; region?: string | null };
export const BenchmarkQuery: TypedDocumentNode<{ benchmark: BenchmarkSeries[] }, BenchmarkVariables> = gql`
  query Benchmark($kind: BenchmarkKind!, $code: String, $fromYear: Int!, $toYear: Int!, $sizeClass: String, $region: String) {
    benchmark(kind: $kind, code: $code, fromYear: $fromYear, toYear: $toYear, sizeClass: $sizeClass, region: $region) { ${BENCHMARK_SERIES} }
  }
`;
export const BenchmarkCataloguesQuery: TypedDocumentNode<{ systemObjectives: SystemObjective[]; financialRatios: FinancialRatio[]; sizeClasses: SizeClass[] }, { year: number }> = gql`
  query BenchmarkCatalogues($year: Int!) {
    systemObjectives(year: $year) { id code title unit direction year }
    financialRatios { code title unit position }
    sizeClasses { code label position }
  }
`;
export const BenchmarkSharingQuery: TypedDocumentNode<{ viewer: { chamber: { id: string; version: number; shareNameInBenchmark: boolean } | null } }> = gql`
  query BenchmarkSharing { viewer { chamber { id version shareNameInBenchmark } } }
`;
export const SetBenchmarkNameSharingMutation: TypedDocumentNode<{ setBenchmarkNameSharing: { id: string; version: number; shareNameInBenchmark: boolean } }, { share: boolean; version: number }> = gql`
  mutation SetBenchmarkNameSharing($share: Boolean!, $version: Int!) { setBenchmarkNameSharing(share: $share, version: $version) { id version shareNameInBenchmark } }
`;
