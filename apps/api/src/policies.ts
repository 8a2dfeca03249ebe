// Who may do what: the single place where the API's authorisation rules are written (à la Outline).
// Every GraphQL field names the action it needs (its auth scope); use cases then call `authorize` with
// the facts of the resource they loaded, before any write. Tenancy itself is enforced by PostgreSQL
// (row-level security), so these rules only ever decide among the rows of the caller's own chamber.
import type { ApiActor, PersonFacts } from './actor.js';
import type { ChamberRole } from './auth/identity.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

/**
 * How a chamber role holds an action:
 * - `any`: on every resource of the chamber;
 * - `unit`: on resources one of whose responsible units is a unit of the person;
 * - `assigned`: as `unit`, or when the resource is assigned to the person by name.
 */
export type Condition = 'any' | 'unit' | 'assigned';

type Rule = {
  /** Anyone, signed in or not (the published report). */
  public?: true;
  /** Any verified caller, whatever their role. */
  authenticated?: true;
  platform?: true;
  unioncamere?: true;
  chamber?: Partial<Record<ChamberRole, Condition>>;
};

const everyChamberRole = { 'chamber-admin': 'any', manager: 'any', staff: 'any', oiv: 'any' } as const;
const admin = { 'chamber-admin': 'any' } as const;

/** The rules. Reviewed as a permission change whenever test/__snapshots__/permissions.test.ts.snap moves. */
export const RULES = {
  'viewer.read': { authenticated: true },
  'report.readPublished': { public: true },

  'chamber.list': { platform: true },
  'chamber.subscribe': { platform: true },
  'chamber.suspend': { platform: true },
  'chamber.read': { platform: true, chamber: everyChamberRole },

  'unit.read': { chamber: everyChamberRole },
  'unit.manage': { chamber: admin },
  'person.read': { chamber: everyChamberRole },
  'person.manage': { chamber: admin },
  // People's logins in Keycloak (invite, roles, disable, resend the invitation): the chamber administrator,
  // for members of the chamber's own organization and the chamber roles only (use-cases/manage-logins.ts).
  'login.manage': { chamber: admin },

  'cycle.read': { chamber: everyChamberRole },
  'cycle.manage': { chamber: admin },
  'cycle.publish': { chamber: admin },
  'report.validate': { chamber: { oiv: 'any' } },

  'node.create': { chamber: admin },
  'node.edit': { chamber: { 'chamber-admin': 'any', manager: 'unit' } },
  'tree.restructure': { chamber: admin },
  'node.assign': { chamber: admin },
  'indicator.create': { chamber: { 'chamber-admin': 'any', manager: 'unit' } },
  'indicator.edit': { chamber: { 'chamber-admin': 'any', manager: 'unit' } },
  // Removing part of a draft plan (a node with its subtree, an indicator with its targets) reshapes the tree
  // as creating nodes does: the administration's, never a manager's, even on an objective of their unit.
  'node.delete': { chamber: admin },
  'indicator.delete': { chamber: admin },
  'target.manage': { chamber: admin },
  'variable.manage': { chamber: admin },

  'measurement.read': { chamber: everyChamberRole },
  'measurement.enter': { chamber: { 'chamber-admin': 'any', manager: 'assigned', staff: 'assigned' } },
  'measurement.review': { chamber: { 'chamber-admin': 'any', manager: 'unit' } },
  'override.set': { chamber: { oiv: 'any', 'chamber-admin': 'any' } },

  'score.read': { chamber: everyChamberRole },
  'objectives.readOwn': { chamber: everyChamberRole },
  'audit.read': { chamber: { 'chamber-admin': 'any', oiv: 'any' } },

  // Individual scorecards (docs/api.md, "Individual scorecards"). Everyone reads their own; another
  // person's is for the administration, the managers of that person's units (or of a unit above them) and
  // the OIV, who assesses the system. The appraisal inputs (role profile, behaviour score) are recorded by
  // the evaluator's office, the chamber administration (Segretario Generale / controller), never by the OIV
  // (it proposes the Segretario Generale's assessment; the Giunta decides; the administration records it)
  // and never by the person appraised (use case set-appraisal.ts refuses a self-appraisal).
  'scorecard.readOwn': { chamber: everyChamberRole },
  'scorecard.read': { chamber: { 'chamber-admin': 'any', manager: 'unit', oiv: 'any' } },
  'appraisal.manage': { chamber: admin },

  // Benchmarking (docs/benchmarking.md): the catalogues are reference data for every signed-in caller; the
  // comparison across chambers is for Unioncamere and for those who steer or assess a chamber (staff enter
  // values, they do not read peers' figures); the platform operator has none (PostgreSQL refuses it too).
  'benchmark.catalogue': { authenticated: true },
  'benchmark.read': { unioncamere: true, chamber: { 'chamber-admin': 'any', manager: 'any', oiv: 'any' } },
  'benchmark.publishCatalogue': { unioncamere: true },
  'benchmark.shareName': { chamber: admin },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof RULES;
export const ACTIONS = Object.keys(RULES) as Action[];

/** The facts of a resource that conditional rules look at: its responsible units and assigned people. */
export type ResourceFacts = { unitIds: readonly string[]; personIds: readonly string[] };

function holds(condition: Condition, person: PersonFacts | null, resource: ResourceFacts): boolean {
  if (condition === 'any') return true;
  if (person === null) return false;
  const inUnit = resource.unitIds.some((u) => person.unitIds.includes(u));
  return condition === 'unit' ? inUnit : inUnit || resource.personIds.includes(person.personId);
}

/** The conditions under which the actor's roles grant the action (empty: never). */
export function grants(actor: ApiActor, action: Action): Condition[] {
  const rule: Rule = RULES[action];
  if (rule.public) return ['any'];
  if (actor.kind === 'anonymous') return [];
  if (rule.authenticated) return ['any'];
  if (actor.kind === 'platform') return rule.platform ? ['any'] : [];
  if (actor.kind === 'unioncamere') return rule.unioncamere ? ['any'] : [];
  return actor.roles.flatMap((role) => {
    const condition = rule.chamber?.[role];
    return condition === undefined ? [] : [condition];
  });
}

/** Whether the actor may attempt the action at all: the field-level gate, before any data is read. */
export function mayAttempt(actor: ApiActor, action: Action): boolean {
  return grants(actor, action).length > 0;
}

/** Whether the actor may do the action on a resource with these facts. */
export function can(actor: ApiActor, action: Action, resource?: ResourceFacts, person: PersonFacts | null = null): boolean {
  const conditions = grants(actor, action);
  if (conditions.includes('any')) return true;
  if (resource === undefined) return false;
  return conditions.some((c) => holds(c, person, resource));
}

/** Whether deciding the action needs the caller's person record (a conditional grant). */
export function needsPerson(actor: ApiActor, action: Action): boolean {
  const conditions = grants(actor, action);
  return conditions.length > 0 && !conditions.includes('any');
}

/** Throws FORBIDDEN (or UNAUTHENTICATED for an anonymous caller) unless `can` allows the action. */
export function authorize(actor: ApiActor, action: Action, resource?: ResourceFacts, person: PersonFacts | null = null): void {
  if (can(actor, action, resource, person)) return;
  if (actor.kind === 'anonymous') throw new UnauthenticatedError('sign in to do this');
  throw new ForbiddenError(`not allowed: ${action}`, { action });
}
