import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context.js';
import { formatDate, localeOf } from '../format/format.js';
import type { SelectedCycle } from '../hooks/use-cycle.js';

/** Year and monitoring-period selectors (30/06, 30/09, 31/12), labelled, bound to the URL. */
export function CycleSelectors({ selected, showPeriod = true }: { selected: SelectedCycle; showPeriod?: boolean }) {
  const { t, i18n } = useTranslation();
  const { cycles } = useSession();
  const yearId = useId();
  const periodId = useId();
  const periods = [...(selected.cycle?.periods ?? [])].sort((a, b) => a.periodDate.localeCompare(b.periodDate));
  return (
    <div className="albero-selectors">
      <div className="albero-select">
        <label htmlFor={yearId}>{t('cruscotto.chooseYear')}</label>
        <select id={yearId} className="form-select" value={selected.year ?? ''} onChange={(e) => selected.setYear(Number(e.target.value))}>
          {cycles.map((c) => (
            <option key={c.id} value={c.year}>
              {t('cruscotto.yearOption', { year: c.year, state: t(`cycleState.${c.state}`) })}
            </option>
          ))}
        </select>
      </div>
      {showPeriod && periods.length > 0 ? (
        <div className="albero-select">
          <label htmlFor={periodId}>{t('cruscotto.choosePeriod')}</label>
          <select id={periodId} className="form-select" value={selected.period?.id ?? ''} onChange={(e) => selected.setPeriod(e.target.value)}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {t('cruscotto.periodOption', { date: formatDate(p.periodDate, localeOf(i18n.language)), state: t(`periodState.${p.state}`) })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
