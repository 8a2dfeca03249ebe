// The plan editor's edits of existing nodes and indicators (updateNode, updateIndicator, moveNode), their
// deletion from a draft plan (deleteNode, deleteIndicator) and the reads they start from, against
// apps/api/schema.graphql. Kept apart from operations.ts (every other screen).
import { gql, type TypedDocumentNode } from '@urql/core';
import type { Operator, ValueType } from './types.js';

export type Direction = 'higher_is_better' | 'lower_is_better';
export type ScoringMethod = 'step' | 'proportional' | 'binary' | 'deadline' | 'bands' | 'qualitative';
export type Frequency = 'annual' | 'semiannual' | 'quarterly' | 'monthly';

export const DIRECTIONS: readonly Direction[] = ['higher_is_better', 'lower_is_better'];
export const SCORING_METHODS: readonly ScoringMethod[] = ['step', 'proportional', 'binary', 'deadline', 'bands', 'qualitative'];
export const FREQUENCIES: readonly Frequency[] = ['annual', 'semiannual', 'quarterly', 'monthly'];
export const OPERATORS: readonly Operator[] = ['gte', 'gt', 'lte', 'lt', 'eq'];

/** An indicator's fields the plan editor changes, with the version they were read at. */
export type EditableIndicator = {
  id: string;
  nodeId: string;
  code: string | null;
  name: string;
  algorithm: string | null;
  formula: string | null;
  unit: string | null;
  valueType: ValueType;
  direction: Direction;
  scoringMethod: ScoringMethod | null;
  dataSource: string | null;
  frequency: Frequency | null;
  baselineNumber: number | null;
  baselineYear: number | null;
  weight: number;
  version: number;
};

/** A node's own fields as the plan editor changes them (without its level and indicators). */
export type EditableNodeFields = {
  id: string;
  cycleId: string;
  parentId: string | null;
  code: string;
  title: string;
  description: string | null;
  note: string | null;
  weight: number;
  position: number;
  achievementOperator: Operator | null;
  achievementValue: number | null;
  version: number;
};
export type EditableNode = EditableNodeFields & {
  level: { key: string; name: string; kind: string; position: number };
  indicators: EditableIndicator[];
};

const INDICATOR_FIELDS = 'id nodeId code name algorithm formula unit valueType direction scoringMethod dataSource frequency baselineNumber baselineYear weight version';
const NODE_FIELDS = 'id cycleId parentId code title description note weight position achievementOperator achievementValue version';

export const NodeForEditQuery: TypedDocumentNode<{ node: EditableNode }, { id: string }> = gql`
  query NodeForEdit($id: ID!) {
    node(id: $id) { ${NODE_FIELDS} level { key name kind position } indicators { ${INDICATOR_FIELDS} } }
  }
`;

export const IndicatorForEditQuery: TypedDocumentNode<{ indicator: EditableIndicator }, { id: string }> = gql`
  query IndicatorForEdit($id: ID!) { indicator(id: $id) { ${INDICATOR_FIELDS} } }
`;

/** The node fields a save changes: absent ones are left as they are by the API, null clears. */
export type NodeChanges = {
  code?: string;
  title?: string;
  description?: string | null;
  note?: string | null;
  weight?: number;
  achievementOperator?: Operator | null;
  achievementValue?: number | null;
};
export const EditNodeMutation: TypedDocumentNode<{ updateNode: EditableNodeFields }, { id: string; version: number } & NodeChanges> = gql`
  mutation EditNode($id: ID!, $version: Int!, $code: String, $title: String, $description: String, $note: String, $weight: Float, $achievementOperator: Operator, $achievementValue: Float) {
    updateNode(id: $id, version: $version, code: $code, title: $title, description: $description, note: $note, weight: $weight, achievementOperator: $achievementOperator, achievementValue: $achievementValue) { ${NODE_FIELDS} }
  }
`;

/** The indicator fields a save changes (IndicatorFieldsInput, plus the name): absent ones untouched, null clears. */
export type IndicatorChanges = {
  name?: string;
  fields?: {
    code?: string | null;
    algorithm?: string | null;
    formula?: string | null;
    unit?: string | null;
    direction?: Direction;
    scoringMethod?: ScoringMethod | null;
    dataSource?: string | null;
    frequency?: Frequency | null;
    baselineNumber?: number | null;
    baselineYear?: number | null;
    weight?: number;
  };
};
export const EditIndicatorMutation: TypedDocumentNode<{ updateIndicator: EditableIndicator }, { id: string; version: number } & IndicatorChanges> = gql`
  mutation EditIndicator($id: ID!, $version: Int!, $name: String, $fields: IndicatorFieldsInput) {
    updateIndicator(id: $id, version: $version, name: $name, fields: $fields) { ${INDICATOR_FIELDS} }
  }
`;

export const MoveNodeMutation: TypedDocumentNode<
  { moveNode: { id: string; parentId: string | null; position: number; version: number } },
  { id: string; version: number; parentId: string | null; position?: number | null }
> = gql`
  mutation MoveNode($id: ID!, $version: Int!, $parentId: ID, $position: Int) {
    moveNode(id: $id, version: $version, parentId: $parentId, position: $position) { id parentId position version }
  }
`;

/** A group of weights that no longer sums to 100 after a deletion (cycle.weightIssues' shape). */
export type WeightIssueRow = { parentId: string; of: 'children' | 'indicators'; sum: number; codes: string[] };

/** The whole tree of a cycle, only what says what a node's deletion takes with it (read fresh when asked). */
export const PlanShapeQuery: TypedDocumentNode<{ cycle: { id: string; nodes: { id: string; parentId: string | null; indicators: { id: string }[] }[] } }, { cycleId: string }> = gql`
  query PlanShape($cycleId: ID!) {
    cycle(id: $cycleId) { id nodes { id parentId indicators { id } } }
  }
`;

/** An indicator with its targets: what its deletion takes with it, and the version to send. */
export const IndicatorForDeleteQuery: TypedDocumentNode<{ indicator: { id: string; code: string | null; name: string; version: number; targets: { id: string; year: number }[] } }, { id: string }> = gql`
  query IndicatorForDelete($id: ID!) { indicator(id: $id) { id code name version targets { id year } } }
`;

export type DeletedNodeResult = {
  id: string;
  nodeIds: string[];
  indicatorIds: string[];
  targetIds: string[];
  parent: { id: string; code: string } | null;
  weightIssues: WeightIssueRow[];
};
export const DeleteNodeMutation: TypedDocumentNode<{ deleteNode: DeletedNodeResult }, { id: string; version: number; expectedNodes: number; expectedIndicators: number }> = gql`
  mutation DeleteNode($id: ID!, $version: Int!, $expectedNodes: Int, $expectedIndicators: Int) {
    deleteNode(id: $id, version: $version, expectedNodes: $expectedNodes, expectedIndicators: $expectedIndicators) { id nodeIds indicatorIds targetIds parent { id code } weightIssues { parentId of sum codes } }
  }
`;

export type DeletedIndicatorResult = { id: string; targetIds: string[]; node: { id: string; code: string }; weightIssues: WeightIssueRow[] };
export const DeleteIndicatorMutation: TypedDocumentNode<{ deleteIndicator: DeletedIndicatorResult }, { id: string; version: number }> = gql`
  mutation DeleteIndicator($id: ID!, $version: Int!) {
    deleteIndicator(id: $id, version: $version) { id targetIds node { id code } weightIssues { parentId of sum codes } }
  }
`;
