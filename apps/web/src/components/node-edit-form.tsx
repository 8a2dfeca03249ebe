// Editing an existing node of the plan ("Modifica Azione 1.1.1": code, title, description, weight, note and the
// node's own target), deleting it from a draft plan (administrators: components/plan-delete.tsx) and moving it in
// the tree (under another parent, up or down among its siblings). Only the changed fields are sent, with the
// version read; what the API refuses outside a draft is disabled with the reason. A stale version (CONFLICT) opens the conflict dialog with what was typed: "reload and retry" reads the
// current version and sends the same values again, "discard" loads the current values into the form.
import { useId, useState, type FormEvent } from 'react';
import type { CombinedError } from '@urql/core';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { isConflict } from '../errors/map-error.js';
import { localeOf, parseNumber } from '../format/format.js';
import { EditNodeMutation, MoveNodeMutation, NodeForEditQuery, OPERATORS, type DeletedNodeResult, type EditableNodeFields, type NodeChanges } from '../graphql/plan-operations.js';
import type { CycleState, Level, Operator, TreeNode } from '../graphql/types.js';
import type { TreeIndex } from '../plan/tree.js';
import { ConflictDialog, type TypedValue } from './conflict-dialog.js';
import { ErrorAlert } from './error-alert.js';
import { Loading } from './loading.js';
import { NodeDeleteButton } from './plan-delete.js';

export const CODE_MAX = 64;
export const TITLE_MIN = 3;
export const TITLE_MAX = 2000;
export const TEXT_MAX = 10_000;

type ApiError = Pick<CombinedError, 'graphQLErrors' | 'networkError'>;

/** The field an API error names (`extensions.field`: a taken code, an invalid formula…), if any. */
export function errorField(error: ApiError | undefined): string | undefined {
  const field = error?.graphQLErrors.find((e) => typeof e.extensions.field === 'string')?.extensions.field;
  return typeof field === 'string' ? field : undefined;
}

/** A stale version (someone changed the row since it was read), not a value taken by another row. */
export function isStale(error: ApiError | undefined): boolean {
  return isConflict(error) && errorField(error) === undefined;
}

/** What the API lets change in a cycle in this state: everything in a draft, wording until it closes, nothing after. */
export function editMode(state: CycleState): 'draft' | 'wording' | 'closed' {
  if (state === 'draft') return 'draft';
  return state === 'closed' || state === 'published' ? 'closed' : 'wording';
}

/** A number as it is typed in this locale, without grouping ("1234,5"), so that parseNumber reads it back. */
export function numberInput(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = String(value);
  return locale.startsWith('it') ? text.replace('.', ',') : text;
}

/** A validation problem: an i18n key and its parameters. */
export type Problem = { key: string; min?: number; max?: number };

export type NodeFields = { code: string; title: string; description: string; weight: string; note: string; operator: Operator | ''; value: string };
const NODE_ORDER: (keyof NodeFields)[] = ['code', 'title', 'description', 'weight', 'note', 'operator', 'value'];

/** The form's text for a node as read from the API. */
export function nodeFields(node: EditableNodeFields, locale: string): NodeFields {
  return {
    code: node.code,
    title: node.title,
    description: node.description ?? '',
    weight: numberInput(node.weight, locale),
    note: node.note ?? '',
    operator: node.achievementOperator ?? '',
    value: numberInput(node.achievementValue, locale),
  };
}

/** Immediate validation (as the API validates): required code and title, numbers in Italian or English format. */
export function validateNode(fields: NodeFields, mode: 'draft' | 'wording' | 'closed'): Partial<Record<keyof NodeFields, Problem>> {
  const problems: Partial<Record<keyof NodeFields, Problem>> = {};
  const title = fields.title.trim();
  if (title === '') problems.title = { key: 'planEdit.titleRequired' };
  else if (title.length < TITLE_MIN) problems.title = { key: 'planEdit.titleTooShort', min: TITLE_MIN };
  else if (title.length > TITLE_MAX) problems.title = { key: 'planEdit.tooLong', max: TITLE_MAX };
  if (fields.description.trim().length > TEXT_MAX) problems.description = { key: 'planEdit.tooLong', max: TEXT_MAX };
  if (fields.note.trim().length > TEXT_MAX) problems.note = { key: 'planEdit.tooLong', max: TEXT_MAX };
  if (mode !== 'draft') return problems;
  const code = fields.code.trim();
  if (code === '') problems.code = { key: 'planEdit.codeRequired' };
  else if (code.length > CODE_MAX) problems.code = { key: 'planEdit.tooLong', max: CODE_MAX };
  const weight = parseNumber(fields.weight);
  if (fields.weight.trim() === '') problems.weight = { key: 'planEdit.weightRequired' };
  else if (weight === null) problems.weight = { key: 'planEdit.invalidNumber' };
  else if (weight < 0 || weight > 100) problems.weight = { key: 'planEdit.weightRange' };
  const hasValue = fields.value.trim() !== '';
  if (hasValue && parseNumber(fields.value) === null) problems.value = { key: 'planEdit.invalidNumber' };
  else if (fields.operator !== '' && !hasValue) problems.value = { key: 'planEdit.targetValueRequired' };
  else if (fields.operator === '' && hasValue) problems.operator = { key: 'planEdit.operatorRequired' };
  return problems;
}

/** The fields that differ from what was read (trimmed; numbers compared as numbers): what a save sends. */
export function nodeChanges(base: NodeFields, typed: NodeFields): NodeChanges {
  const changes: NodeChanges = {};
  if (typed.code.trim() !== base.code.trim()) changes.code = typed.code.trim();
  if (typed.title.trim() !== base.title.trim()) changes.title = typed.title.trim();
  if (typed.description.trim() !== base.description.trim()) changes.description = typed.description.trim() || null;
  if (typed.note.trim() !== base.note.trim()) changes.note = typed.note.trim() || null;
  const weight = parseNumber(typed.weight);
  if (weight !== null && weight !== parseNumber(base.weight)) changes.weight = weight;
  const value = parseNumber(typed.value);
  if (typed.operator !== base.operator || value !== parseNumber(base.value)) {
    changes.achievementOperator = typed.operator === '' ? null : typed.operator;
    changes.achievementValue = value;
  }
  return changes;
}

type FieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string | null | undefined;
  disabled?: boolean | undefined;
  /** Ids of texts that explain the field (a hint, why it is disabled). */
  describedBy?: (string | null | undefined)[] | undefined;
  multiline?: boolean | undefined;
  inputMode?: 'decimal' | 'numeric' | undefined;
};

/** A labelled text field with its error tied to it (aria-invalid, aria-describedby). */
export function EditField({ id, label, value, onChange, problem, disabled, describedBy = [], multiline, inputMode }: FieldProps) {
  const described = [problem ? `${id}-error` : null, ...describedBy].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: `form-control form-control-sm${problem ? ' is-invalid' : ''}`,
    value,
    disabled,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': described,
  } as const;
  return (
    <div className="mb-2">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      {problem ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {problem}
        </div>
      ) : null}
    </div>
  );
}

/** A labelled select with its error tied to it. */
export function EditSelect({
  id,
  label,
  value,
  onChange,
  options,
  problem,
  disabled,
  describedBy = [],
}: Omit<FieldProps, 'multiline' | 'inputMode'> & { options: { value: string; label: string }[] }) {
  const described = [problem ? `${id}-error` : null, ...describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className="mb-2">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className={`form-select form-select-sm${problem ? ' is-invalid' : ''}`}
        value={value}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {problem ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {problem}
        </div>
      ) : null}
    </div>
  );
}

/** Called once a node is deleted, with the API's answer and a sentence saying what went. */
export type OnNodeDeleted = (deleted: DeletedNodeResult, summary: string) => void;

/**
 * The selected node's form: reads the node's editable fields, then edits them. With `onDeleted` (given to those who
 * may delete) a draft plan's node also offers "Elimina l'obiettivo".
 */
export function NodeEditForm({ nodeId, cycleState, year, onDeleted }: { nodeId: string; cycleState: CycleState; year: number; onDeleted?: OnNodeDeleted | undefined }) {
  const [{ data, error }] = useQuery({ query: NodeForEditQuery, variables: { id: nodeId } });
  if (error && !data) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  return <NodeEditor node={data.node} levelName={data.node.level.name} levelKind={data.node.level.kind} cycleState={cycleState} year={year} onDeleted={onDeleted} />;
}

type Base = { fields: NodeFields; version: number };

function NodeEditor({
  node,
  levelName,
  levelKind,
  cycleState,
  year,
  onDeleted,
}: {
  node: EditableNodeFields;
  levelName: string;
  levelKind: string;
  cycleState: CycleState;
  year: number;
  onDeleted?: OnNodeDeleted | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const client = useClient();
  const mode = editMode(cycleState);
  const [base, setBase] = useState<Base>(() => ({ fields: nodeFields(node, locale), version: node.version }));
  const [fields, setFields] = useState<NodeFields>(base.fields);
  const [touched, setTouched] = useState<ReadonlySet<keyof NodeFields>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [conflict, setConflict] = useState<{ changes: NodeChanges; typed: NodeFields } | null>(null);
  const [takenCode, setTakenCode] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<CombinedError | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, update] = useMutation(EditNodeMutation);
  const changes = nodeChanges(base.fields, fields);
  const dirty = Object.keys(changes).length > 0;

  const reset = (next: EditableNodeFields) => {
    const f = nodeFields(next, locale);
    setBase({ fields: f, version: next.version });
    setFields(f);
    setTouched(new Set());
    setSubmitted(false);
  };

  // A newer version read meanwhile (this person's own move or weights, a reload): taken over while nothing is typed.
  const [seen, setSeen] = useState(node);
  if (seen !== node) {
    setSeen(node);
    if (node.version !== base.version && !dirty) reset(node);
  }

  const problems = validateNode(fields, mode);
  if (takenCode !== null && fields.code.trim() === takenCode && !problems.code) problems.code = { key: 'planEdit.codeTaken' };
  const problemOf = (key: keyof NodeFields) => {
    const p = problems[key];
    return p && (submitted || touched.has(key) || p.key === 'planEdit.codeTaken') ? t(p.key, { min: p.min, max: p.max }) : null;
  };
  const set = (key: keyof NodeFields) => (value: string) => {
    setFields((f) => ({ ...f, [key]: value }));
    setTouched((s) => new Set(s).add(key));
    setNotice(null);
  };

  const send = async (version: number, sent: NodeChanges, typed: NodeFields) => {
    setNotice(null);
    const answer = await update({ id: node.id, version, ...sent });
    if (isStale(answer.error)) return setConflict({ changes: sent, typed });
    if (isConflict(answer.error) && errorField(answer.error) === 'code') {
      setTakenCode(sent.code ?? null);
      document.getElementById(`${id}-code`)?.focus();
      return;
    }
    if (answer.data) {
      reset(answer.data.updateNode);
      setNotice(t('planEdit.nodeSaved'));
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const invalid = NODE_ORDER.find((key) => problems[key]);
    if (invalid) {
      document.getElementById(`${id}-${invalid}`)?.focus();
      return;
    }
    if (!dirty) return setNotice(t('planEdit.nothingToSave'));
    void send(base.version, changes, fields);
  };

  // Reads the node's current version (someone else saved it meanwhile) and sends the same typed values again.
  const reapply = async () => {
    const typed = conflict;
    setConflict(null);
    if (!typed) return;
    const fresh = await client.query(NodeForEditQuery, { id: node.id }, { requestPolicy: 'network-only' }).toPromise();
    setLoadError(fresh.error);
    if (fresh.data) await send(fresh.data.node.version, typed.changes, typed.typed);
  };

  // Gives up what was typed: the form shows the node as it is now.
  const discard = async () => {
    setConflict(null);
    const fresh = await client.query(NodeForEditQuery, { id: node.id }, { requestPolicy: 'network-only' }).toPromise();
    setLoadError(fresh.error);
    if (fresh.data) {
      reset(fresh.data.node);
      setNotice(t('planEdit.reloaded'));
    }
  };

  const label: Record<keyof NodeFields, string> = {
    code: t('planEdit.code'),
    title: t('planEdit.title'),
    description: t('planEdit.description'),
    weight: t('planEdit.weight'),
    note: t('planEdit.note'),
    operator: t('planEdit.operator'),
    value: t('planEdit.targetValue'),
  };
  const typedValues = (typed: { changes: NodeChanges; typed: NodeFields }): TypedValue[] => {
    const keys = new Set<keyof NodeFields>(NODE_ORDER.filter((key) => key in typed.changes));
    if ('achievementOperator' in typed.changes) keys.add('operator').add('value');
    return NODE_ORDER.filter((key) => keys.has(key)).map((key) => {
      const text = typed.typed[key].trim();
      const value = key === 'operator' ? (text ? t(`plan.operators.${text}`) : t('planEdit.noOperator')) : text || t('planEdit.empty');
      return { label: label[key], value };
    });
  };

  const draftOnlyId = `${id}-draft-only`;
  const closedId = `${id}-closed`;
  const state = t(`cycleState.${cycleState}`).toLowerCase();
  const lockedReason = mode === 'closed' ? closedId : mode === 'wording' ? draftOnlyId : null;
  const showOwnTarget = (levelKind !== 'action' && levelKind !== 'individual') || node.achievementOperator !== null;
  const heading = t('planEdit.nodeHeading', { level: levelName, code: base.fields.code });
  const apiError = conflict || isConflict(result.error) ? undefined : result.error;

  return (
    <form noValidate className="plan-form" aria-labelledby={`${id}-heading`} onSubmit={onSubmit}>
      <h3 id={`${id}-heading`} className="h6">
        {heading}
      </h3>
      {mode === 'closed' ? (
        <p id={closedId} className="alert alert-info">
          {t('planEdit.closed', { year, state })}
        </p>
      ) : null}
      {mode === 'wording' ? (
        <p id={draftOnlyId} className="form-text">
          {t('planEdit.draftOnly', { year, state })}
        </p>
      ) : null}
      <EditField id={`${id}-code`} label={label.code} value={fields.code} onChange={set('code')} problem={problemOf('code')} disabled={mode !== 'draft'} describedBy={[lockedReason]} />
      <EditField id={`${id}-title`} label={label.title} value={fields.title} onChange={set('title')} problem={problemOf('title')} disabled={mode === 'closed'} describedBy={[mode === 'closed' ? closedId : null]} />
      <EditField
        id={`${id}-description`}
        label={label.description}
        value={fields.description}
        onChange={set('description')}
        problem={problemOf('description')}
        disabled={mode === 'closed'}
        describedBy={[mode === 'closed' ? closedId : null]}
        multiline
      />
      <EditField
        id={`${id}-weight`}
        label={label.weight}
        value={fields.weight}
        onChange={set('weight')}
        problem={problemOf('weight')}
        disabled={mode !== 'draft'}
        describedBy={[`${id}-weight-hint`, lockedReason]}
        inputMode="decimal"
      />
      <p id={`${id}-weight-hint`} className="form-text mt-0">
        {t('planEdit.weightHint')}
      </p>
      <EditField id={`${id}-note`} label={label.note} value={fields.note} onChange={set('note')} problem={problemOf('note')} disabled={mode === 'closed'} describedBy={[mode === 'closed' ? closedId : null]} multiline />
      {showOwnTarget ? (
        <fieldset className="mb-2">
          <legend className="h6 mb-1">{t('planEdit.ownTarget')}</legend>
          <p id={`${id}-target-hint`} className="form-text mt-0">
            {t('planEdit.ownTargetHelp')}
          </p>
          <div className="d-flex flex-wrap gap-3 align-items-start">
            <EditSelect
              id={`${id}-operator`}
              label={label.operator}
              value={fields.operator}
              onChange={set('operator')}
              problem={problemOf('operator')}
              disabled={mode !== 'draft'}
              describedBy={[`${id}-target-hint`, lockedReason]}
              options={[{ value: '', label: t('planEdit.noOperator') }, ...OPERATORS.map((op) => ({ value: op, label: t(`plan.operators.${op}`) }))]}
            />
            <EditField
              id={`${id}-value`}
              label={label.value}
              value={fields.value}
              onChange={set('value')}
              problem={problemOf('value')}
              disabled={mode !== 'draft'}
              describedBy={[`${id}-target-hint`, lockedReason]}
              inputMode="decimal"
            />
          </div>
        </fieldset>
      ) : null}
      <ErrorAlert error={apiError ?? loadError} />
      <p role="status" className="mb-2">
        {notice}
      </p>
      <div className="d-flex flex-wrap gap-2 align-items-start">
        <Button type="submit" color="primary" size="sm" disabled={mode === 'closed' || result.fetching}>
          {t('planEdit.saveNode')}
        </Button>
        {mode === 'draft' && onDeleted ? (
          <NodeDeleteButton node={{ id: node.id, cycleId: node.cycleId, code: base.fields.code, title: base.fields.title, version: base.version }} onDeleted={onDeleted} />
        ) : null}
      </div>
      <ConflictDialog isOpen={conflict !== null} values={conflict ? typedValues(conflict) : []} onReapply={() => void reapply()} onDiscard={() => void discard()} onClose={() => setConflict(null)} />
    </form>
  );
}

// --- moving a node ----------------------------------------------------------------------------

/** A move: the new parent, and for a move among siblings the position asked and the place it means (1 = first). */
type Move = { parentId: string | null; position?: number; place?: number };

/** The nodes of a subtree (the node itself included): never a valid new parent. */
export function subtreeIds(index: TreeIndex, nodeId: string): Set<string> {
  const ids = new Set<string>();
  const walk = (id: string) => {
    ids.add(id);
    for (const child of index.children.get(id) ?? []) walk(child.id);
  };
  walk(nodeId);
  return ids;
}

/**
 * The nodes a node may move under: those of the level just above its own (a first-level node: the root only),
 * never the node itself or its descendants; in tree order.
 */
export function parentCandidates(index: TreeIndex, levels: readonly Level[], node: TreeNode): TreeNode[] {
  const positionOf = new Map(levels.map((l) => [l.key, l.position]));
  const own = positionOf.get(node.levelKey);
  const excluded = subtreeIds(index, node.id);
  const ordered: TreeNode[] = [];
  const walk = (nodes: readonly TreeNode[]) => {
    for (const n of nodes) {
      ordered.push(n);
      walk(index.children.get(n.id) ?? []);
    }
  };
  walk(index.roots);
  return ordered.filter((n) => {
    if (excluded.has(n.id)) return false;
    if (n.id === node.parentId) return true;
    if (own === undefined) return true;
    const level = positionOf.get(n.levelKey);
    return level !== undefined && level === own - 1;
  });
}

export function NodeMoveForm({ node, index, levels, cycleState }: { node: TreeNode; index: TreeIndex; levels: readonly Level[]; cycleState: CycleState }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useClient();
  const draft = cycleState === 'draft';
  const [parentId, setParentId] = useState(node.parentId ?? '');
  const [conflict, setConflict] = useState<Move | null>(null);
  const [loadError, setLoadError] = useState<CombinedError | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, move] = useMutation(MoveNodeMutation);
  const candidates = parentCandidates(index, levels, node);
  const levelPosition = levels.find((l) => l.key === node.levelKey)?.position;
  const rootAllowed = node.parentId === null || levelPosition === 0 || levelPosition === undefined;
  const siblings = node.parentId === null ? index.roots : (index.children.get(node.parentId) ?? []);
  const at = siblings.findIndex((s) => s.id === node.id);
  const before = at > 0 ? siblings[at - 1] : undefined;
  const after = at >= 0 ? siblings[at + 1] : undefined;
  const nameOf = (pid: string | null) => {
    if (pid === null) return t('planEdit.moveRoot');
    const parent = index.byId.get(pid);
    return parent ? `${parent.code} ${parent.title}` : pid;
  };

  const send = async (version: number, target: Move) => {
    setNotice(null);
    const answer = await move({ id: node.id, version, parentId: target.parentId, position: target.position ?? null });
    if (isStale(answer.error)) return setConflict(target);
    if (answer.data) {
      setParentId(answer.data.moveNode.parentId ?? '');
      setNotice(t('planEdit.moved'));
    }
  };
  const fresh = () => client.query(NodeForEditQuery, { id: node.id }, { requestPolicy: 'network-only' }).toPromise();
  // Reads the node's current version and asks for the same move again.
  const reapply = async () => {
    const target = conflict;
    setConflict(null);
    if (!target) return;
    const current = await fresh();
    setLoadError(current.error);
    if (current.data) await send(current.data.node.version, target);
  };
  // Gives up the move: the form shows where the node is now.
  const discard = async () => {
    setConflict(null);
    const current = await fresh();
    setLoadError(current.error);
    if (current.data) {
      setParentId(current.data.node.parentId ?? '');
      setNotice(t('planEdit.reloaded'));
    }
  };

  const reasonId = `${id}-draft-only`;
  const describedBy = draft ? `${id}-help` : `${id}-help ${reasonId}`;
  const options: { value: string; label: string }[] = [
    ...(rootAllowed ? [{ value: '', label: t('planEdit.moveRoot') }] : []),
    ...candidates.map((c) => ({ value: c.id, label: `${c.code} ${c.title}` })),
  ];
  const apiError = conflict || isConflict(result.error) ? undefined : result.error;
  return (
    <form
      noValidate
      className="plan-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (parentId === (node.parentId ?? '')) return setNotice(t('planEdit.nothingToSave'));
        void send(node.version, { parentId: parentId === '' ? null : parentId });
      }}
    >
      <h3 id={`${id}-heading`} className="h6">
        {t('planEdit.moveHeading', { code: node.code })}
      </h3>
      <p id={`${id}-help`} className="form-text mt-0">
        {t('planEdit.moveHelp')}
      </p>
      {!draft ? (
        <p id={reasonId} className="form-text">
          {t('planEdit.moveDraftOnly')}
        </p>
      ) : null}
      <div className="mb-2">
        <label htmlFor={`${id}-parent`}>{t('planEdit.moveUnder')}</label>
        <select id={`${id}-parent`} className="form-select form-select-sm" value={parentId} disabled={!draft} aria-describedby={describedBy} onChange={(e) => setParentId(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-position`} className="mb-2">
        {at >= 0 ? t('planEdit.positionNow', { position: at + 1, count: siblings.length }) : null}
      </p>
      <ErrorAlert error={apiError ?? loadError} />
      <p role="status" className="mb-2">
        {notice}
      </p>
      <div className="d-flex flex-wrap gap-2">
        <Button type="submit" color="primary" size="sm" disabled={!draft || result.fetching}>
          {t('planEdit.moveButton')}
        </Button>
        <Button
          type="button"
          color="secondary"
          outline
          size="sm"
          aria-describedby={`${id}-position`}
          disabled={!draft || result.fetching || !before}
          onClick={() => before && void send(node.version, { parentId: node.parentId, position: before.position, place: at })}
        >
          {t('planEdit.moveUp')}
        </Button>
        <Button
          type="button"
          color="secondary"
          outline
          size="sm"
          aria-describedby={`${id}-position`}
          disabled={!draft || result.fetching || !after}
          onClick={() => after && void send(node.version, { parentId: node.parentId, position: after.position, place: at + 2 })}
        >
          {t('planEdit.moveDown')}
        </Button>
      </div>
      <ConflictDialog
        isOpen={conflict !== null}
        values={
          conflict
            ? [
                { label: t('planEdit.moveUnder'), value: nameOf(conflict.parentId) },
                { label: t('planEdit.position'), value: conflict.place === undefined ? t('planEdit.last') : String(conflict.place) },
              ]
            : []
        }
        onReapply={() => void reapply()}
        onDiscard={() => void discard()} onClose={() => setConflict(null)}
      />
    </form>
  );
}
