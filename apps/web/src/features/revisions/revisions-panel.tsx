// The revisions (rimodulazioni) of an approved plan, for the chamber administrator: the cycle's list (date,
// reason, Giunta resolution) and a form to open a new one. Targets are then revised under a revision
// (components/revise-target-form.tsx); the original targets stay on record. Only an approved plan or one
// being monitored is revised: a draft is edited, a closed or published cycle changes no more.
import { useId, useState, type FormEvent } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { formatDate, localeOf } from '../../format/format.js';
import { CreateRevisionMutation, CycleRevisionsQuery, type PlanRevision } from './revision-operations.js';
import type { CycleState } from '../../graphql/types.js';
import { ErrorAlert } from '../../components/error-alert.js';

export const REASON_MIN = 5;
export const REASON_MAX = 2000;
export const RESOLUTION_NUMBER_MAX = 50;

/** Whether targets of a cycle in this state are changed by a revision (approved, or being monitored). */
export function revisionsOpen(state: CycleState | undefined): boolean {
  return state === 'approved' || state === 'monitoring';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the text is a calendar day written YYYY-MM-DD (what a date field gives). */
export function isIsoDay(text: string): boolean {
  if (!ISO_DAY.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today in the browser's time zone, YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export type RevisionFields = { revisedOn: string; reason: string; resolutionNumber: string; resolutionDate: string };

/** Validation (i18n keys by field): a date and a reason of at least 5 characters; the resolution is optional. */
export function validateRevision(fields: RevisionFields): Partial<Record<keyof RevisionFields, string>> {
  const errors: Partial<Record<keyof RevisionFields, string>> = {};
  if (fields.revisedOn.trim() === '') errors.revisedOn = 'revision.errors.dateRequired';
  else if (!isIsoDay(fields.revisedOn)) errors.revisedOn = 'revision.errors.invalidDate';
  const reason = fields.reason.trim();
  if (reason.length < REASON_MIN) errors.reason = 'revision.errors.reasonRequired';
  else if (reason.length > REASON_MAX) errors.reason = 'revision.errors.reasonTooLong';
  if (fields.resolutionNumber.trim().length > RESOLUTION_NUMBER_MAX) errors.resolutionNumber = 'revision.errors.resolutionNumberTooLong';
  if (fields.resolutionDate.trim() !== '' && !isIsoDay(fields.resolutionDate)) errors.resolutionDate = 'revision.errors.invalidDate';
  return errors;
}

/** "n. 45 del 29/06/2024", "n. 45", "del 29/06/2024" or the dash. */
export function resolutionText(revision: Pick<PlanRevision, 'resolutionNumber' | 'resolutionDate'>, t: (key: string, options?: Record<string, unknown>) => string, locale: string): string {
  const number = revision.resolutionNumber;
  const date = revision.resolutionDate ? formatDate(revision.resolutionDate, locale) : null;
  if (number && date) return t('revision.resolutionFull', { number, date });
  if (number) return t('revision.resolutionNumberOnly', { number });
  if (date) return t('revision.resolutionDateOnly', { date });
  return t('revision.noResolution');
}

const EMPTY: RevisionFields = { revisedOn: '', reason: '', resolutionNumber: '', resolutionDate: '' };

export function RevisionsPanel({ cycleId, year }: { cycleId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const [{ data, error }, reexecute] = useQuery({ query: CycleRevisionsQuery, variables: { id: cycleId } });
  const [fields, setFields] = useState<RevisionFields>(() => ({ ...EMPTY, revisedOn: today() }));
  const [touched, setTouched] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, create] = useMutation(CreateRevisionMutation);
  const errors = validateRevision(fields);
  const revisions = [...(data?.cycle.revisions ?? [])].sort((a, b) => a.revisedOn.localeCompare(b.revisedOn));
  const fieldId = (key: keyof RevisionFields) => `${id}-${key}`;
  const messageOf = (key: keyof RevisionFields) => (touched && errors[key] ? t(errors[key]) : null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setNotice(null);
    const invalid = (Object.keys(fields) as (keyof RevisionFields)[]).find((key) => errors[key]);
    if (invalid) {
      document.getElementById(fieldId(invalid))?.focus();
      return;
    }
    const answer = await create({
      cycleId,
      revisedOn: fields.revisedOn,
      reason: fields.reason.trim(),
      resolutionNumber: fields.resolutionNumber.trim() === '' ? null : fields.resolutionNumber.trim(),
      resolutionDate: fields.resolutionDate.trim() === '' ? null : fields.resolutionDate,
    });
    const created = answer.data?.createRevision;
    if (!created) return;
    setNotice(t('revision.created', { date: formatDate(created.revisedOn, locale) }));
    setFields({ ...EMPTY, revisedOn: fields.revisedOn });
    setTouched(false);
    // The cycle's list is not among what a write invalidates: read it again.
    reexecute({ requestPolicy: 'network-only' });
  };

  const input = (key: keyof RevisionFields, label: string, type: 'text' | 'date', required: boolean) => {
    const message = messageOf(key);
    return (
      <div>
        <label htmlFor={fieldId(key)}>{label}</label>
        <input
          id={fieldId(key)}
          type={type}
          className={`form-control form-control-sm${message ? ' is-invalid' : ''}`}
          value={fields[key]}
          required={required}
          aria-required={required || undefined}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${fieldId(key)}-error` : undefined}
          onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))}
        />
        {message ? (
          <div id={`${fieldId(key)}-error`} className="invalid-feedback d-block">
            {message}
          </div>
        ) : null}
      </div>
    );
  };

  const reasonMessage = messageOf('reason');
  return (
    <section aria-labelledby={`${id}-title`} className="mt-4 revisions-panel">
      <h2 id={`${id}-title`} className="h5">
        {t('revision.title')}
      </h2>
      <p>{t('revision.intro')}</p>
      <ErrorAlert error={error} />
      {revisions.length === 0 ? (
        <p>{data ? t('revision.none', { year }) : t('common.loading')}</p>
      ) : (
        <table className="table table-sm">
          <caption>{t('revision.listCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('revision.date')}</th>
              <th scope="col">{t('revision.reason')}</th>
              <th scope="col">{t('revision.resolution')}</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.id}>
                <th scope="row">{formatDate(revision.revisedOn, locale)}</th>
                <td>{revision.reason}</td>
                <td>{resolutionText(revision, t, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form noValidate className="plan-form" aria-labelledby={`${id}-form-title`} onSubmit={(event) => void onSubmit(event)}>
        <h3 id={`${id}-form-title`} className="h6">
          {t('revision.open')}
        </h3>
        <div className="d-flex flex-wrap gap-3 align-items-start">
          {input('revisedOn', t('revision.revisedOn'), 'date', true)}
          {input('resolutionNumber', t('revision.resolutionNumber'), 'text', false)}
          {input('resolutionDate', t('revision.resolutionDate'), 'date', false)}
        </div>
        <div className="mt-2">
          <label htmlFor={fieldId('reason')}>{t('revision.reason')}</label>
          <textarea
            id={fieldId('reason')}
            className={`form-control${reasonMessage ? ' is-invalid' : ''}`}
            rows={2}
            value={fields.reason}
            required
            aria-required
            aria-invalid={reasonMessage ? true : undefined}
            aria-describedby={reasonMessage ? `${fieldId('reason')}-error` : `${fieldId('reason')}-help`}
            onChange={(e) => setFields((f) => ({ ...f, reason: e.target.value }))}
          />
          {reasonMessage ? (
            <div id={`${fieldId('reason')}-error`} className="invalid-feedback d-block">
              {reasonMessage}
            </div>
          ) : (
            <div id={`${fieldId('reason')}-help`} className="form-text">
              {t('revision.reasonHelp')}
            </div>
          )}
        </div>
        <ErrorAlert error={result.error} />
        {notice ? (
          <p className="alert alert-success mt-2" role="status">
            {notice}
          </p>
        ) : null}
        <Button type="submit" color="primary" size="sm" className="mt-2" disabled={result.fetching}>
          {t('revision.openSubmit')}
        </Button>
      </form>
    </section>
  );
}
