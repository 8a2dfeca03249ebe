// Compares the figures a plan file records as published (Relazione sulla Performance) with the scored
// ones. Only types are imported from @albero/plan-format.
import type { PlanFile, PlanNode } from '@albero/plan-format';
import type { IndividualObjectivesResult } from './individual.js';
import { report } from './report.js';
import type { NodeResult, Rounding, ScoredTree } from './types.js';

/** One published figure beside the computed one. */
export type PublishedCheck = {
  code: string;
  kind: 'node' | 'indicator' | 'entity';
  field: 'score' | 'achievement' | 'rating' | 'meanOfResults' | 'performance' | 'systemObjectivesMean';
  published: number | string;
  computed: number | string | null;
  equal: boolean;
  source?: string;
};

/** Every published figure of the plan (node and indicator scores, achievements, ratings, individual objectives) beside the computed one, equal after rounding both by the SMVP's rounding. */
export function comparePublished(
  plan: PlanFile,
  scored: ScoredTree,
  individual: readonly IndividualObjectivesResult[],
  rounding: Rounding,
): PublishedCheck[] {
  const checks: PublishedCheck[] = [];
  const walk = (planNodes: readonly PlanNode[], results: readonly NodeResult[]) => {
    planNodes.forEach((p, i) => {
      const r = results[i];
      if (r === undefined || r.code !== p.code) throw new Error(`scored tree does not match the plan at ${p.code}`);
      const pub = p.published;
      if (pub?.score !== undefined) checks.push(numeric(r.code, 'node', 'score', pub.score, r.result, rounding, pub.source));
      if (pub?.achievement !== undefined) {
        checks.push(numeric(r.code, 'node', 'achievement', pub.achievement, r.achievement ?? null, rounding, pub.source));
      }
      if (pub?.rating !== undefined) checks.push(label(r.code, 'node', pub.rating, r.rating ?? null, pub.source));
      p.indicators.forEach((ind, j) => {
        const ir = r.indicators[j];
        const ipub = ind.published;
        if (ir === undefined || ipub === undefined) return;
        if (ipub.score !== undefined) checks.push(numeric(ir.code, 'indicator', 'score', ipub.score, ir.score, rounding, ipub.source));
        if (ipub.rating !== undefined) checks.push(label(ir.code, 'indicator', ipub.rating, null, ipub.source));
      });
      walk(p.children, r.children);
    });
  };
  walk(plan.tree, scored.nodes);
  const entity = plan.published;
  if (entity?.entityMeanOfResults !== undefined) {
    checks.push(numeric('entity', 'entity', 'meanOfResults', entity.entityMeanOfResults, scored.entity?.meanOfResults ?? null, rounding, entity.source));
  }
  if (entity?.entityPerformance !== undefined) {
    checks.push(numeric('entity', 'entity', 'performance', entity.entityPerformance, scored.entity?.performance ?? null, rounding, entity.source));
  }
  if (entity?.systemObjectivesMean !== undefined) {
    checks.push(
      numeric('entity', 'entity', 'systemObjectivesMean', entity.systemObjectivesMean, scored.systemObjectives?.mean ?? null, rounding, entity.source),
    );
  }
  plan.individualObjectives.forEach((io, i) => {
    const r = individual[i];
    if (r === undefined) return;
    walk(io.objectives, r.objectives);
    if (io.published?.score !== undefined) {
      checks.push(numeric(io.person, 'node', 'score', io.published.score, r.result, rounding, io.published.source));
    }
  });
  return checks;
}

function numeric(
  code: string,
  kind: PublishedCheck['kind'],
  field: PublishedCheck['field'],
  published: number,
  computed: number | null,
  rounding: Rounding,
  source: string | undefined,
): PublishedCheck {
  const cfg = { rounding };
  const check: PublishedCheck = { code, kind, field, published, computed, equal: computed !== null && report(published, cfg) === report(computed, cfg) };
  if (source !== undefined) check.source = source;
  return check;
}

function label(code: string, kind: PublishedCheck['kind'], published: string, computed: string | null, source: string | undefined): PublishedCheck {
  const check: PublishedCheck = {
    code,
    kind,
    field: 'rating',
    published,
    computed,
    equal: computed !== null && published.trim().toLowerCase() === computed.trim().toLowerCase(),
  };
  if (source !== undefined) check.source = source;
  return check;
}
