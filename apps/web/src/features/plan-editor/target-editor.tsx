// A numeric target of a draft plan with its 80 % and 60 % thresholds: set a year's target, or change one. Saved
// through useVersionedSave: a stale version (CONFLICT) opens its dialog; the typed values stay and can be sent again
// on the target's current version (or on the target a colleague set meanwhile).
import { useId } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { formatNumber, localeOf, parseNumber } from '../../format/format.js';
import { IndicatorQuery, SetTargetMutation, UpdateTargetMutation } from '../../graphql/operations.js';
import type { Operator, Target } from '../../graphql/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NumberInput, rereadQuery, SelectInput, useVersionedSave, type Read } from '../../components/form/index.js';

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

/** The target a save updates (none yet: the save sets it). */
type TargetVersion = { id: string; version: number } | null;

export function TargetEditor({ indicatorId, year, target }: { indicatorId: string; year: number; target: Target | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const client = useClient();
  const [, setTarget] = useMutation(SetTargetMutation);
  const [, updateTarget] = useMutation(UpdateTargetMutation);
  const show = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumber(n, locale));
  const toRead = (x: Target | undefined): Read<Fields, TargetVersion> => ({
    values: { operator: x?.operator ?? 'gte', value: show(x?.valueNumber), t80: show(x?.threshold80Number), t60: show(x?.threshold60Number) },
    version: x ? { id: x.id, version: x.version } : null,
  });
  const form = useVersionedSave({
    read: toRead(target),
    // The whole target is sent: operator, value and thresholds go together.
    diff: (_read, typed: Fields) => ({
      operator: typed.operator,
      valueNumber: parseNumber(typed.value),
      threshold80Number: parseNumber(typed.t80),
      threshold60Number: parseNumber(typed.t60),
    }),
    isEmpty: () => false,
    send: async (version, values) => {
      if (version === null) {
        const answer = await setTarget({ indicatorId, year, values });
        return { data: answer.data?.setTarget, error: answer.error };
      }
      const answer = await updateTarget({ id: version.id, version: version.version, values });
      return { data: answer.data?.updateTarget, error: answer.error };
    },
    // The target as it is now: the same one, or the year's target a colleague set meanwhile.
    reread: () =>
      rereadQuery(client, IndicatorQuery, { id: indicatorId }, (data) => {
        const targets = data.indicator.targets;
        return toRead(targets.find((x) => x.id === target?.id) ?? targets.find((x) => x.year === year && !x.revision));
      }),
    saved: (saved) => toRead(saved),
    describe: (_values, typed) => [
      { label: t('plan.operator'), value: t(`plan.operators.${typed.operator}`) },
      { label: t('indicator.target'), value: typed.value },
      { label: t('indicator.threshold80'), value: typed.t80 },
      { label: t('indicator.threshold60'), value: typed.t60 },
    ],
    validate: validateTarget,
    fields: ['operator', 'value', 't80', 't60'],
    idOf: (key) => `${id}-${key}`,
  });
  // Typing never marks a field: the messages appear once a save is asked.
  const field = (key: 'value' | 't80' | 't60', label: string) => (
    <NumberInput
      id={`${id}-${key}`}
      className=""
      size="sm"
      label={label}
      value={form.values[key]}
      error={form.problem(key)}
      onChange={(value) => form.setValues((f) => ({ ...f, [key]: value }))}
    />
  );
  return (
    <form
      noValidate
      className="plan-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <h3 id={`${id}-title`} className="h6">
        {t('plan.target', { year })}
      </h3>
      <div className="d-flex flex-wrap gap-3 align-items-start">
        <SelectInput
          id={`${id}-operator`}
          className=""
          size="sm"
          label={t('plan.operator')}
          value={form.values.operator}
          onChange={(operator) => form.setValues((f) => ({ ...f, operator: operator as Operator }))}
          options={OPERATORS.map((op) => ({ value: op, label: t(`plan.operators.${op}`) }))}
        />
        {field('value', t('indicator.target'))}
        {field('t80', t('indicator.threshold80'))}
        {field('t60', t('indicator.threshold60'))}
      </div>
      <ErrorAlert error={form.error} />
      {form.status === 'saved' ? <p role="status">{t('plan.targetSaved')}</p> : null}
      <Button type="submit" color="primary" size="sm" className="mt-2" disabled={form.saving}>
        {t('common.save')}
      </Button>
      {form.dialog}
    </form>
  );
}
