// The operations of the appraisal screen ("Valutazioni individuali", /valutazioni), against
// apps/api/schema.graphql: whom the viewer may consult (people and units), the cycle's SMVP role profiles,
// a person's individual scorecard with every explanation, and setAppraisal.
import { PersonScorecardFields } from '../../graphql/fragments.js';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql/graphql.js';

export const AppraisalPeopleQuery = graphql(`
  query AppraisalPeople {
    people(first: 100) { edges { node { id displayName position active units { head person { id } unit { id code name } } } } }
    units(first: 100) { edges { node { id parentId } } }
  }
`);
/** A person of the chamber with their units (and each unit's parent, to find the units below a manager's). */
export type AppraisalPerson = ResultOf<typeof AppraisalPeopleQuery>['people']['edges'][number]['node'];
export type AppraisalUnit = ResultOf<typeof AppraisalPeopleQuery>['units']['edges'][number]['node'];

/** One role profile of the cycle's SMVP (`smvp.individualWeights`): the weights of the four components, in percent. */
export type RoleProfile = { role: string; entity: number; unit: number; individual: number; behaviour: number };

export const CycleRoleProfilesQuery = graphql(`
  query CycleRoleProfiles($cycleId: ID!) { cycle(id: $cycleId) { id year smvp } }
`);

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

export type AppraisalScorecard = ResultOf<typeof PersonScorecardFields>;

export const PersonScorecardQuery = graphql(
  `
    query PersonScorecard($personId: ID!, $cycleId: ID!) { personScorecard(personId: $personId, cycleId: $cycleId) { ...PersonScorecardFields } }
  `,
  [PersonScorecardFields],
);

export const SetAppraisalMutation = graphql(
  `
    mutation SetAppraisal($personId: ID!, $cycleId: ID!, $roleProfile: String!, $behaviourScore: Float, $note: String, $version: Int) {
      setAppraisal(personId: $personId, cycleId: $cycleId, roleProfile: $roleProfile, behaviourScore: $behaviourScore, note: $note, version: $version) { ...PersonScorecardFields }
    }
  `,
  [PersonScorecardFields],
);
export type SetAppraisalVars = VariablesOf<typeof SetAppraisalMutation>;
