// The indicators of the selected node, each editable in the plan editor: name, code, algorithm, formula (checked
// as it is typed), unit, direction, scoring method, data source, frequency, baseline (value and year), weight.
// Only the changed fields are sent, with the version read; what changes the score is disabled outside a draft,
// everything once the cycle is closed. A stale version (CONFLICT) opens the conflict dialog with what was typed:
// "reload and retry" sends the same values on the current version, "discard" loads the current values. In a draft
// plan administrators may also delete an indicator with its targets (components/plan-delete.tsx).
import { useId, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { localeOf, parseNumber } from '../../format/format.js';
import {
  DIRECTIONS,
  EditIndicatorMutation,
  FREQUENCIES,
  IndicatorForEditQuery,
  NodeForEditQuery,
  SCORING_METHODS,
  type Direction,
  type EditableIndicator,
  type Frequency,
  type IndicatorChanges,
  type ScoringMethod,
} from './plan-operations.js';
import type { CycleState } from '../../graphql/types.js';
import { formulaVariables } from '../../plan/formula.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NumberInput, numberText, rereadQuery, SelectInput, TextArea, TextInput, useVersionedSave, type Read, type SelectOption } from '../../components/form/index.js';
import { Loading } from '../../components/loading.js';
import { CODE_MAX, EditModeNotice, editMode, modeIds, TITLE_MAX, TITLE_MIN } from './plan-edit-mode.js';
import { IndicatorDeleteButton } from './plan-delete.js';

/** A validation problem: an i18n key and its parameters. */
type Problem = { key: string; min?: number; max?: number };

export const ALGORITHM_MAX = 2000;
export const FORMULA_MAX = 500;
export const UNIT_MAX = 32;
export const SOURCE_MAX = 500;

// --- formula ----------------------------------------------------------------------------------

/** The functions the scoring engine accepts in a formula (@albero/scoring, compileFormula). */
export const FORMULA_FUNCTIONS = ['min', 'max', 'abs', 'round', 'floor', 'ceil', 'sqrt'] as const;

export type FormulaCheck = { ok: true; variables: string[] } | { ok: false; problem: 'characters' | 'parentheses' | 'function' | 'syntax' };

class FormulaProblem extends Error {
  constructor(readonly problem: 'function' | 'syntax') {
    super(problem);
  }
}

/**
 * Checks a formula as the scoring engine will read it: numbers (decimal point), variable names, + - * /,
 * parentheses and the whitelisted functions. The variables are the ones plan/formula.ts finds. Empty is fine
 * (no formula); the API compiles it again on save.
 */
export function checkFormula(text: string): FormulaCheck {
  const source = text.trim();
  if (source === '') return { ok: true, variables: [] };
  const tokens = source.match(/\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|\S/g) ?? [];
  if (tokens.some((token) => token.length === 1 && !/[A-Za-z0-9_+\-*/(),]/.test(token))) return { ok: false, problem: 'characters' };
  let depth = 0;
  for (const token of tokens) {
    if (token === '(') depth += 1;
    if (token === ')') depth -= 1;
    if (depth < 0) return { ok: false, problem: 'parentheses' };
  }
  if (depth !== 0) return { ok: false, problem: 'parentheses' };
  let at = 0;
  const peek = () => tokens[at];
  const expect = (token: string) => {
    if (tokens[at] !== token) throw new FormulaProblem('syntax');
    at += 1;
  };
  const expression = (): void => {
    term();
    while (peek() === '+' || peek() === '-') {
      at += 1;
      term();
    }
  };
  const term = (): void => {
    factor();
    while (peek() === '*' || peek() === '/') {
      at += 1;
      factor();
    }
  };
  const factor = (): void => {
    const token = tokens[at++];
    if (token === undefined) throw new FormulaProblem('syntax');
    if (token === '+' || token === '-') return factor();
    if (/^\d/.test(token)) return;
    if (token === '(') {
      expression();
      return expect(')');
    }
    if (/^[A-Za-z_]/.test(token)) {
      if (peek() !== '(') return;
      if (!(FORMULA_FUNCTIONS as readonly string[]).includes(token)) throw new FormulaProblem('function');
      at += 1;
      let count = 1;
      expression();
      while (peek() === ',') {
        at += 1;
        count += 1;
        expression();
      }
      // min and max take any number of values, round a value and its decimals, the others one value.
      if (token !== 'min' && token !== 'max' && count > (token === 'round' ? 2 : 1)) throw new FormulaProblem('syntax');
      return expect(')');
    }
    throw new FormulaProblem('syntax');
  };
  try {
    expression();
    if (at !== tokens.length) return { ok: false, problem: 'syntax' };
  } catch (error) {
    if (error instanceof FormulaProblem) return { ok: false, problem: error.problem };
    throw error;
  }
  return { ok: true, variables: formulaVariables(source) };
}

// --- fields -----------------------------------------------------------------------------------

export type IndicatorFields = {
  name: string;
  code: string;
  algorithm: string;
  formula: string;
  unit: string;
  direction: Direction;
  scoringMethod: ScoringMethod | '';
  dataSource: string;
  frequency: Frequency | '';
  baselineNumber: string;
  baselineYear: string;
  weight: string;
};
const ORDER: (keyof IndicatorFields)[] = ['name', 'code', 'algorithm', 'formula', 'unit', 'direction', 'scoringMethod', 'dataSource', 'frequency', 'baselineNumber', 'baselineYear', 'weight'];
/** What changes how an indicator is scored: only while the plan is a draft (the API's SCORING_FIELDS). */
const SCORING: ReadonlySet<keyof IndicatorFields> = new Set(['formula', 'direction', 'scoringMethod', 'baselineNumber', 'weight']);

/** The form's text for an indicator as read from the API. */
export function indicatorFields(indicator: EditableIndicator, locale: string): IndicatorFields {
  return {
    name: indicator.name,
    code: indicator.code ?? '',
    algorithm: indicator.algorithm ?? '',
    formula: indicator.formula ?? '',
    unit: indicator.unit ?? '',
    direction: indicator.direction,
    scoringMethod: indicator.scoringMethod ?? '',
    dataSource: indicator.dataSource ?? '',
    frequency: indicator.frequency ?? '',
    baselineNumber: numberText(indicator.baselineNumber, locale),
    baselineYear: indicator.baselineYear === null ? '' : String(indicator.baselineYear),
    weight: numberText(indicator.weight, locale),
  };
}

const parseYear = (text: string): number | null => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : null);

/** Immediate validation, as the API validates; the formula only when it was changed (the API compiled the stored one). */
export function validateIndicator(fields: IndicatorFields, base: IndicatorFields): Partial<Record<keyof IndicatorFields, Problem>> {
  const problems: Partial<Record<keyof IndicatorFields, Problem>> = {};
  const name = fields.name.trim();
  if (name === '') problems.name = { key: 'planEdit.nameRequired' };
  else if (name.length < TITLE_MIN) problems.name = { key: 'planEdit.nameTooShort', min: TITLE_MIN };
  else if (name.length > TITLE_MAX) problems.name = { key: 'planEdit.tooLong', max: TITLE_MAX };
  const tooLong = (key: 'code' | 'algorithm' | 'formula' | 'unit' | 'dataSource', max: number) => {
    if (fields[key].trim().length > max) problems[key] = { key: 'planEdit.tooLong', max };
  };
  tooLong('code', CODE_MAX);
  tooLong('algorithm', ALGORITHM_MAX);
  tooLong('formula', FORMULA_MAX);
  tooLong('unit', UNIT_MAX);
  tooLong('dataSource', SOURCE_MAX);
  if (!problems.formula && fields.formula.trim() !== base.formula.trim()) {
    const check = checkFormula(fields.formula);
    if (!check.ok) problems.formula = { key: `planEdit.formula_${check.problem}` };
  }
  if (fields.baselineNumber.trim() !== '' && parseNumber(fields.baselineNumber) === null) problems.baselineNumber = { key: 'planEdit.invalidNumber' };
  if (fields.baselineYear.trim() !== '') {
    const year = parseYear(fields.baselineYear);
    if (year === null || year < 2000 || year > 2100) problems.baselineYear = { key: 'planEdit.yearInvalid' };
  }
  const weight = parseNumber(fields.weight);
  if (fields.weight.trim() === '') problems.weight = { key: 'planEdit.weightRequired' };
  else if (weight === null) problems.weight = { key: 'planEdit.invalidNumber' };
  else if (weight < 0 || weight > 100) problems.weight = { key: 'planEdit.weightRange' };
  return problems;
}

/** The fields that differ from what was read: the name, and the rest as IndicatorFieldsInput (null clears). */
export function indicatorChanges(base: IndicatorFields, typed: IndicatorFields): IndicatorChanges {
  const changes: IndicatorChanges = {};
  const fields: NonNullable<IndicatorChanges['fields']> = {};
  if (typed.name.trim() !== base.name.trim()) changes.name = typed.name.trim();
  for (const key of ['code', 'algorithm', 'formula', 'unit', 'dataSource'] as const) {
    if (typed[key].trim() !== base[key].trim()) fields[key] = typed[key].trim() || null;
  }
  if (typed.direction !== base.direction) fields.direction = typed.direction;
  if (typed.scoringMethod !== base.scoringMethod) fields.scoringMethod = typed.scoringMethod === '' ? null : typed.scoringMethod;
  if (typed.frequency !== base.frequency) fields.frequency = typed.frequency === '' ? null : typed.frequency;
  const baseline = parseNumber(typed.baselineNumber);
  if (baseline !== parseNumber(base.baselineNumber)) fields.baselineNumber = baseline;
  const year = parseYear(typed.baselineYear);
  if (year !== parseYear(base.baselineYear)) fields.baselineYear = year;
  const weight = parseNumber(typed.weight);
  if (weight !== null && weight !== parseNumber(base.weight)) fields.weight = weight;
  if (Object.keys(fields).length > 0) changes.fields = fields;
  return changes;
}

/** The form keys a change touches (for the conflict dialog). */
function changedKeys(changes: IndicatorChanges): Set<keyof IndicatorFields> {
  const keys = new Set<keyof IndicatorFields>(Object.keys(changes.fields ?? {}) as (keyof IndicatorFields)[]);
  if (changes.name !== undefined) keys.add('name');
  return keys;
}

// --- components -------------------------------------------------------------------------------

/** The selected node's indicators, each opened for editing on demand (closing one keeps what was typed in it). */
/** The node's indicators, each with its form; `canDelete` (administrators) offers "Elimina l'indicatore" in a draft. */
export function IndicatorEditList({ nodeId, cycleState, year, canDelete = false }: { nodeId: string; cycleState: CycleState; year: number; canDelete?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [{ data, error }] = useQuery({ query: NodeForEditQuery, variables: { id: nodeId } });
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [deleted, setDeleted] = useState<string | null>(null);
  if (error && !data) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  const { node } = data;
  const toggle = (indicatorId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(indicatorId)) next.delete(indicatorId);
      else next.add(indicatorId);
      return next;
    });
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-3">
      <h3 id={`${id}-heading`} className="h6" ref={heading} tabIndex={-1}>
        {t('planEdit.indicators', { code: node.code })}
      </h3>
      <p role="status" className="mb-2">
        {deleted}
      </p>
      {node.indicators.length === 0 ? <p>{t('planEdit.noIndicators')}</p> : null}
      <ul className="list-unstyled">
        {node.indicators.map((indicator) => {
          const label = indicator.code ? `${indicator.code} ${indicator.name}` : indicator.name;
          const expanded = open.has(indicator.id);
          return (
            <li key={indicator.id} className="mb-2">
              <Button type="button" color="secondary" outline size="sm" aria-expanded={expanded} aria-controls={`${id}-${indicator.id}`} onClick={() => toggle(indicator.id)}>
                {t('planEdit.editIndicator', { name: label })}
              </Button>
              <div id={`${id}-${indicator.id}`} hidden={!expanded} className="mt-2">
                <IndicatorEditor
                  indicator={indicator}
                  cycleState={cycleState}
                  year={year}
                  nodeCode={node.code}
                  onDeleted={
                    canDelete
                      ? (summary) => {
                          setDeleted(summary);
                          // Its form is gone: focus goes back to the list, which the status message follows.
                          heading.current?.focus();
                        }
                      : undefined
                  }
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The labels of the indicator's fields. */
function indicatorLabels(t: TFunction): Record<keyof IndicatorFields, string> {
  return {
    name: t('planEdit.name'),
    code: t('planEdit.indicatorCode'),
    algorithm: t('planEdit.algorithm'),
    formula: t('planEdit.formula'),
    unit: t('planEdit.unit'),
    direction: t('planEdit.direction'),
    scoringMethod: t('planEdit.scoringMethod'),
    dataSource: t('planEdit.dataSource'),
    frequency: t('planEdit.frequency'),
    baselineNumber: t('planEdit.baselineNumber'),
    baselineYear: t('planEdit.baselineYear'),
    weight: t('planEdit.indicatorWeight'),
  };
}

/** The typed values a change touches, as the conflict dialog lists them. */
function typedIndicatorValues(t: TFunction, changes: IndicatorChanges, typed: IndicatorFields) {
  const label = indicatorLabels(t);
  const shown = (key: keyof IndicatorFields): string => {
    const text = typed[key].trim();
    if (key === 'direction') return t(`planEdit.directions.${text}`);
    if (key === 'scoringMethod') return text ? t(`planEdit.scoringMethods.${text}`) : t('planEdit.scoringDefault');
    if (key === 'frequency') return text ? t(`planEdit.frequencies.${text}`) : t('planEdit.frequencyNone');
    return text || t('planEdit.empty');
  };
  const keys = changedKeys(changes);
  return ORDER.filter((key) => keys.has(key)).map((key) => ({ label: label[key], value: shown(key) }));
}

const STATUS = { saved: 'planEdit.indicatorSaved', reloaded: 'planEdit.reloaded', nothing: 'planEdit.nothingToSave' } as const;

export function IndicatorEditor({
  indicator,
  cycleState,
  year,
  nodeCode,
  onDeleted,
}: {
  indicator: EditableIndicator;
  cycleState: CycleState;
  year: number;
  /** The code of the node it belongs to (named in the delete confirmation). */
  nodeCode?: string | undefined;
  /** Given to those who may delete: in a draft plan the form offers "Elimina l'indicatore". */
  onDeleted?: ((summary: string) => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const client = useClient();
  const mode = editMode(cycleState);
  const [, update] = useMutation(EditIndicatorMutation);
  const toRead = (i: EditableIndicator): Read<IndicatorFields, number> => ({ values: indicatorFields(i, locale), version: i.version });
  const form = useVersionedSave({
    read: toRead(indicator),
    diff: indicatorChanges,
    isEmpty: (changes) => changedKeys(changes).size === 0,
    send: (version, changes: IndicatorChanges) => update({ id: indicator.id, version, ...changes }),
    reread: () => rereadQuery(client, IndicatorForEditQuery, { id: indicator.id }, (data) => toRead(data.indicator)),
    saved: (data) => toRead(data.updateIndicator),
    describe: (changes, typed) => typedIndicatorValues(t, changes, typed),
    validate: validateIndicator,
    fields: ORDER,
    idOf: (key) => `${id}-${key}`,
    // What the API refused (an invalid formula, a taken code), on its field until the value changes.
    fieldMessage: (key) => (key === 'formula' ? 'planEdit.formulaRefused' : 'planEdit.valueRefused'),
  });

  const label = indicatorLabels(t);
  const ids = modeIds(id);
  const disabled = (key: keyof IndicatorFields) => mode === 'closed' || (mode === 'wording' && SCORING.has(key));
  const reason = (key: keyof IndicatorFields) => (mode === 'closed' ? ids.closed : mode === 'wording' && SCORING.has(key) ? ids.draftOnly : null);
  const field = (key: keyof IndicatorFields, hint?: string) => ({
    id: `${id}-${key}`,
    label: label[key],
    value: form.values[key],
    onChange: form.set(key),
    error: form.problem(key),
    disabled: disabled(key),
    describedBy: [hint, reason(key)],
    size: 'sm' as const,
  });
  const select = (key: 'direction' | 'scoringMethod' | 'frequency', options: SelectOption[]) => <SelectInput {...field(key)} options={options} />;
  const formula = checkFormula(form.values.formula);
  const base = form.read.values;
  const name = base.code.trim() ? `${base.code.trim()} ${base.name}` : base.name;

  return (
    <form
      noValidate
      className="plan-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <h4 id={`${id}-heading`} className="h6">
        {t('planEdit.indicatorHeading', { name })}
      </h4>
      <EditModeNotice base={id} mode={mode} cycleState={cycleState} year={year} draftOnlyKey="planEdit.indicatorDraftOnly" />
      <TextInput {...field('name')} />
      <TextInput {...field('code')} />
      <TextArea {...field('algorithm')} />
      <TextInput {...field('formula', `${id}-formula-hint`)} />
      <p id={`${id}-formula-hint`} className="form-text mt-0">
        {formula.ok && formula.variables.length > 0 ? t('planEdit.formulaVariables', { names: formula.variables.join(', ') }) : t('planEdit.formulaHelp')}
      </p>
      <TextInput {...field('unit')} />
      {select(
        'direction',
        DIRECTIONS.map((d) => ({ value: d, label: t(`planEdit.directions.${d}`) })),
      )}
      {select('scoringMethod', [{ value: '', label: t('planEdit.scoringDefault') }, ...SCORING_METHODS.map((m) => ({ value: m, label: t(`planEdit.scoringMethods.${m}`) }))])}
      <TextInput {...field('dataSource')} />
      {select('frequency', [{ value: '', label: t('planEdit.frequencyNone') }, ...FREQUENCIES.map((f) => ({ value: f, label: t(`planEdit.frequencies.${f}`) }))])}
      <div className="d-flex flex-wrap gap-3 align-items-start">
        <NumberInput {...field('baselineNumber')} />
        <TextInput {...field('baselineYear')} inputMode="numeric" />
        <NumberInput {...field('weight')} />
      </div>
      <ErrorAlert error={form.error} />
      <p role="status" className="mb-2">
        {form.status ? t(STATUS[form.status]) : null}
      </p>
      <div className="d-flex flex-wrap gap-2 align-items-start">
        <Button type="submit" color="primary" size="sm" disabled={mode === 'closed' || form.saving}>
          {t('planEdit.saveIndicator')}
        </Button>
        {mode === 'draft' && onDeleted ? (
          <IndicatorDeleteButton
            indicator={{ id: indicator.id, code: base.code.trim() || null, name: base.name, version: form.read.version, nodeCode: nodeCode ?? '' }}
            onDeleted={(_deleted, summary) => onDeleted(summary)}
          />
        ) : null}
      </div>
      {form.dialog}
    </form>
  );
}
