// Data entry for one indicator and one open period: the value (or the formula's inputs), immediate
// validation, save as draft or submit for approval. Saved through useVersionedSave: a stale edit (CONFLICT) opens
// its dialog and keeps what was typed; "reload and retry" reads the current version and sends the same values again.
import { useId, useState, type FormEvent } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { formatDate, localeOf, parseNumber } from '../../format/format.js';
import { EnterMeasurementMutation, IndicatorQuery, SubmitMeasurementMutation, type EnterMeasurementVars } from '../../graphql/operations.js';
import type { Measurement, ValueType } from '../../graphql/types.js';
import { formulaVariables } from '../../plan/formula.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { rereadQuery, SelectInput, TextArea, TextInput, useVersionedSave, type Read } from '../../components/form/index.js';

export type MeasurementFormProps = {
  indicator: { id: string; code: string | null; name: string; unit: string | null; valueType: ValueType; formula: string | null };
  period: { id: string; periodDate: string };
  measurement: Measurement | null;
  onDone?: () => void;
};

type Draft = { value: string; inputs: Record<string, string>; note: string };

function initialDraft(measurement: Measurement | null, variables: string[]): Draft {
  const inputs: Record<string, string> = {};
  for (const name of variables) {
    const v = measurement?.inputs?.[name];
    inputs[name] = typeof v === 'number' ? String(v).replace('.', ',') : '';
  }
  const value =
    measurement?.valueNumber !== null && measurement?.valueNumber !== undefined
      ? String(measurement.valueNumber).replace('.', ',')
      : (measurement?.valueDate ?? (measurement?.valueBoolean === null || measurement?.valueBoolean === undefined ? '' : String(measurement.valueBoolean)));
  return { value, inputs, note: measurement?.note ?? '' };
}

/** Validation messages (i18n keys) by field, computed as the person types. */
export function validateDraft(draft: Draft, valueType: ValueType, variables: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (variables.length > 0) {
    for (const name of variables) {
      const text = draft.inputs[name] ?? '';
      if (text.trim() === '') errors[`input:${name}`] = 'entry.requiredValue';
      else if (parseNumber(text) === null) errors[`input:${name}`] = 'entry.invalidNumber';
    }
    return errors;
  }
  if (draft.value.trim() === '') errors.value = 'entry.requiredValue';
  else if ((valueType === 'number' || valueType === 'qualitative') && parseNumber(draft.value) === null) errors.value = 'entry.invalidNumber';
  else if (valueType === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.value)) errors.value = 'entry.invalidDate';
  return errors;
}

function variablesOf(draft: Draft, valueType: ValueType, variables: string[]): Omit<EnterMeasurementVars, 'indicatorId' | 'periodId' | 'version'> {
  const note = draft.note.trim() === '' ? null : draft.note.trim();
  if (variables.length > 0) {
    return { inputs: Object.fromEntries(variables.map((name) => [name, parseNumber(draft.inputs[name] ?? '') ?? 0])), note };
  }
  if (valueType === 'date') return { valueDate: draft.value, note };
  if (valueType === 'boolean') return { valueBoolean: draft.value === 'true', note };
  return { valueNumber: parseNumber(draft.value), note };
}

export function MeasurementForm({ indicator, period, measurement, onDone }: MeasurementFormProps) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const formId = useId();
  const variables = formulaVariables(indicator.formula);
  const [touched, setTouched] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [, enter] = useMutation(EnterMeasurementMutation);
  const [, submit] = useMutation(SubmitMeasurementMutation);
  const toRead = (m: Measurement | null): Read<Draft, number | null> => ({ values: initialDraft(m, variables), version: m?.version ?? null });
  const form = useVersionedSave({
    read: toRead(measurement),
    // The buttons say what to do (save as draft, or save and submit); the value is sent whole.
    diff: () => ({ submit: false }),
    send: async (version, { submit: andSubmit }: { submit: boolean }, typed) => {
      const saved = await enter({ indicatorId: indicator.id, periodId: period.id, version, ...variablesOf(typed, indicator.valueType, variables) });
      const m = saved.data?.enterMeasurement;
      if (!andSubmit || !m || saved.error) return { data: m, error: saved.error };
      const sent = await submit({ id: m.id, version: m.version });
      // A stale submission (CONFLICT) is sent again whole, value and submission, on the current version.
      return { data: sent.data?.submitMeasurement, error: sent.error };
    },
    reread: () =>
      rereadQuery(client, IndicatorQuery, { id: indicator.id }, (data) => toRead(data.indicator.measurements.find((m) => m.periodId === period.id) ?? null)),
    saved: (m, typed) => ({ values: typed, version: m.version }),
    onSaved: (_m, { submit: andSubmit }) => {
      setNotice(t(andSubmit ? 'entry.submitted' : 'entry.saved'));
      if (andSubmit) onDone?.();
    },
    describe: (_changes, typed) => {
      const shown = variables.length > 0 ? variables.map((name) => ({ label: name, value: typed.inputs[name] ?? '' })) : [{ label: t('entry.valuePlain'), value: typed.value }];
      if (typed.note) shown.push({ label: t('entry.note'), value: typed.note });
      return shown;
    },
  });
  const draft = form.values;
  const setDraft = form.setValues;
  const errors = validateDraft(draft, indicator.valueType, variables);

  const send = (andSubmit: boolean) => {
    setTouched(true);
    setNotice(null);
    const invalid = Object.keys(errors)[0];
    if (invalid !== undefined) {
      document.getElementById(field(invalid))?.focus();
      return;
    }
    void form.save({ submit: andSubmit });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(true);
  };

  const field = (key: string) => `${formId}-${key.replace(':', '-')}`;
  const errorOf = (key: string) => (touched && errors[key] ? t(errors[key]) : null);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${formId}-title`} className="measurement-form">
      <h3 id={`${formId}-title`} className="h6">
        {t('entry.formFor', { code: indicator.code ?? indicator.name, date: formatDate(period.periodDate, localeOf(i18n.language)) })}
      </h3>
      {measurement?.rejectionReason && measurement.status === 'rejected' ? (
        <p className="alert alert-warning">{t('entry.rejectedBecause', { reason: measurement.rejectionReason })}</p>
      ) : null}
      {variables.length > 0 ? (
        <fieldset>
          <legend className="h6">{t('entry.inputs')}</legend>
          {variables.map((name) => (
            <TextInput
              key={name}
              id={field(`input:${name}`)}
              className="mb-3"
              labelClassName="form-label"
              label={name}
              value={draft.inputs[name] ?? ''}
              error={errorOf(`input:${name}`)}
              inputMode="decimal"
              onChange={(value) => setDraft((d) => ({ ...d, inputs: { ...d.inputs, [name]: value } }))}
            />
          ))}
        </fieldset>
      ) : indicator.valueType === 'boolean' ? (
        <SelectInput
          id={field('value')}
          className="mb-3"
          label={t('entry.valueBoolean')}
          value={draft.value}
          error={errorOf('value')}
          onChange={(value) => setDraft((d) => ({ ...d, value }))}
          options={[
            { value: '', label: '' },
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      ) : (
        <TextInput
          id={field('value')}
          className="mb-3"
          labelClassName="form-label"
          label={indicator.valueType === 'date' ? t('entry.valueDate') : indicator.unit ? t('entry.value', { unit: indicator.unit }) : t('entry.valuePlain')}
          type={indicator.valueType === 'date' ? 'date' : 'text'}
          inputMode={indicator.valueType === 'date' ? undefined : 'decimal'}
          value={draft.value}
          error={errorOf('value')}
          onChange={(value) => {
            setTouched(true);
            setDraft((d) => ({ ...d, value }));
          }}
        />
      )}
      <TextArea id={field('note')} className="mb-3" label={t('entry.note')} rows={2} value={draft.note} onChange={(note) => setDraft((d) => ({ ...d, note }))} />
      <ErrorAlert error={form.error} />
      {notice ? (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      <div className="d-flex gap-2 flex-wrap">
        <Button type="button" color="primary" outline disabled={form.saving} onClick={() => send(false)}>
          {t('entry.saveDraft')}
        </Button>
        <Button type="submit" color="primary" disabled={form.saving}>
          {t('entry.submit')}
        </Button>
      </div>
      {form.dialog}
    </form>
  );
}
