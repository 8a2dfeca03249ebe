// The operations of the mid-year revision of targets (rimodulazione), against apps/api/schema.graphql: the
// cycle's revisions, opening one, and a revised target beside the original.
import { gql, type TypedDocumentNode } from '@urql/core';
import type { CycleState, Operator, Target } from './types.js';

/** A revision of an approved plan: when, why, and the Giunta's resolution that decided it. */
export type PlanRevision = {
  id: string;
  revisedOn: string;
  reason: string;
  resolutionNumber: string | null;
  resolutionDate: string | null;
};

/** The typed values of a revised target (one kind of value, matching the indicator; thresholds for numbers and dates). */
export type RevisedTargetValues = {
  operator: Operator;
  valueNumber?: number | null;
  valueDate?: string | null;
  valueBoolean?: boolean | null;
  threshold80Number?: number | null;
  threshold60Number?: number | null;
  threshold80Date?: string | null;
  threshold60Date?: string | null;
};

// The same selection of a target as IndicatorQuery's, so that the cache updates the indicator page.
const TARGET = `id year operator valueNumber valueDate valueBoolean threshold80Number threshold60Number threshold80Date threshold60Date label relativeToBaseline revision { id revisedOn reason } version`;
const REVISION = 'id revisedOn reason resolutionNumber resolutionDate';

export type CycleRevisionsData = { cycle: { id: string; year: number; state: CycleState; version: number; revisions: PlanRevision[] } };
export const CycleRevisionsQuery: TypedDocumentNode<CycleRevisionsData, { id: string }> = gql`
  query CycleRevisions($id: ID!) { cycle(id: $id) { id year state version revisions { ${REVISION} } } }
`;

export type CreateRevisionVars = { cycleId: string; revisedOn: string; reason: string; resolutionNumber?: string | null; resolutionDate?: string | null };
export const CreateRevisionMutation: TypedDocumentNode<{ createRevision: PlanRevision }, CreateRevisionVars> = gql`
  mutation CreateRevision($cycleId: ID!, $revisedOn: Date!, $reason: String!, $resolutionNumber: String, $resolutionDate: Date) {
    createRevision(cycleId: $cycleId, revisedOn: $revisedOn, reason: $reason, resolutionNumber: $resolutionNumber, resolutionDate: $resolutionDate) { ${REVISION} }
  }
`;

export type ReviseTargetVars = { id: string; version: number; revisionId: string; values: RevisedTargetValues; label?: string | null };
export const ReviseTargetMutation: TypedDocumentNode<{ reviseTarget: Target }, ReviseTargetVars> = gql`
  mutation ReviseTarget($id: ID!, $version: Int!, $revisionId: ID!, $values: TargetValuesInput!, $label: String) {
    reviseTarget(id: $id, version: $version, revisionId: $revisionId, values: $values, label: $label) { ${TARGET} }
  }
`;
