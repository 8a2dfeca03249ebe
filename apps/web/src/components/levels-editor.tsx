// The names of the cycle's levels ("Area strategica", "Obiettivo operativo"…) for the chamber administrator:
// wording, so they change until the cycle is closed. In a draft plan also each level's kind and how its score
// combines its children's (they change scoring, so they are fixed once the plan is approved). Saved with the cycle's version; a stale version (CONFLICT)
// opens the conflict dialog, keeps what was typed and can send it again on the current version.
import { useId, useState, type FormEvent } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { isConflict } from '../errors/map-error.js';
import { PlanQuery, UpdateLevelsMutation } from '../graphql/operations.js';
import type { Aggregation, CycleState, Level, LevelKind, LevelName } from '../graphql/types.js';
import { ConflictDialog } from './conflict-dialog.js';
import { ErrorAlert } from './error-alert.js';

export const LEVEL_NAME_MAX = 120;

/** The message key of each invalid name (by level key): required, at most LEVEL_NAME_MAX characters. */
export function validateLevelNames(names: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, name] of Object.entries(names)) {
    if (name.trim() === '') errors[key] = 'plan.levelNameRequired';
    else if (name.trim().length > LEVEL_NAME_MAX) errors[key] = 'plan.levelNameTooLong';
  }
  return errors;
}

/** Whether the level names of a cycle in this state can still change (until it is closed). */
export function levelNamesEditable(state: CycleState): boolean {
  return state !== 'closed' && state !== 'published';
}

export const LEVEL_KINDS: LevelKind[] = ['area', 'perspective', 'strategic', 'program', 'operational', 'action', 'individual'];
export const AGGREGATIONS: Aggregation[] = ['weighted_mean', 'simple_mean'];

type Structure = { kind: LevelKind; aggregation: Aggregation };

/** What to send for each level: its name, and kind / aggregation only where they changed (draft plans only). */
export function levelChanges(levels: Level[], names: Record<string, string>, structure: Record<string, Structure>, draft: boolean): LevelName[] {
  return levels.map((l) => {
    const change: LevelName = { key: l.key, name: (names[l.key] ?? '').trim() };
    const chosen = structure[l.key];
    if (draft && chosen) {
      if (chosen.kind !== l.kind) change.kind = chosen.kind;
      if (l.aggregation !== undefined && chosen.aggregation !== l.aggregation) change.aggregation = chosen.aggregation;
    }
    return change;
  });
}

type LevelsCycle = { id: string; year: number; state: CycleState; version: number; levels: Level[] };

export function LevelsEditor({ cycle, canEdit }: { cycle: LevelsCycle; canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const formId = useId();
  const levels = [...cycle.levels].sort((a, b) => a.position - b.position);
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries(levels.map((l) => [l.key, l.name])));
  const [structure, setStructure] = useState<Record<string, Structure>>(() =>
    Object.fromEntries(levels.map((l) => [l.key, { kind: l.kind, aggregation: l.aggregation ?? 'weighted_mean' }])),
  );
  const draft = cycle.state === 'draft';
  const [touched, setTouched] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, update] = useMutation(UpdateLevelsMutation);
  const editable = canEdit && levelNamesEditable(cycle.state);
  const errors = validateLevelNames(names);
  const field = (key: string) => `${formId}-${key}`;

  if (!editable) {
    return (
      <>
        {canEdit ? <p className="alert alert-info">{t('plan.levelsReadOnly', { year: cycle.year, state: t(`cycleState.${cycle.state}`).toLowerCase() })}</p> : null}
        <ol className="levels-list">
          {levels.map((l) => (
            <li key={l.key}>{l.name}</li>
          ))}
        </ol>
      </>
    );
  }

  const send = async (version: number) => {
    setTouched(true);
    setNotice(null);
    const invalid = levels.find((l) => errors[l.key]);
    if (invalid) {
      document.getElementById(field(invalid.key))?.focus();
      return;
    }
    const saved = await update({ cycleId: cycle.id, version, levels: levelChanges(levels, names, structure, draft) });
    if (isConflict(saved.error)) return setConflict(true);
    if (saved.data) setNotice(t('plan.levelsSaved'));
  };

  // Reads the cycle's current version (someone else changed it) and sends the same names again.
  const reapply = async () => {
    setConflict(false);
    const fresh = await client.query(PlanQuery, { year: cycle.year }, { requestPolicy: 'network-only' }).toPromise();
    await send(fresh.data?.cycle.version ?? cycle.version);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(cycle.version);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="plan-form" aria-describedby={`${formId}-intro`}>
      <p id={`${formId}-intro`}>
        {t('plan.levelsIntro')} {draft ? t('plan.levelsDraftIntro') : null}
      </p>
      {levels.map((l, index) => {
        const message = touched && errors[l.key] ? t(errors[l.key]!, { max: LEVEL_NAME_MAX }) : null;
        return (
          <div className="mb-2" key={l.key}>
            <label htmlFor={field(l.key)}>{t('plan.levelName', { position: index + 1 })}</label>
            <input
              id={field(l.key)}
              className={`form-control form-control-sm${message ? ' is-invalid' : ''}`}
              value={names[l.key] ?? ''}
              aria-invalid={message ? 'true' : 'false'}
              aria-describedby={message ? `${field(l.key)}-error` : undefined}
              onChange={(e) => {
                setNames((current) => ({ ...current, [l.key]: e.target.value }));
                setTouched(true);
              }}
            />
            {message ? (
              <div id={`${field(l.key)}-error`} className="invalid-feedback d-block">
                {message}
              </div>
            ) : null}
            {draft ? (
              <div className="row g-2 mt-1">
                <div className="col-sm-6">
                  <label htmlFor={`${field(l.key)}-kind`}>{t('plan.levelKind', { position: index + 1 })}</label>
                  <select
                    id={`${field(l.key)}-kind`}
                    className="form-select form-select-sm"
                    value={structure[l.key]?.kind}
                    onChange={(e) => setStructure((current) => ({ ...current, [l.key]: { ...current[l.key]!, kind: e.target.value as LevelKind } }))}
                  >
                    {LEVEL_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`plan.levelKinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {l.aggregation !== undefined ? (
                  <div className="col-sm-6">
                    <label htmlFor={`${field(l.key)}-aggregation`}>{t('plan.levelAggregation', { position: index + 1 })}</label>
                    <select
                      id={`${field(l.key)}-aggregation`}
                      className="form-select form-select-sm"
                      value={structure[l.key]?.aggregation}
                      onChange={(e) => setStructure((current) => ({ ...current, [l.key]: { ...current[l.key]!, aggregation: e.target.value as Aggregation } }))}
                    >
                      {AGGREGATIONS.map((aggregation) => (
                        <option key={aggregation} value={aggregation}>
                          {t(`plan.aggregations.${aggregation}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                ) : null}
              </div>
            ) : null}
          </div>
        );
      })}
      <ErrorAlert error={conflict ? undefined : result.error} />
      <p role="status" className="mb-2">
        {notice}
      </p>
      <Button type="submit" color="primary" size="sm" disabled={result.fetching}>
        {t('plan.saveLevels')}
      </Button>
      <ConflictDialog
        isOpen={conflict}
        values={levels.flatMap((l, index) => {
          const typed = [{ label: t('plan.levelName', { position: index + 1 }), value: names[l.key] ?? '' }];
          const chosen = structure[l.key];
          if (draft && chosen) {
            typed.push({ label: t('plan.levelKind', { position: index + 1 }), value: t(`plan.levelKinds.${chosen.kind}`) });
            if (l.aggregation !== undefined) typed.push({ label: t('plan.levelAggregation', { position: index + 1 }), value: t(`plan.aggregations.${chosen.aggregation}`) });
          }
          return typed;
        })}
        onReapply={() => void reapply()}
        onDiscard={() => setConflict(false)}
      />
    </form>
  );
}
