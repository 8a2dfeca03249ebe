// The appraisal of one person for a cycle, as the chamber administration records it: the role profile (one of
// the cycle's SMVP profiles) and the organisational behaviour score 0–100 (comma decimals) with a note.
// Without a version it creates the appraisal, with the version read it updates it; a stale version (CONFLICT)
// opens the conflict dialog, keeps what was typed and sends it again on the current version.
import { useId, useState, type FormEvent } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { isConflict } from '../errors/map-error.js';
import { formatNumber, localeOf, parseNumber } from '../format/format.js';
import { PersonScorecardQuery, SetAppraisalMutation, type AppraisalScorecard, type RoleProfile } from '../graphql/appraisal-operations.js';
import { ConflictDialog } from './conflict-dialog.js';
import { ErrorAlert } from './error-alert.js';

export const NOTE_MAX = 2000;

export type AppraisalFields = { roleProfile: string; behaviourScore: string; note: string };
type Errors = Partial<Record<keyof AppraisalFields, string>>;

/** Validation (i18n keys by field): a profile of the list, a score from 0 to 100 or nothing, a note of at most 2000 characters. */
export function validateAppraisal(fields: AppraisalFields, profiles: readonly string[]): Errors {
  const errors: Errors = {};
  if (!profiles.includes(fields.roleProfile)) errors.roleProfile = 'appraisal.profileRequired';
  if (fields.behaviourScore.trim() !== '') {
    const score = parseNumber(fields.behaviourScore);
    if (score === null) errors.behaviourScore = 'appraisal.notANumber';
    else if (score < 0 || score > 100) errors.behaviourScore = 'appraisal.outOfRange';
  }
  if (fields.note.trim().length > NOTE_MAX) errors.note = 'appraisal.noteTooLong';
  return errors;
}

export type AppraisalFormProps = {
  personId: string;
  personName: string;
  cycleId: string;
  year: number;
  profiles: RoleProfile[];
  appraisal: AppraisalScorecard['appraisal'];
  onSaved?: (scorecard: AppraisalScorecard) => void;
};

export function AppraisalForm({ personId, personName, cycleId, year, profiles, appraisal, onSaved }: AppraisalFormProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const client = useClient();
  const [fields, setFields] = useState<AppraisalFields>({
    roleProfile: appraisal?.roleProfile ?? '',
    behaviourScore: appraisal?.behaviourScore === null || appraisal?.behaviourScore === undefined ? '' : formatNumber(appraisal.behaviourScore, locale),
    note: appraisal?.note ?? '',
  });
  const [version, setVersion] = useState<number | null>(appraisal?.version ?? null);
  const [touched, setTouched] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [result, setAppraisal] = useMutation(SetAppraisalMutation);
  const names = profiles.map((p) => p.role);
  const errors = validateAppraisal(fields, names);
  const fieldId = (key: keyof AppraisalFields) => `${id}-${key}`;
  const message = (key: keyof AppraisalFields) => (touched && errors[key] ? t(errors[key]) : null);

  const send = async (withVersion: number | null) => {
    setSaved(false);
    const answer = await setAppraisal({
      personId,
      cycleId,
      roleProfile: fields.roleProfile,
      behaviourScore: parseNumber(fields.behaviourScore),
      note: fields.note.trim() === '' ? null : fields.note.trim(),
      version: withVersion,
    });
    if (isConflict(answer.error)) return setConflict(true);
    const card = answer.data?.setAppraisal;
    if (!card) return;
    setVersion(card.appraisal?.version ?? null);
    setSaved(true);
    onSaved?.(card);
  };

  // Reads the appraisal as it is now (someone else saved it) and sends the typed values on its version.
  const reapply = async () => {
    setConflict(false);
    const fresh = await client.query(PersonScorecardQuery, { personId, cycleId }, { requestPolicy: 'network-only' }).toPromise();
    if (fresh.error && !fresh.data) return;
    const current = fresh.data?.personScorecard.appraisal?.version ?? null;
    setVersion(current);
    await send(current);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const first = (['roleProfile', 'behaviourScore', 'note'] as const).find((key) => errors[key]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    void send(version);
  };

  const described = (key: keyof AppraisalFields, hint: boolean) =>
    [hint ? `${fieldId(key)}-hint` : null, message(key) ? `${fieldId(key)}-error` : null].filter(Boolean).join(' ') || undefined;
  const errorText = (key: keyof AppraisalFields) =>
    message(key) ? (
      <div id={`${fieldId(key)}-error`} className="invalid-feedback d-block">
        {message(key)}
      </div>
    ) : null;

  const typed = [
    { label: t('appraisal.roleProfile'), value: fields.roleProfile || '—' },
    { label: t('appraisal.behaviourScore'), value: fields.behaviourScore.trim() || t('appraisal.notAssessed') },
    ...(fields.note.trim() ? [{ label: t('appraisal.note'), value: fields.note.trim() }] : []),
  ];

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby={`${id}-title`} className="appraisal-form mt-4" data-testid="appraisal-form">
      <h3 id={`${id}-title`} className="h5">
        {t('appraisal.formTitle', { name: personName, year })}
      </h3>
      <div className="mb-3">
        <label htmlFor={fieldId('roleProfile')} className="form-label fw-semibold">
          {t('appraisal.roleProfile')}
        </label>
        <select
          id={fieldId('roleProfile')}
          className={`form-select${message('roleProfile') ? ' is-invalid' : ''}`}
          value={fields.roleProfile}
          aria-invalid={message('roleProfile') ? true : undefined}
          aria-describedby={described('roleProfile', true)}
          onChange={(e) => setFields((f) => ({ ...f, roleProfile: e.target.value }))}
        >
          <option value="">{t('appraisal.chooseProfile')}</option>
          {profiles.map((p) => (
            <option key={p.role} value={p.role}>
              {t('appraisal.profileOption', {
                profile: p.role,
                entity: formatNumber(p.entity, locale),
                unit: formatNumber(p.unit, locale),
                individual: formatNumber(p.individual, locale),
                behaviour: formatNumber(p.behaviour, locale),
              })}
            </option>
          ))}
        </select>
        <div id={`${fieldId('roleProfile')}-hint`} className="form-text">
          {t('appraisal.roleProfileHint')}
        </div>
        {errorText('roleProfile')}
      </div>
      <div className="mb-3">
        <label htmlFor={fieldId('behaviourScore')} className="form-label fw-semibold">
          {t('appraisal.behaviourScore')}
        </label>
        <input
          id={fieldId('behaviourScore')}
          className={`form-control${message('behaviourScore') ? ' is-invalid' : ''}`}
          inputMode="decimal"
          autoComplete="off"
          value={fields.behaviourScore}
          aria-invalid={message('behaviourScore') ? true : undefined}
          aria-describedby={described('behaviourScore', true)}
          onChange={(e) => setFields((f) => ({ ...f, behaviourScore: e.target.value }))}
        />
        <div id={`${fieldId('behaviourScore')}-hint`} className="form-text">
          {t('appraisal.behaviourHint')}
        </div>
        {errorText('behaviourScore')}
      </div>
      <div className="mb-3">
        <label htmlFor={fieldId('note')} className="form-label fw-semibold">
          {t('appraisal.note')}
        </label>
        <textarea
          id={fieldId('note')}
          className={`form-control${message('note') ? ' is-invalid' : ''}`}
          rows={3}
          value={fields.note}
          aria-invalid={message('note') ? true : undefined}
          aria-describedby={described('note', false)}
          onChange={(e) => setFields((f) => ({ ...f, note: e.target.value }))}
        />
        {errorText('note')}
      </div>
      {isConflict(result.error) ? null : <ErrorAlert error={result.error} />}
      <div role="status">{saved && !result.error ? <p className="text-success fw-semibold">{t('appraisal.saved')}</p> : null}</div>
      <Button type="submit" color="primary" disabled={result.fetching}>
        {t('appraisal.save')}
      </Button>
      <ConflictDialog isOpen={conflict} values={typed} onReapply={() => void reapply()} onDiscard={() => setConflict(false)} />
    </form>
  );
}
