// The plan editor's edits of existing nodes and indicators (updateNode, updateIndicator, moveNode), their
// deletion from a draft plan (deleteNode, deleteIndicator) and the reads they start from, against
// apps/api/schema.graphql. Kept apart from operations.ts (every other screen).
import { EditableIndicatorFields, EditableNodeOwnFields, WeightIssueFields } from '../../graphql/fragments.js';
import { allOf, graphql, type EnumOf, type ResultOf, type VariablesOf } from '../../graphql/graphql.js';
import type { Operator } from '../../graphql/types.js';

export type Direction = EnumOf<'Direction'>;
export type ScoringMethod = EnumOf<'ScoringMethod'>;
export type Frequency = EnumOf<'Frequency'>;

export const DIRECTIONS = allOf<Direction>()('higher_is_better', 'lower_is_better');
export const SCORING_METHODS = allOf<ScoringMethod>()('step', 'proportional', 'binary', 'deadline', 'bands', 'qualitative');
export const FREQUENCIES = allOf<Frequency>()('annual', 'semiannual', 'quarterly', 'monthly');
export const OPERATORS = allOf<Operator>()('gte', 'gt', 'lte', 'lt', 'eq');

export type EditableIndicator = ResultOf<typeof EditableIndicatorFields>;

export type EditableNodeFields = ResultOf<typeof EditableNodeOwnFields>;

export const NodeForEditQuery = graphql(
  `
    query NodeForEdit($id: ID!) {
      node(id: $id) { ...EditableNodeOwnFields level { key name kind position } indicators { ...EditableIndicatorFields } }
    }
  `,
  [EditableNodeOwnFields, EditableIndicatorFields],
);
export type EditableNode = NonNullable<ResultOf<typeof NodeForEditQuery>['node']>;

export const IndicatorForEditQuery = graphql(
  `
    query IndicatorForEdit($id: ID!) { indicator(id: $id) { ...EditableIndicatorFields } }
  `,
  [EditableIndicatorFields],
);

export const EditNodeMutation = graphql(
  `
    mutation EditNode($id: ID!, $version: Int!, $code: String, $title: String, $description: String, $note: String, $weight: Float, $achievementOperator: Operator, $achievementValue: Float) {
      updateNode(id: $id, version: $version, code: $code, title: $title, description: $description, note: $note, weight: $weight, achievementOperator: $achievementOperator, achievementValue: $achievementValue) { ...EditableNodeOwnFields }
    }
  `,
  [EditableNodeOwnFields],
);
/** The node fields a save changes: absent ones are left as they are by the API, null clears. */
export type NodeChanges = Omit<VariablesOf<typeof EditNodeMutation>, 'id' | 'version'>;

export const EditIndicatorMutation = graphql(
  `
    mutation EditIndicator($id: ID!, $version: Int!, $name: String, $fields: IndicatorFieldsInput) {
      updateIndicator(id: $id, version: $version, name: $name, fields: $fields) { ...EditableIndicatorFields }
    }
  `,
  [EditableIndicatorFields],
);
/** The indicator fields a save changes (IndicatorFieldsInput, plus the name): absent ones untouched, null clears. */
export type IndicatorChanges = Omit<VariablesOf<typeof EditIndicatorMutation>, 'id' | 'version'>;

export const MoveNodeMutation = graphql(`
  mutation MoveNode($id: ID!, $version: Int!, $parentId: ID, $position: Int) {
    moveNode(id: $id, version: $version, parentId: $parentId, position: $position) { id parentId position version }
  }
`);

/** A group of weights that no longer sums to 100 after a deletion (cycle.weightIssues' shape). */
export type WeightIssueRow = ResultOf<typeof WeightIssueFields>;

/** The whole tree of a cycle, only what says what a node's deletion takes with it (read fresh when asked). */
export const PlanShapeQuery = graphql(`
  query PlanShape($cycleId: ID!) {
    cycle(id: $cycleId) { id nodes { id parentId indicators { id } } }
  }
`);

/** An indicator with its targets: what its deletion takes with it, and the version to send. */
export const IndicatorForDeleteQuery = graphql(`
  query IndicatorForDelete($id: ID!) { indicator(id: $id) { id code name version targets { id year } } }
`);

export const DeleteNodeMutation = graphql(
  `
    mutation DeleteNode($id: ID!, $version: Int!, $expectedNodes: Int, $expectedIndicators: Int) {
      deleteNode(id: $id, version: $version, expectedNodes: $expectedNodes, expectedIndicators: $expectedIndicators) {
        id nodeIds indicatorIds targetIds parent { id code } weightIssues { ...WeightIssueFields }
      }
    }
  `,
  [WeightIssueFields],
);
export type DeletedNodeResult = ResultOf<typeof DeleteNodeMutation>['deleteNode'];

export const DeleteIndicatorMutation = graphql(
  `
    mutation DeleteIndicator($id: ID!, $version: Int!) {
      deleteIndicator(id: $id, version: $version) { id targetIds node { id code } weightIssues { ...WeightIssueFields } }
    }
  `,
  [WeightIssueFields],
);
export type DeletedIndicatorResult = ResultOf<typeof DeleteIndicatorMutation>['deleteIndicator'];
