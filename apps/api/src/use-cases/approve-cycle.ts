import { BadInputError } from '../errors.js';
import { assertCycleDraft, assertUpdated, assertVersion, authorizeInChamber, findCycle, requiredText } from '../domain/guards.js';
import { weightIssues } from '../domain/weights.js';
import type { TenantScope } from '../tenant.js';

/** Records the Giunta's approval of the plan (resolution number and date): the plan's structure is then fixed. */
export async function approveCycle(
  options: TenantScope & {
    cycleId: string;
    version: number;
    resolutionNumber: string;
    resolutionDate: Date;
    resolutionBody?: string | null | undefined;
    validateWeights?: boolean | null | undefined;
  },
): Promise<void> {
  const { tx, chamberId, cycleId, version } = options;
  authorizeInChamber(options, 'cycle.manage');
  const cycle = await findCycle(options, cycleId);
  assertCycleDraft(cycle, 'approval happens');
  assertVersion('Cycle', cycle, version);
  if (options.validateWeights) {
    const issues = await weightIssues(tx, chamberId, cycleId);
    if (issues.length > 0) throw new BadInputError(`${issues.length} group(s) of weights do not sum to 100`, { weightIssues: issues });
  }
  const result = await tx.cycle.updateMany({
    where: { chamberId, id: cycleId, version },
    data: {
      state: 'approved',
      resolutionNumber: requiredText(options.resolutionNumber, 'resolutionNumber', 1),
      resolutionDate: options.resolutionDate,
      resolutionBody: options.resolutionBody?.trim() || 'Giunta',
    },
  });
  assertUpdated(result, 'Cycle', cycleId, version);
}
