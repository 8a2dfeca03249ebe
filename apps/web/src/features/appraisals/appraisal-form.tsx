// The appraisal of one person for a cycle, as the chamber administration records it: the role profile (one of
// the cycle's SMVP profiles) and the organisational behaviour score 0–100 (comma decimals) with a note.
// Without a version it creates the appraisal, with the version read it updates it (useVersionedSave): a stale
// version (CONFLICT) opens its dialog, keeps what was typed and sends it again on the current version.
import { useId } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { formatNumber, localeOf, parseNumber } from '../../format/format.js';
import { PersonScorecardQuery, SetAppraisalMutation, type AppraisalScorecard, type RoleProfile } from './appraisal-operations.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NumberInput, rereadQuery, SelectInput, TextArea, useVersionedSave, type Read } from '../../components/form/index.js';

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
  const [, setAppraisal] = useMutation(SetAppraisalMutation);
  const names = profiles.map((p) => p.role);
  const toRead = (a: AppraisalScorecard['appraisal']): Read<AppraisalFields, number | null> => ({
    values: {
      roleProfile: a?.roleProfile ?? '',
      behaviourScore: a?.behaviourScore === null || a?.behaviourScore === undefined ? '' : formatNumber(a.behaviourScore, locale),
      note: a?.note ?? '',
    },
    version: a?.version ?? null,
  });
  const form = useVersionedSave({
    read: toRead(appraisal),
    // The whole appraisal is sent (setAppraisal creates or replaces it).
    diff: (_read, typed: AppraisalFields) => ({
      roleProfile: typed.roleProfile,
      behaviourScore: parseNumber(typed.behaviourScore),
      note: typed.note.trim() === '' ? null : typed.note.trim(),
    }),
    isEmpty: () => false,
    send: (version, values) => setAppraisal({ personId, cycleId, ...values, version }),
    reread: () => rereadQuery(client, PersonScorecardQuery, { personId, cycleId }, (data) => toRead(data.personScorecard.appraisal)),
    saved: (data, typed) => ({ values: typed, version: data.setAppraisal.appraisal?.version ?? null }),
    onSaved: (data) => onSaved?.(data.setAppraisal),
    describe: (_values, typed) => [
      { label: t('appraisal.roleProfile'), value: typed.roleProfile || '—' },
      { label: t('appraisal.behaviourScore'), value: typed.behaviourScore.trim() || t('appraisal.notAssessed') },
      ...(typed.note.trim() ? [{ label: t('appraisal.note'), value: typed.note.trim() }] : []),
    ],
    validate: (typed) => validateAppraisal(typed, names),
    fields: ['roleProfile', 'behaviourScore', 'note'],
    idOf: (key) => `${id}-${key}`,
  });
  // Typing never marks a field: the messages appear once a save is asked.
  const field = (key: keyof AppraisalFields) => ({
    id: `${id}-${key}`,
    label: t(`appraisal.${key}`),
    value: form.values[key],
    error: form.problem(key),
    onChange: (value: string) => form.setValues((f) => ({ ...f, [key]: value })),
    className: 'mb-3',
    labelClassName: 'form-label fw-semibold',
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
      aria-labelledby={`${id}-title`}
      className="appraisal-form mt-4"
      data-testid="appraisal-form"
    >
      <h3 id={`${id}-title`} className="h5">
        {t('appraisal.formTitle', { name: personName, year })}
      </h3>
      <SelectInput
        {...field('roleProfile')}
        hint={t('appraisal.roleProfileHint')}
        options={[
          { value: '', label: t('appraisal.chooseProfile') },
          ...profiles.map((p) => ({
            value: p.role,
            label: t('appraisal.profileOption', {
              profile: p.role,
              entity: formatNumber(p.entity, locale),
              unit: formatNumber(p.unit, locale),
              individual: formatNumber(p.individual, locale),
              behaviour: formatNumber(p.behaviour, locale),
            }),
          })),
        ]}
      />
      <NumberInput {...field('behaviourScore')} hint={t('appraisal.behaviourHint')} autoComplete="off" />
      <TextArea {...field('note')} />
      <ErrorAlert error={form.error} />
      <div role="status">{form.status === 'saved' ? <p className="text-success fw-semibold">{t('appraisal.saved')}</p> : null}</div>
      <Button type="submit" color="primary" disabled={form.saving}>
        {t('appraisal.save')}
      </Button>
      {form.dialog}
    </form>
  );
}
