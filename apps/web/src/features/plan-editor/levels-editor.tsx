// The names of the cycle's levels ("Area strategica", "Obiettivo operativo"…) for the chamber administrator:
// wording, so they change until the cycle is closed. In a draft plan also each level's kind and how its score
// combines its children's (they change scoring, so they are fixed once the plan is approved). Saved with the cycle's
// version through useVersionedSave: a stale version (CONFLICT) opens its dialog, keeps what was typed and can send it
// again on the current version.
import { useId, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { PlanQuery, UpdateLevelsMutation } from '../../graphql/operations.js';
import type { Aggregation, CycleState, Level, LevelKind, LevelName } from '../../graphql/types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { rereadQuery, SelectInput, TextInput, useVersionedSave } from '../../components/form/index.js';

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

type LevelValues = { names: Record<string, string>; structure: Record<string, Structure> };

/** The form's values for the levels as read. */
function levelValues(levels: readonly Level[]): LevelValues {
  return {
    names: Object.fromEntries(levels.map((l) => [l.key, l.name])),
    structure: Object.fromEntries(levels.map((l) => [l.key, { kind: l.kind, aggregation: l.aggregation ?? 'weighted_mean' }])),
  };
}

export function LevelsEditor({ cycle, canEdit }: { cycle: LevelsCycle; canEdit: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const formId = useId();
  const levels = [...cycle.levels].sort((a, b) => a.position - b.position);
  const draft = cycle.state === 'draft';
  const [touched, setTouched] = useState(false);
  const [, update] = useMutation(UpdateLevelsMutation);
  const field = (key: string) => `${formId}-${key}`;
  const form = useVersionedSave({
    read: { values: levelValues(levels), version: cycle.version },
    // Every name is sent (the API renames them together); kind and aggregation only where they changed.
    diff: (_read, typed: LevelValues) => levelChanges(levels, typed.names, typed.structure, draft),
    isEmpty: () => false,
    send: (version, changes) => update({ cycleId: cycle.id, version, levels: changes }),
    reread: () => rereadQuery(client, PlanQuery, { year: cycle.year }, (data) => ({ values: levelValues(data.cycle.levels ?? levels), version: data.cycle.version })),
    saved: (data, typed) => ({ values: typed, version: data.updateLevels.version }),
    describe: (_changes, typed) =>
      levels.flatMap((l, index) => {
        const shown = [{ label: t('plan.levelName', { position: index + 1 }), value: typed.names[l.key] ?? '' }];
        const chosen = typed.structure[l.key];
        if (draft && chosen) {
          shown.push({ label: t('plan.levelKind', { position: index + 1 }), value: t(`plan.levelKinds.${chosen.kind}`) });
          if (l.aggregation !== undefined) shown.push({ label: t('plan.levelAggregation', { position: index + 1 }), value: t(`plan.aggregations.${chosen.aggregation}`) });
        }
        return shown;
      }),
    validate: (typed) => validateLevelNames(typed.names),
    fields: levels.map((l) => l.key),
    idOf: field,
  });
  const editable = canEdit && levelNamesEditable(cycle.state);
  const { names, structure } = form.values;
  const errors = validateLevelNames(names);

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

  const setName = (key: string, value: string) => {
    form.setValues((current) => ({ ...current, names: { ...current.names, [key]: value } }));
    setTouched(true);
  };
  const setStructure = (key: string, change: Partial<Structure>) =>
    form.setValues((current) => ({ ...current, structure: { ...current.structure, [key]: { ...current.structure[key]!, ...change } } }));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        void form.submit();
      }}
      noValidate
      className="plan-form"
      aria-describedby={`${formId}-intro`}
    >
      <p id={`${formId}-intro`}>
        {t('plan.levelsIntro')} {draft ? t('plan.levelsDraftIntro') : null}
      </p>
      {levels.map((l, index) => (
        <div className="mb-2" key={l.key}>
          <TextInput
            id={field(l.key)}
            className=""
            label={t('plan.levelName', { position: index + 1 })}
            size="sm"
            value={names[l.key] ?? ''}
            error={touched && errors[l.key] ? t(errors[l.key]!, { max: LEVEL_NAME_MAX }) : null}
            onChange={(value) => setName(l.key, value)}
          />
          {draft ? (
            <div className="row g-2 mt-1">
              <SelectInput
                id={`${field(l.key)}-kind`}
                className="col-sm-6"
                label={t('plan.levelKind', { position: index + 1 })}
                size="sm"
                value={structure[l.key]?.kind ?? ''}
                onChange={(kind) => setStructure(l.key, { kind: kind as LevelKind })}
                options={LEVEL_KINDS.map((kind) => ({ value: kind, label: t(`plan.levelKinds.${kind}`) }))}
              />
              {l.aggregation !== undefined ? (
                <SelectInput
                  id={`${field(l.key)}-aggregation`}
                  className="col-sm-6"
                  label={t('plan.levelAggregation', { position: index + 1 })}
                  size="sm"
                  value={structure[l.key]?.aggregation ?? ''}
                  onChange={(aggregation) => setStructure(l.key, { aggregation: aggregation as Aggregation })}
                  options={AGGREGATIONS.map((aggregation) => ({ value: aggregation, label: t(`plan.aggregations.${aggregation}`) }))}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      ))}
      <ErrorAlert error={form.error} />
      <p role="status" className="mb-2">
        {form.status === 'saved' ? t('plan.levelsSaved') : form.status === 'reloaded' ? t('planEdit.reloaded') : null}
      </p>
      <Button type="submit" color="primary" size="sm" disabled={form.saving}>
        {t('plan.saveLevels')}
      </Button>
      {form.dialog}
    </form>
  );
}
