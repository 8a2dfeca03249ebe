// A labelled picker of one organisational unit (or none), shared by the administration forms.
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../graphql/types.js';

export function UnitSelect({ id, label, units, value, onChange }: { id: string; label: string; units: OrgUnit[]; value: string; onChange: (unitId: string) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} className="form-select form-select-sm" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.none')}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {t('plan.unitOption', { code: u.code, name: u.name })}
          </option>
        ))}
      </select>
    </>
  );
}
