// The cycle (year) and monitoring period the screens show, kept in the URL (?anno=2024&periodo=…).
import { useSearchParams } from 'react-router';
import { useSearchParamUpdater } from './use-search-param-updater.js';
import { useSession } from '../session/session-context.js';
import type { CycleSummary, Period } from '../graphql/types.js';

export type SelectedCycle = {
  cycle: CycleSummary | undefined;
  year: number | undefined;
  period: Period | undefined;
  setYear(year: number): void;
  setPeriod(periodId: string): void;
};

/**
 * The cycle named by ?anno (otherwise the latest that is not a draft: the one people are working on) and the
 * period named by ?periodo (the cycle's last otherwise).
 */
export function useSelectedCycle(): SelectedCycle {
  const { cycles } = useSession();
  const [params] = useSearchParams();
  const update = useSearchParamUpdater();
  const requested = Number(params.get('anno'));
  const cycle = cycles.find((c) => c.year === requested) ?? cycles.find((c) => c.state !== 'draft') ?? cycles[0];
  const periods = [...(cycle?.periods ?? [])].sort((a, b) => a.periodDate.localeCompare(b.periodDate));
  const period = periods.find((p) => p.id === params.get('periodo')) ?? periods.at(-1);
  return {
    cycle,
    year: cycle?.year,
    period,
    setYear(year) {
      update((next) => {
        next.set('anno', String(year));
        next.delete('periodo');
      });
    },
    setPeriod(periodId) {
      update((next) => next.set('periodo', periodId));
    },
  };
}
