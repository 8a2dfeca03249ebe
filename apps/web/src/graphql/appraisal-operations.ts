// The operations of the appraisal screen ("Valutazioni individuali", /valutazioni), against
// apps/api/schema.graphql: whom the viewer may consult (people and units), the cycle's SMVP role profiles,
// a person's individual scorecard with every explanation, and setAppraisal.
import { gql, type TypedDocumentNode } from '@urql/core';
import type { PersonScorecard, ScorecardComponentRow } from './types.js';

/** A person of the chamber with their units (and each unit's parent, to find the units below a manager's). */
export type AppraisalPerson = {
  id: string;
  displayName: string;
  position: string | null;
  active: boolean;
  units: { head: boolean; unit: { id: string; code: string; name: string } }[];
};
export type AppraisalUnit = { id: string; parentId: string | null };

export const AppraisalPeopleQuery: TypedDocumentNode<{
  people: { edges: { node: AppraisalPerson }[] };
  units: { edges: { node: AppraisalUnit }[] };
}> = gql`
  query AppraisalPeople {
    people(first: 100) { edges { node { id displayName position active units { head person { id } unit { id code name } } } } }
    units(first: 100) { edges { node { id parentId } } }
  }
`;

/** One role profile of the cycle's SMVP (`smvp.individualWeights`): the weights of the four components, in percent. */
export type RoleProfile = { role: string; entity: number; unit: number; individual: number; behaviour: number };

export const CycleRoleProfilesQuery: TypedDocumentNode<{ cycle: { id: string; year: number; smvp: unknown } }, { cycleId: string }> = gql`
  query CycleRoleProfiles($cycleId: ID!) { cycle(id: $cycleId) { id year smvp } }
`;

/** The role profiles of a cycle's SMVP (JSON from the API), the malformed entries left out. */
export function roleProfilesOf(smvp: unknown): RoleProfile[] {
  const list = (smvp as { individualWeights?: unknown } | null | undefined)?.individualWeights;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    const w = entry as Partial<Record<keyof RoleProfile, unknown>> | null;
    if (!w || typeof w.role !== 'string') return [];
    const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    return [{ role: w.role, entity: n(w.entity), unit: n(w.unit), individual: n(w.individual), behaviour: n(w.behaviour) }];
  });
}

/** A person's scorecard as this screen reads it: with the appraisal's note and each component's explanation. */
export type AppraisalScorecard = Omit<PersonScorecard, 'appraisal' | 'scorecard'> & {
  personId: string;
  cycleId: string;
  periodDate: string | null;
  appraisal: { id: string; roleProfile: string; behaviourScore: number | null; note: string | null; version: number } | null;
  scorecard:
    | (Omit<NonNullable<PersonScorecard['scorecard']>, 'components'> & { components: (ScorecardComponentRow & { explanation: unknown })[] })
    | null;
};

const PERSON_SCORECARD = `personId cycleId periodDate
  appraisal { id roleProfile behaviourScore note version }
  scorecard { roleProfile score computable missingPolicy explanation components { component weight score contribution missing explanation } }
  unavailableReason unavailableMessage`;

export const PersonScorecardQuery: TypedDocumentNode<{ personScorecard: AppraisalScorecard }, { personId: string; cycleId: string }> = gql`
  query PersonScorecard($personId: ID!, $cycleId: ID!) { personScorecard(personId: $personId, cycleId: $cycleId) { ${PERSON_SCORECARD} } }
`;

export type SetAppraisalVars = {
  personId: string;
  cycleId: string;
  roleProfile: string;
  behaviourScore: number | null;
  note: string | null;
  version: number | null;
};

export const SetAppraisalMutation: TypedDocumentNode<{ setAppraisal: AppraisalScorecard }, SetAppraisalVars> = gql`
  mutation SetAppraisal($personId: ID!, $cycleId: ID!, $roleProfile: String!, $behaviourScore: Float, $note: String, $version: Int) {
    setAppraisal(personId: $personId, cycleId: $cycleId, roleProfile: $roleProfile, behaviourScore: $behaviourScore, note: $note, version: $version) { ${PERSON_SCORECARD} }
  }
`;
