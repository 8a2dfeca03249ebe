import { compileFormula } from '@albero/scoring';
import { BadInputError, NotFoundError } from '../errors.js';
import { assertCycleDraft, assertCycleOpen, assertUpdated, assertVersion, authorizeOnNode, findCycle, requiredText } from '../domain/guards.js';
import { indicatorData, SCORING_FIELDS, type IndicatorFields } from '../domain/indicator-fields.js';
import { assertWeights } from '../domain/weights.js';
import type { TenantScope } from '../tenant.js';

/**
 * Edits an indicator: its description (name, algorithm, source, responsible…) until the cycle closes;
 * what changes its score (type, direction, method, formula, weight, baseline, tolerance) only in a draft.
 */
export async function updateIndicator(
  options: TenantScope & { indicatorId: string; version: number; name?: string | null | undefined; validateWeights?: boolean | null | undefined } & IndicatorFields,
): Promise<void> {
  const { tx, chamberId, indicatorId, version } = options;
  const indicator = await tx.indicator.findUnique({ where: { chamberId_id: { chamberId, id: indicatorId } } });
  if (!indicator) throw new NotFoundError('Indicator', indicatorId);
  await authorizeOnNode(options, 'indicator.edit', indicator.nodeId);
  const cycle = await findCycle(options, indicator.cycleId);
  assertCycleOpen(cycle);
  if (SCORING_FIELDS.some((f) => options[f] !== undefined)) assertCycleDraft(cycle, 'what scores an indicator changes');
  assertVersion('Indicator', indicator, version);
  if (options.formula) {
    const compiled = compileFormula(options.formula);
    if (!compiled.ok) throw new BadInputError(`invalid formula: ${compiled.message}`, { field: 'formula' });
  }
  const result = await tx.indicator.updateMany({
    where: { chamberId, id: indicatorId, version },
    data: { name: options.name != null ? requiredText(options.name, 'name') : indicator.name, ...indicatorData(options) },
  });
  assertUpdated(result, 'Indicator', indicatorId, version);
  if (options.validateWeights && options.weight != null) await assertWeights(tx, chamberId, indicator.nodeId, 'indicators');
}
