// Data entry for one indicator and one open period: the value (or the formula's inputs), immediate
// validation, save as draft or submit for approval. A stale edit (CONFLICT) opens the conflict dialog and
// keeps what was typed; "reload and retry" reads the current version and sends the same values again.
import { useId, useState, type FormEvent } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { isConflict } from '../errors/map-error.js';
import { formatDate, localeOf, parseNumber } from '../format/format.js';
import { EnterMeasurementMutation, IndicatorQuery, SubmitMeasurementMutation, type EnterMeasurementVars } from '../graphql/operations.js';
import type { Measurement, ValueType } from '../graphql/types.js';
import { formulaVariables } from '../plan/formula.js';
import { ConflictDialog } from './conflict-dialog.js';
import { ErrorAlert } from './error-alert.js';

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
  const [draft, setDraft] = useState<Draft>(() => initialDraft(measurement, variables));
  const [touched, setTouched] = useState(false);
  const [version, setVersion] = useState<number | null>(measurement?.version ?? null);
  const [measurementId, setMeasurementId] = useState<string | null>(measurement?.id ?? null);
  const [conflict, setConflict] = useState<{ submit: boolean } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [enterResult, enter] = useMutation(EnterMeasurementMutation);
  const [submitResult, submit] = useMutation(SubmitMeasurementMutation);
  const errors = validateDraft(draft, indicator.valueType, variables);
  const showErrors = touched;
  const busy = enterResult.fetching || submitResult.fetching;
  const apiError = conflict ? undefined : (submitResult.error ?? enterResult.error);

  const send = async (andSubmit: boolean, withVersion: number | null) => {
    setTouched(true);
    setNotice(null);
    if (Object.keys(errors).length > 0) {
      document.getElementById(`${formId}-${Object.keys(errors)[0]!.replace(':', '-')}`)?.focus();
      return;
    }
    const saved = await enter({ indicatorId: indicator.id, periodId: period.id, version: withVersion, ...variablesOf(draft, indicator.valueType, variables) });
    if (isConflict(saved.error)) return setConflict({ submit: andSubmit });
    const m = saved.data?.enterMeasurement;
    if (!m) return;
    setVersion(m.version);
    setMeasurementId(m.id);
    if (!andSubmit) return setNotice(t('entry.saved'));
    const sent = await submit({ id: m.id, version: m.version });
    if (isConflict(sent.error)) return setConflict({ submit: true });
    if (sent.data) {
      setVersion(sent.data.submitMeasurement.version);
      setNotice(t('entry.submitted'));
      onDone?.();
    }
  };

  // Reads the current version of the value (someone else saved it) and sends the typed values again.
  const reapply = async () => {
    const again = conflict;
    setConflict(null);
    const fresh = await client.query(IndicatorQuery, { id: indicator.id }, { requestPolicy: 'network-only' }).toPromise();
    const current = fresh.data?.indicator.measurements.find((m) => m.periodId === period.id);
    setVersion(current?.version ?? null);
    setMeasurementId(current?.id ?? measurementId);
    await send(again?.submit ?? false, current?.version ?? null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(true, version);
  };

  const field = (key: string) => `${formId}-${key.replace(':', '-')}`;
  const errorOf = (key: string) => (showErrors && errors[key] ? t(errors[key]) : null);
  const typed = variables.length > 0 ? variables.map((name) => ({ label: name, value: draft.inputs[name] ?? '' })) : [{ label: t('entry.valuePlain'), value: draft.value }];
  if (draft.note) typed.push({ label: t('entry.note'), value: draft.note });

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
            <TextField
              key={name}
              id={field(`input:${name}`)}
              label={name}
              value={draft.inputs[name] ?? ''}
              error={errorOf(`input:${name}`)}
              inputMode="decimal"
              onChange={(value) => setDraft((d) => ({ ...d, inputs: { ...d.inputs, [name]: value } }))}
            />
          ))}
        </fieldset>
      ) : indicator.valueType === 'boolean' ? (
        <div className="mb-3">
          <label htmlFor={field('value')}>{t('entry.valueBoolean')}</label>
          <select id={field('value')} className="form-select" value={draft.value} onChange={(e) => setDraft((d) => ({ ...d, value: e.target.value }))} aria-invalid={Boolean(errorOf('value'))} aria-describedby={errorOf('value') ? `${field('value')}-error` : undefined}>
            <option value="" />
            <option value="true">{t('common.yes')}</option>
            <option value="false">{t('common.no')}</option>
          </select>
          {errorOf('value') ? <div id={`${field('value')}-error`} className="invalid-feedback d-block">{errorOf('value')}</div> : null}
        </div>
      ) : (
        <TextField
          id={field('value')}
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
      <div className="mb-3">
        <label htmlFor={field('note')}>{t('entry.note')}</label>
        <textarea id={field('note')} className="form-control" rows={2} value={draft.note} onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))} />
      </div>
      <ErrorAlert error={apiError} />
      {notice ? (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      <div className="d-flex gap-2 flex-wrap">
        <Button type="button" color="primary" outline disabled={busy} onClick={() => void send(false, version)}>
          {t('entry.saveDraft')}
        </Button>
        <Button type="submit" color="primary" disabled={busy}>
          {t('entry.submit')}
        </Button>
      </div>
      <ConflictDialog isOpen={conflict !== null} values={typed} onReapply={() => void reapply()} onDiscard={() => setConflict(null)} />
    </form>
  );
}

function TextField({
  id,
  label,
  value,
  error,
  onChange,
  type = 'text',
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
  type?: string;
  inputMode?: 'decimal' | undefined;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="mb-3">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        className={`form-control${error ? ' is-invalid' : ''}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      ) : null}
    </div>
  );
}
