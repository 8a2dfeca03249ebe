// The operations of the mid-year revision of targets (rimodulazione), against apps/api/schema.graphql: the
// cycle's revisions, opening one, and a revised target beside the original.
import { PlanRevisionFields, TargetFields } from '../../graphql/fragments.js';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql.js';

export type PlanRevision = ResultOf<typeof PlanRevisionFields>;

export const CycleRevisionsQuery = graphql(
  `
    query CycleRevisions($id: ID!) { cycle(id: $id) { id year state version revisions { ...PlanRevisionFields } } }
  `,
  [PlanRevisionFields],
);
export type CycleRevisionsData = ResultOf<typeof CycleRevisionsQuery>;

export const CreateRevisionMutation = graphql(
  `
    mutation CreateRevision($cycleId: ID!, $revisedOn: Date!, $reason: String!, $resolutionNumber: String, $resolutionDate: Date) {
      createRevision(cycleId: $cycleId, revisedOn: $revisedOn, reason: $reason, resolutionNumber: $resolutionNumber, resolutionDate: $resolutionDate) { ...PlanRevisionFields }
    }
  `,
  [PlanRevisionFields],
);
export type CreateRevisionVars = VariablesOf<typeof CreateRevisionMutation>;

// The same selection of a target as IndicatorQuery's (TargetFields), so that the cache updates the indicator page.
export const ReviseTargetMutation = graphql(
  `
    mutation ReviseTarget($id: ID!, $version: Int!, $revisionId: ID!, $values: TargetValuesInput!, $label: String) {
      reviseTarget(id: $id, version: $version, revisionId: $revisionId, values: $values, label: $label) { ...TargetFields }
    }
  `,
  [TargetFields],
);
export type ReviseTargetVars = VariablesOf<typeof ReviseTargetMutation>;
/** The typed values of a revised target (one kind of value, matching the indicator; thresholds for numbers and dates). */
export type RevisedTargetValues = ReviseTargetVars['values'];
