// The weights of a node's children, with a live check that they sum to 100 (± 0.01, as the API checks).
import { useId, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { formatNumber, localeOf, parseNumber } from '../../format/format.js';
import { weightSum, weightsSumTo100 } from '../../plan/tree.js';

export type WeightItem = { id: string; code: string; title: string; weight: number; version: number };

export function WeightsEditor({
  parentCode,
  items,
  disabled = false,
  saving = false,
  onSave,
}: {
  parentCode: string;
  items: WeightItem[];
  disabled?: boolean;
  saving?: boolean;
  onSave: (weights: { id: string; version: number; weight: number }[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(items.map((i) => [i.id, formatNumber(i.weight, locale)])));
  const values = items.map((i) => parseNumber(texts[i.id] ?? ''));
  const invalid = items.filter((_, n) => values[n] === null || values[n]! < 0);
  const sum = weightSum(values.map((v) => v ?? 0));
  const ok = invalid.length === 0 && weightsSumTo100(values.map((v) => v ?? 0));
  return (
    <form
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (ok) onSave(items.map((item, n) => ({ id: item.id, version: item.version, weight: values[n] ?? 0 })));
      }}
    >
      <h3 id={`${id}-title`} className="h6">
        {t('plan.weightsOf', { code: parentCode })}
      </h3>
      <table className="table table-sm weights-table">
        <caption className="visually-hidden">{t('plan.weightsOf', { code: parentCode })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.code')}</th>
            <th scope="col">{t('common.title')}</th>
            <th scope="col">{t('common.weight')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, n) => {
            const inputId = `${id}-${item.id}`;
            const bad = values[n] === null || values[n]! < 0;
            return (
              <tr key={item.id}>
                <td>{item.code}</td>
                <td>
                  <label htmlFor={inputId}>{item.title}</label>
                </td>
                <td>
                  <input
                    id={inputId}
                    className={`form-control form-control-sm weight-input${bad ? ' is-invalid' : ''}`}
                    inputMode="decimal"
                    disabled={disabled}
                    value={texts[item.id] ?? ''}
                    aria-invalid={bad ? true : undefined}
                    aria-describedby={`${id}-sum`}
                    onChange={(e) => setTexts((current) => ({ ...current, [item.id]: e.target.value }))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id={`${id}-sum`} role="status" aria-live="polite" className={ok ? 'weight-sum ok' : 'weight-sum bad'} data-testid="weight-sum">
        {invalid.length > 0 ? t('entry.invalidNumber') : ok ? t('plan.weightSumOk') : t('plan.weightSumBad', { sum: formatNumber(sum, locale) })}
      </p>
      <Button type="submit" color="primary" size="sm" disabled={disabled || !ok || saving}>
        {t('plan.saveWeights')}
      </Button>
    </form>
  );
}
