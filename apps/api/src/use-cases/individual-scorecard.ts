// A person's individual scorecard for a cycle (scheda di valutazione individuale): the role profile of their
// appraisal, weighted by the cycle's SMVP (`individualWeights`), over four components computed from the
// cycle's scores — entity performance, their units' objectives, their own individual objectives — and the
// behaviour score of the appraisal; combined by @albero/scoring's scoreIndividual.
import { smvpSchema } from '@albero/plan-format';
import {
  aggregate,
  report,
  scoreIndividual,
  type IndividualScorecard,
  type MeanExplanation,
  type MeanInput,
  type MissingPolicy,
  type NotComputableExplanation,
  type RoleWeights,
  type Rounding,
  type ScorecardComponentName,
} from '@albero/scoring';
import { NotFoundError } from '../errors.js';
import { findCycle } from '../domain/guards.js';
import { inOrder } from '../domain/in-order.js';
import { authorize, needsPerson } from '../policies.js';
import type { TenantScope } from '../tenant.js';
import type { CycleScores } from './score-cycle.js';

export type AppraisalView = { id: string; roleProfile: string; behaviourScore: number | null; note: string | null; version: number };

/** Where a component's score comes from: the engine explanation behind it and the nodes it covers. */
export type ComponentSource = { explanation: unknown; nodeIds: string[] };

export type ScorecardView = {
  roleProfile: string;
  weights: RoleWeights;
  missingPolicy: MissingPolicy;
  rounding: Rounding;
  card: IndividualScorecard;
  sources: Record<ScorecardComponentName, ComponentSource>;
};

export type UnavailableReason = 'no_appraisal' | 'unknown_profile';

export type PersonScorecard = {
  personId: string;
  cycleId: string;
  period: { id: string; date: Date } | null;
  appraisal: AppraisalView | null;
  scorecard: ScorecardView | null;
  unavailable: { reason: UnavailableReason; message: string } | null;
};

type Options = TenantScope & { cycleId: string; scores: () => Promise<CycleScores> };

/** The signed-in person's scorecard (NOT_FOUND when the caller has no person record in the chamber). */
export async function myScorecard(options: Options): Promise<PersonScorecard> {
  authorize(options.actor, 'scorecard.readOwn');
  const me = await options.person();
  if (!me) throw new NotFoundError('Person', 'of the signed-in user');
  return computeScorecard(options, me.personId);
}

/** Another person's scorecard: the administration, the OIV, and managers of a unit of the person (or above it). */
export async function personScorecard(options: Options & { personId: string }): Promise<PersonScorecard> {
  const { tx, chamberId, personId } = options;
  const person = await tx.person.findUnique({ where: { chamberId_id: { chamberId, id: personId } }, select: { id: true, units: { select: { unitId: true } } } });
  if (!person) throw new NotFoundError('Person', personId);
  const facts = { unitIds: person.units.map((u) => u.unitId), personIds: [personId] };
  authorize(options.actor, 'scorecard.read', facts, needsPerson(options.actor, 'scorecard.read') ? await options.person() : null);
  return computeScorecard(options, personId);
}

const notComputable = (message: string): NotComputableExplanation => ({ rule: 'not-computable', reason: 'missing-input', detail: { message } });

/**
 * The scorecard of a person known to be of the chamber. Components:
 * - entity: the entity performance of the cycle's scorecard (mean of the achievements over the SMVP's entity level);
 * - unit: the simple mean of the measured results of the nodes whose own responsible units (plan_node_unit)
 *   include one of the person's units (their direct memberships), individual objectives excluded;
 * - individual: the weighted mean (node weights) of the measured results of the person's individual objectives,
 *   the nodes assigned to them with role owner (topmost ones: an owned node's descendants count through it);
 * - behaviour: the appraisal's behaviour score.
 * The two means follow the cycle's missing-value policy (engine `aggregate`); the total follows scoreIndividual:
 * a missing component with a positive weight makes the scorecard not computable, a weight of 0 ignores it.
 */
export async function computeScorecard(options: Options, personId: string): Promise<PersonScorecard> {
  const { tx, chamberId, cycleId } = options;
  const cycle = await findCycle(options, cycleId);
  const appraisalRow = await tx.appraisal.findUnique({ where: { chamberId_cycleId_personId: { chamberId, cycleId, personId } } });
  const appraisal: AppraisalView | null = appraisalRow && {
    id: appraisalRow.id,
    roleProfile: appraisalRow.roleProfile,
    behaviourScore: appraisalRow.behaviourScore?.toNumber() ?? null,
    note: appraisalRow.note,
    version: appraisalRow.version,
  };
  const scores = await options.scores();
  const base = { personId, cycleId, period: scores.period, appraisal };
  if (!appraisal) {
    return { ...base, scorecard: null, unavailable: { reason: 'no_appraisal', message: 'no appraisal recorded for this person in this cycle: the role profile is unknown' } };
  }
  const smvp = smvpSchema.parse(cycle.smvp ?? {});
  const profile = smvp.individualWeights.find((w) => w.role === appraisal.roleProfile);
  if (!profile) {
    return {
      ...base,
      scorecard: null,
      unavailable: { reason: 'unknown_profile', message: `the role profile "${appraisal.roleProfile}" is not among the SMVP's individual weights of this cycle` },
    };
  }

  const [memberships, owned, nodeUnits, nodes] = await inOrder(
    () => tx.personUnit.findMany({ where: { chamberId, personId }, select: { unitId: true } }),
    () => tx.planNodePerson.findMany({ where: { chamberId, personId, role: 'owner', node: { cycleId } }, select: { nodeId: true } }),
    () => tx.planNodeUnit.findMany({ where: { chamberId, node: { cycleId } }, select: { nodeId: true, unitId: true } }),
    () => tx.planNode.findMany({ where: { chamberId, cycleId }, select: { id: true, parentId: true, level: { select: { kind: true } } } }),
  );
  const policy = smvp.missingPolicy;
  const score = (nodeId: string) => scores.byNode.get(nodeId)?.result;
  const term = (nodeId: string, weight: number): MeanInput => ({ code: score(nodeId)?.code ?? nodeId, weight, score: score(nodeId)?.exactResult ?? null });
  const valueOf = (e: MeanExplanation | NotComputableExplanation) => (e.rule === 'not-computable' ? null : e.score);

  // Entity.
  const entity = scores.tree.entity;
  const entityExplanation = entity ? entity.performanceExplanation : notComputable('the SMVP names no entity level');

  // Unit: nodes (not individual objectives) whose own responsible units include one of the person's units.
  const units = new Set(memberships.map((m) => m.unitId));
  const individualNodes = new Set(nodes.filter((n) => n.level.kind === 'individual').map((n) => n.id));
  const unitNodeIds = [...new Set(nodeUnits.filter((u) => units.has(u.unitId) && !individualNodes.has(u.nodeId)).map((u) => u.nodeId))];
  const order = new Map(scores.nodes.map((n, i) => [n.nodeId, i] as const));
  unitNodeIds.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const unitExplanation = aggregate(unitNodeIds.map((id) => term(id, 1)), 'simple-mean', policy, 'children');

  // Individual: the topmost nodes the person owns.
  const ownedIds = new Set(owned.map((o) => o.nodeId));
  const parent = new Map(nodes.map((n) => [n.id, n.parentId] as const));
  const hasOwnedAncestor = (id: string) => {
    for (let at = parent.get(id); at; at = parent.get(at)) if (ownedIds.has(at)) return true;
    return false;
  };
  const individualNodeIds = [...ownedIds].filter((id) => !hasOwnedAncestor(id)).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const individualExplanation = aggregate(individualNodeIds.map((id) => term(id, score(id)?.weight ?? 0)), 'weighted-mean', policy, 'children');

  const rounding: Rounding = { decimals: smvp.rounding.decimals, mode: smvp.rounding.mode };
  const weights: RoleWeights = { role: profile.role, entity: profile.entity, unit: profile.unit, individual: profile.individual, behaviour: profile.behaviour };
  const card = scoreIndividual(
    weights,
    {
      entity: entity?.exactPerformance ?? null,
      unit: valueOf(unitExplanation),
      individual: valueOf(individualExplanation),
      behaviour: appraisal.behaviourScore,
    },
    rounding,
  );
  return {
    ...base,
    unavailable: null,
    scorecard: {
      roleProfile: profile.role,
      weights,
      missingPolicy: policy,
      rounding,
      card,
      sources: {
        entity: { explanation: entityExplanation, nodeIds: [] },
        unit: { explanation: unitExplanation, nodeIds: unitNodeIds },
        individual: { explanation: individualExplanation, nodeIds: individualNodeIds },
        behaviour: {
          explanation: appraisal.behaviourScore === null ? notComputable('no behaviour score in the appraisal') : { rule: 'behaviour-assessment', score: appraisal.behaviourScore },
          nodeIds: [],
        },
      },
    },
  };
}

/** A reported (rounded) figure of a scorecard. */
export const reported = (value: number | null, rounding: Rounding) => report(value, { rounding });
