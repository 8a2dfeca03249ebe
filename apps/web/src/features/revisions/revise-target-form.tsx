// "Rimodula il target": the chamber administrator revises an indicator's target of an approved plan under one
// of the cycle's revisions (rimodulazioni): the new value (number, date or yes/no, as the indicator takes) and
// its 80 % / 60 % thresholds. The original target stays on record beside the revised one, and scores use the
// revised one. Built on the form kit; a stale write (CONFLICT) goes through useVersionedSave: what was typed stays
// and can be sent again on the target's current version.
import { useId, useRef, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { formatDate, formatValue, localeOf, parseNumber } from '../../format/format.js';
import { IndicatorQuery } from '../../graphql/operations.js';
import { CycleRevisionsQuery, ReviseTargetMutation, type PlanRevision, type RevisedTargetValues } from './revision-operations.js';
import type { Operator, Target, ValueType } from '../../graphql/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { DateInput, NumberInput, rereadQuery, SelectInput, useVersionedSave, type SelectOption } from '../../components/form/index.js';
import { isIsoDay } from './revisions-panel.js';

export const OPERATORS: Operator[] = ['gte', 'gt', 'lte', 'lt', 'eq'];
export const OPERATOR_SYMBOLS: Record<Operator, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

/** A year's targets of an indicator: the original, the revised ones in order of revision, and the one in force. */
export type YearTargets = { original: Target | undefined; revised: Target[]; inForce: Target | undefined };

/** Which of an indicator's targets for a year is in force: the latest revision's, else the original (as the scoring engine does). */
export function yearTargets(targets: readonly Target[], year: number): YearTargets {
  const ofYear = targets.filter((x) => x.year === year);
  const original = ofYear.find((x) => x.revision === null);
  const revised = ofYear.filter((x) => x.revision !== null).sort((a, b) => a.revision!.revisedOn.localeCompare(b.revision!.revisedOn));
  return { original, revised, inForce: revised.at(-1) ?? original };
}

/**
 * A target as written in the plan: "≥ 170", "≥ 80%"; a label that is a sentence or already names its operator
 * (">= +15 %", "Entro 31/12/2023") is shown as it is.
 */
export function targetText(target: Target, locale: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (target.label && !/^[+-]?\d/.test(target.label.trim())) return target.label;
  const value = target.label ?? formatValue(target.valueNumber ?? target.valueDate ?? target.valueBoolean, locale, t('common.yes'), t('common.no'));
  return t('indicator.targetValue', { operator: OPERATOR_SYMBOLS[target.operator], value });
}

export type RevisedFields = { revisionId: string; operator: Operator; value: string; t80: string; t60: string };
type FieldErrors = Partial<Record<keyof RevisedFields, string>>;

const numeric = (valueType: ValueType) => valueType === 'number' || valueType === 'qualitative';

/** Whether a threshold is on the less ambitious side of what it is compared with ("≥ 150": 130 is, 160 is not). */
function lessAmbitious(threshold: number | string, than: number | string, operator: Operator): boolean {
  if (operator === 'gte' || operator === 'gt') return threshold <= than;
  if (operator === 'lte' || operator === 'lt') return threshold >= than;
  return true;
}

/** Validation (i18n keys by field) for the indicator's value type: revision and value required, thresholds optional and ordered. */
export function validateRevisedTarget(fields: RevisedFields, valueType: ValueType): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.revisionId === '') errors.revisionId = 'revision.errors.revisionRequired';
  if (valueType === 'boolean') {
    if (fields.value !== 'true' && fields.value !== 'false') errors.value = 'revision.errors.valueRequired';
    return errors;
  }
  const parse = numeric(valueType) ? (text: string) => parseNumber(text) : (text: string) => (isIsoDay(text.trim()) ? text.trim() : null);
  const invalid = numeric(valueType) ? 'revision.errors.invalidNumber' : 'revision.errors.invalidDate';
  const value = parse(fields.value);
  if (fields.value.trim() === '') errors.value = 'revision.errors.valueRequired';
  else if (value === null) errors.value = invalid;
  const t80 = fields.t80.trim() === '' ? null : parse(fields.t80);
  const t60 = fields.t60.trim() === '' ? null : parse(fields.t60);
  if (fields.t80.trim() !== '' && t80 === null) errors.t80 = invalid;
  else if (t80 !== null && value !== null && !lessAmbitious(t80, value, fields.operator)) errors.t80 = 'revision.errors.threshold80Order';
  if (fields.t60.trim() !== '' && t60 === null) errors.t60 = invalid;
  else if (t60 !== null && (t80 ?? value) !== null && !lessAmbitious(t60, (t80 ?? value)!, fields.operator)) errors.t60 = 'revision.errors.threshold60Order';
  return errors;
}

/** The values sent to reviseTarget: the operator and one kind of value, with thresholds for numbers and dates. */
export function revisedValues(fields: RevisedFields, valueType: ValueType): RevisedTargetValues {
  if (valueType === 'boolean') return { operator: fields.operator, valueBoolean: fields.value === 'true' };
  const blank = (text: string) => text.trim() === '';
  if (valueType === 'date') {
    return {
      operator: fields.operator,
      valueDate: fields.value.trim(),
      threshold80Date: blank(fields.t80) ? null : fields.t80.trim(),
      threshold60Date: blank(fields.t60) ? null : fields.t60.trim(),
    };
  }
  return {
    operator: fields.operator,
    valueNumber: parseNumber(fields.value),
    threshold80Number: blank(fields.t80) ? null : parseNumber(fields.t80),
    threshold60Number: blank(fields.t60) ? null : parseNumber(fields.t60),
  };
}

/** The form starts from the original target (a number typed the Italian way: "27,5"). */
function initialFields(original: Target | undefined, valueType: ValueType): RevisedFields {
  const number = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));
  const fields: RevisedFields = { revisionId: '', operator: original?.operator ?? 'gte', value: '', t80: '', t60: '' };
  if (!original) return fields;
  if (valueType === 'boolean') return { ...fields, value: original.valueBoolean === null ? '' : String(original.valueBoolean) };
  if (valueType === 'date') return { ...fields, value: original.valueDate ?? '', t80: original.threshold80Date ?? '', t60: original.threshold60Date ?? '' };
  return { ...fields, value: number(original.valueNumber), t80: number(original.threshold80Number), t60: number(original.threshold60Number) };
}

export type ReviseTargetFormProps = {
  indicator: { id: string; unit: string | null; valueType: ValueType; targets: Target[] };
  cycleId: string;
  year: number;
};

export function ReviseTargetForm({ indicator, cycleId, year }: ReviseTargetFormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const client = useClient();
  const { valueType } = indicator;
  const { original, revised } = yearTargets(indicator.targets, year);
  const [{ data }] = useQuery({ query: CycleRevisionsQuery, variables: { id: cycleId } });
  const [already, setAlready] = useState<PlanRevision | null>(null);
  // The indicator's targets as last re-read (after a CONFLICT).
  const freshTargets = useRef<readonly Target[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [, revise] = useMutation(ReviseTargetMutation);
  const revisions = [...(data?.cycle.revisions ?? [])].sort((a, b) => a.revisedOn.localeCompare(b.revisedOn));
  const revisionLabel = (r: PlanRevision) => t('revision.option', { date: formatDate(r.revisedOn, locale), reason: r.reason });
  const yes = t('common.yes');
  const no = t('common.no');
  const valueLabel = () => {
    if (valueType === 'date') return t('revision.newTargetDate');
    if (valueType === 'boolean') return t('revision.newTarget');
    if (original?.relativeToBaseline) return t('revision.newTargetRelative');
    return indicator.unit ? t('revision.newTargetUnit', { unit: indicator.unit }) : t('revision.newTarget');
  };

  const form = useVersionedSave({
    read: { values: initialFields(original, valueType), version: original?.version ?? 0 },
    // Every value is sent: a revised target is a whole new target.
    diff: (_read, typed: RevisedFields) => typed,
    isEmpty: () => false,
    send: (version, sent) => {
      setAlready(null);
      setNotice(null);
      return revise({ id: original!.id, version, revisionId: sent.revisionId, values: revisedValues(sent, valueType) });
    },
    // Reads the target's current version; unless, meanwhile, someone revised this target under the same revision
    // (only one revised target per revision: open a new revision instead), then nothing is sent.
    reread: () =>
      rereadQuery(client, IndicatorQuery, { id: indicator.id }, (fresh) => {
        freshTargets.current = fresh.indicator.targets;
        const target = yearTargets(fresh.indicator.targets, year).original ?? original;
        return target ? { values: initialFields(target, valueType), version: target.version } : null;
      }),
    resend: (_fresh, pending) => {
      const current = yearTargets(freshTargets.current, year);
      if (current.revised.some((x) => x.revision?.id === pending.changes.revisionId)) {
        setAlready(revisions.find((r) => r.id === pending.changes.revisionId) ?? null);
        return null;
      }
      return pending.changes;
    },
    saved: (_data, typed) => ({ values: { ...typed, revisionId: '' }, version: original?.version ?? 0 }),
    onSaved: (_data, sent) => {
      const revision = revisions.find((r) => r.id === sent.revisionId);
      setNotice(t('revision.revised', { date: revision ? formatDate(revision.revisedOn, locale) : '' }));
    },
    describe: (sent) => {
      const revision = revisions.find((r) => r.id === sent.revisionId);
      return [
        { label: t('revision.revision'), value: revision ? revisionLabel(revision) : '' },
        ...(valueType === 'boolean' ? [] : [{ label: t('revision.operator'), value: t(`revision.operators.${sent.operator}`) }]),
        { label: valueLabel(), value: valueType === 'boolean' ? (sent.value === 'true' ? yes : sent.value === 'false' ? no : '') : sent.value },
        ...(valueType === 'boolean'
          ? []
          : [
              { label: t('revision.threshold80'), value: sent.t80 },
              { label: t('revision.threshold60'), value: sent.t60 },
            ]),
      ];
    },
    validate: (typed) => validateRevisedTarget(typed, valueType),
    fields: ['revisionId', 'operator', 'value', 't80', 't60'],
    idOf: (key) => `${id}-${key}`,
  });
  const fields = form.values;

  const used = new Set(revised.map((x) => x.revision!.id));
  const available = revisions.filter((r) => !used.has(r.id));
  // The latest revision not yet applied to this target, unless the person chose one.
  const revisionId = fields.revisionId !== '' ? fields.revisionId : (available.at(-1)?.id ?? '');
  const chosen = { ...fields, revisionId };
  const fieldId = (key: keyof RevisedFields) => `${id}-${key}`;
  // Typing never marks a field: the messages appear once a save is asked.
  const setField = (key: keyof RevisedFields) => (value: string) => form.setValues((f) => ({ ...f, [key]: value }));
  const common = (key: keyof RevisedFields, label: string) => ({ id: fieldId(key), label, value: fields[key], onChange: setField(key), error: form.problem(key), size: 'sm' as const, className: '' });

  const textField = (key: 'value' | 't80' | 't60', label: string, required: boolean) =>
    valueType === 'date' ? <DateInput {...common(key, label)} required={required} /> : <NumberInput {...common(key, label)} required={required} />;

  const selectField = (key: 'revisionId' | 'operator' | 'value', label: string, options: SelectOption[]) => (
    <SelectInput {...common(key, label)} value={key === 'revisionId' ? revisionId : fields[key]} required options={options} />
  );

  let body;
  if (!original) body = <p>{t('revision.noOriginal', { year })}</p>;
  else if (!data) body = <p>{t('common.loading')}</p>;
  else if (revisions.length === 0) body = <p>{t('revision.openFirst', { year })}</p>;
  else if (available.length === 0 && fields.revisionId === '') body = <p>{t('revision.allUsed')}</p>;
  else {
    body = (
      <form
        noValidate
        className="plan-form"
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          // Pin the revision: the default could move if a colleague uses it meanwhile.
          if (original) void form.submit(chosen);
        }}
      >
        <div className="d-flex flex-wrap gap-3 align-items-start">
          {selectField('revisionId', t('revision.revision'), [
            ...(revisionId === '' ? [{ value: '', label: t('revision.chooseRevision') }] : []),
            ...revisions.map((r) => ({ value: r.id, label: used.has(r.id) ? t('revision.optionUsed', { option: revisionLabel(r) }) : revisionLabel(r), disabled: used.has(r.id) })),
          ])}
          {valueType === 'boolean'
            ? null
            : selectField(
                'operator',
                t('revision.operator'),
                OPERATORS.map((op) => ({ value: op, label: t(`revision.operators.${op}`) })),
              )}
          {valueType === 'boolean'
            ? selectField('value', valueLabel(), [
                ...(fields.value === '' ? [{ value: '', label: t('revision.chooseValue') }] : []),
                { value: 'true', label: yes },
                { value: 'false', label: no },
              ])
            : textField('value', valueLabel(), true)}
          {valueType === 'boolean' ? null : textField('t80', t('revision.threshold80'), false)}
          {valueType === 'boolean' ? null : textField('t60', t('revision.threshold60'), false)}
        </div>
        {original.relativeToBaseline ? <p className="mt-2 mb-0">{t('revision.relativeHelp')}</p> : null}
        <ErrorAlert error={form.error} />
        {already ? (
          <p className="alert alert-warning mt-2" role="alert">
            {t('revision.alreadyRevised', { date: formatDate(already.revisedOn, locale) })}
          </p>
        ) : null}
        <Button type="submit" color="primary" size="sm" className="mt-2" disabled={form.saving}>
          {t('revision.submit')}
        </Button>
        {form.dialog}
      </form>
    );
  }

  return (
    <section aria-labelledby={`${id}-title`} className="mt-4 revise-target">
      <h2 id={`${id}-title`} className="h5">
        {t('revision.formTitle', { year })}
      </h2>
      {original ? (
        <p>
          {t('revision.originalIs', { year, target: targetText(original, locale, t) })}
          {original.threshold80Number !== null || original.threshold80Date !== null
            ? ` ${t('revision.originalThresholds', {
                t80: formatValue(original.threshold80Number ?? original.threshold80Date, locale, yes, no),
                t60: formatValue(original.threshold60Number ?? original.threshold60Date, locale, yes, no),
              })}`
            : null}
        </p>
      ) : null}
      {body}
      {notice ? (
        <p className="alert alert-success mt-2" role="status">
          {notice}
        </p>
      ) : null}
    </section>
  );
}
