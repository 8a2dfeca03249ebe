// A numeric target of a draft plan with its 80 % and 60 % thresholds: set a year's target, or change one.
// A stale version (CONFLICT) opens the conflict dialog; the typed values stay and can be sent again on the
// target's current version.
import { useId, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { isConflict } from '../errors/map-error.js';
import { formatNumber, localeOf, parseNumber } from '../format/format.js';
import { IndicatorQuery, SetTargetMutation, UpdateTargetMutation } from '../graphql/operations.js';
import type { Operator, Target } from '../graphql/types.js';
import { ConflictDialog } from './conflict-dialog.js';
import { ErrorAlert } from './error-alert.js';

const OPERATORS: Operator[] = ['gte', 'gt', 'lte', 'lt', 'eq'];

type Fields = { operator: Operator; value: string; t80: string; t60: string };

/** Validation (i18n keys by field): a target is required, thresholds are optional numbers. */
export function validateTarget(fields: Fields): Partial<Record<keyof Fields, string>> {
  const errors: Partial<Record<keyof Fields, string>> = {};
  if (fields.value.trim() === '') errors.value = 'entry.requiredValue';
  else if (parseNumber(fields.value) === null) errors.value = 'entry.invalidNumber';
  if (fields.t80.trim() !== '' && parseNumber(fields.t80) === null) errors.t80 = 'entry.invalidNumber';
  if (fields.t60.trim() !== '' && parseNumber(fields.t60) === null) errors.t60 = 'entry.invalidNumber';
  return errors;
}

export function TargetEditor({ indicatorId, year, target }: { indicatorId: string; year: number; target: Target | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const show = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumber(n, locale));
  const [fields, setFields] = useState<Fields>({
    operator: target?.operator ?? 'gte',
    value: show(target?.valueNumber),
    t80: show(target?.threshold80Number),
    t60: show(target?.threshold60Number),
  });
  const [touched, setTouched] = useState(false);
  const [conflict, setConflict] = useState(false);
  const client = useClient();
  const [setResult, setTarget] = useMutation(SetTargetMutation);
  const [updateResult, updateTarget] = useMutation(UpdateTargetMutation);
  const errors = validateTarget(fields);
  const [last, setLast] = useState<'set' | 'update'>(target ? 'update' : 'set');
  const lastResult = last === 'update' ? updateResult : setResult;
  const error = lastResult.error;
  const saved = !error && lastResult.data;
  const values = () => ({
    operator: fields.operator,
    valueNumber: parseNumber(fields.value),
    threshold80Number: parseNumber(fields.t80),
    threshold60Number: parseNumber(fields.t60),
  });
  const send = async (version: number | undefined) => {
    const update = target !== undefined && version !== undefined;
    setLast(update ? 'update' : 'set');
    const answer = update ? await updateTarget({ id: target.id, version, values: values() }) : await setTarget({ indicatorId, year, values: values() });
    if (isConflict(answer.error)) setConflict(true);
  };
  // Reads the target's current version (someone else changed it) and sends the same values again.
  const reapply = async () => {
    setConflict(false);
    const fresh = await client.query(IndicatorQuery, { id: indicatorId }, { requestPolicy: 'network-only' }).toPromise();
    const current = fresh.data?.indicator.targets.find((x) => x.id === target?.id) ?? fresh.data?.indicator.targets.find((x) => x.year === year && !x.revision);
    if (current && !target) {
      setLast('update');
      const answer = await updateTarget({ id: current.id, version: current.version, values: values() });
      if (isConflict(answer.error)) setConflict(true);
    } else await send(current?.version ?? target?.version);
  };
  const field = (key: keyof Fields, label: string) => {
    const message = touched && errors[key] ? t(errors[key]) : null;
    return (
      <div>
        <label htmlFor={`${id}-${key}`}>{label}</label>
        <input
          id={`${id}-${key}`}
          className={`form-control form-control-sm${message ? ' is-invalid' : ''}`}
          inputMode="decimal"
          value={fields[key]}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-${key}-error` : undefined}
          onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))}
        />
        {message ? (
          <div id={`${id}-${key}-error`} className="invalid-feedback d-block">
            {message}
          </div>
        ) : null}
      </div>
    );
  };
  return (
    <form
      noValidate
      className="plan-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (Object.keys(errors).length > 0) return;
        void send(target?.version);
      }}
    >
      <h3 id={`${id}-title`} className="h6">
        {t('plan.target', { year })}
      </h3>
      <div className="d-flex flex-wrap gap-3 align-items-start">
        <div>
          <label htmlFor={`${id}-operator`}>{t('plan.operator')}</label>
          <select id={`${id}-operator`} className="form-select form-select-sm" value={fields.operator} onChange={(e) => setFields((f) => ({ ...f, operator: e.target.value as Operator }))}>
            {OPERATORS.map((op) => (
              <option key={op} value={op}>
                {t(`plan.operators.${op}`)}
              </option>
            ))}
          </select>
        </div>
        {field('value', t('indicator.target'))}
        {field('t80', t('indicator.threshold80'))}
        {field('t60', t('indicator.threshold60'))}
      </div>
      {isConflict(error) ? null : <ErrorAlert error={error} />}
      {saved ? <p role="status">{t('plan.targetSaved')}</p> : null}
      <Button type="submit" color="primary" size="sm" className="mt-2" disabled={updateResult.fetching || setResult.fetching}>
        {t('common.save')}
      </Button>
      <ConflictDialog
        isOpen={conflict}
        values={[
          { label: t('plan.operator'), value: t(`plan.operators.${fields.operator}`) },
          { label: t('indicator.target'), value: fields.value },
          { label: t('indicator.threshold80'), value: fields.t80 },
          { label: t('indicator.threshold60'), value: fields.t60 },
        ]}
        onReapply={() => void reapply()}
        onDiscard={() => setConflict(false)}
      />
    </form>
  );
}
