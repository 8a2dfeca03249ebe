// Editing an existing node of the plan ("Modifica Azione 1.1.1": code, title, description, weight, note and the
// node's own target), deleting it from a draft plan (administrators: components/plan-delete.tsx) and moving it in
// the tree (under another parent, up or down among its siblings). Built on the form kit (components/form/): only the
// changed fields are sent, with the version read; what the API refuses outside a draft is disabled with the reason;
// a stale version (CONFLICT) goes through useVersionedSave's dialog ("reload and retry", "discard").
import { useId } from 'react';
import type { TFunction } from 'i18next';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { localeOf, parseNumber } from '../../format/format.js';
import { EditNodeMutation, MoveNodeMutation, NodeForEditQuery, OPERATORS, type DeletedNodeResult, type EditableNodeFields, type NodeChanges } from './plan-operations.js';
import type { CycleState, Level, Operator, TreeNode } from '../../graphql/types.js';
import type { TreeIndex } from '../../plan/tree.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { NumberInput, numberText, rereadQuery, SelectInput, TextArea, TextInput, useVersionedSave, type Read } from '../../components/form/index.js';
import { Loading } from '../../components/loading.js';
import { CODE_MAX, EditModeNotice, editMode, modeIds, TEXT_MAX, TITLE_MAX, TITLE_MIN, type EditMode } from './plan-edit-mode.js';
import { NodeDeleteButton } from './plan-delete.js';

export { CODE_MAX, editMode, TEXT_MAX, TITLE_MAX, TITLE_MIN } from './plan-edit-mode.js';

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
    weight: numberText(node.weight, locale),
    note: node.note ?? '',
    operator: node.achievementOperator ?? '',
    value: numberText(node.achievementValue, locale),
  };
}

/** Immediate validation (as the API validates): required code and title, numbers in Italian or English format. */
export function validateNode(fields: NodeFields, mode: EditMode): Partial<Record<keyof NodeFields, Problem>> {
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

/** The labels of the node's fields. */
function nodeLabels(t: TFunction): Record<keyof NodeFields, string> {
  return {
    code: t('planEdit.code'),
    title: t('planEdit.title'),
    description: t('planEdit.description'),
    weight: t('planEdit.weight'),
    note: t('planEdit.note'),
    operator: t('planEdit.operator'),
    value: t('planEdit.targetValue'),
  };
}

/** The typed values a change touches, as the conflict dialog lists them. */
function typedNodeValues(t: TFunction, changes: NodeChanges, typed: NodeFields) {
  const label = nodeLabels(t);
  const keys = new Set<keyof NodeFields>(NODE_ORDER.filter((key) => key in changes));
  if ('achievementOperator' in changes) keys.add('operator').add('value');
  return NODE_ORDER.filter((key) => keys.has(key)).map((key) => {
    const text = typed[key].trim();
    const value = key === 'operator' ? (text ? t(`plan.operators.${text}`) : t('planEdit.noOperator')) : text || t('planEdit.empty');
    return { label: label[key], value };
  });
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

const STATUS = { saved: 'planEdit.nodeSaved', reloaded: 'planEdit.reloaded', nothing: 'planEdit.nothingToSave' } as const;

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
  const [, update] = useMutation(EditNodeMutation);
  const toRead = (n: EditableNodeFields): Read<NodeFields, number> => ({ values: nodeFields(n, locale), version: n.version });
  const form = useVersionedSave({
    read: toRead(node),
    diff: nodeChanges,
    send: (version, changes: NodeChanges) => update({ id: node.id, version, ...changes }),
    reread: () => rereadQuery(client, NodeForEditQuery, { id: node.id }, (data) => toRead(data.node)),
    saved: (data) => toRead(data.updateNode),
    describe: (changes, typed) => typedNodeValues(t, changes, typed),
    validate: (typed) => validateNode(typed, mode),
    fields: NODE_ORDER,
    idOf: (key) => `${id}-${key}`,
    fieldMessage: (key) => (key === 'code' ? 'planEdit.codeTaken' : 'planEdit.valueRefused'),
  });
  const label = nodeLabels(t);
  const ids = modeIds(id);
  const lockedReason = mode === 'closed' ? ids.closed : mode === 'wording' ? ids.draftOnly : null;
  const closedReason = mode === 'closed' ? ids.closed : null;
  const showOwnTarget = (levelKind !== 'action' && levelKind !== 'individual') || node.achievementOperator !== null;
  const field = (key: keyof NodeFields) => ({ id: `${id}-${key}`, label: label[key], value: form.values[key], onChange: form.set(key), error: form.problem(key), size: 'sm' as const });

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
      <h3 id={`${id}-heading`} className="h6">
        {t('planEdit.nodeHeading', { level: levelName, code: form.read.values.code })}
      </h3>
      <EditModeNotice base={id} mode={mode} cycleState={cycleState} year={year} draftOnlyKey="planEdit.draftOnly" />
      <TextInput {...field('code')} disabled={mode !== 'draft'} describedBy={[lockedReason]} />
      <TextInput {...field('title')} disabled={mode === 'closed'} describedBy={[closedReason]} />
      <TextArea {...field('description')} disabled={mode === 'closed'} describedBy={[closedReason]} />
      <NumberInput {...field('weight')} disabled={mode !== 'draft'} hint={t('planEdit.weightHint')} describedBy={[lockedReason]} />
      <TextArea {...field('note')} disabled={mode === 'closed'} describedBy={[closedReason]} />
      {showOwnTarget ? (
        <fieldset className="mb-2">
          <legend className="h6 mb-1">{t('planEdit.ownTarget')}</legend>
          <p id={`${id}-target-hint`} className="form-text mt-0">
            {t('planEdit.ownTargetHelp')}
          </p>
          <div className="d-flex flex-wrap gap-3 align-items-start">
            <SelectInput
              {...field('operator')}
              onChange={(value) => form.set('operator')(value as Operator | '')}
              disabled={mode !== 'draft'}
              describedBy={[`${id}-target-hint`, lockedReason]}
              options={[{ value: '', label: t('planEdit.noOperator') }, ...OPERATORS.map((op) => ({ value: op, label: t(`plan.operators.${op}`) }))]}
            />
            <NumberInput {...field('value')} disabled={mode !== 'draft'} describedBy={[`${id}-target-hint`, lockedReason]} />
          </div>
        </fieldset>
      ) : null}
      <ErrorAlert error={form.error} />
      <p role="status" className="mb-2">
        {form.status ? t(STATUS[form.status]) : null}
      </p>
      <div className="d-flex flex-wrap gap-2 align-items-start">
        <Button type="submit" color="primary" size="sm" disabled={mode === 'closed' || form.saving}>
          {t('planEdit.saveNode')}
        </Button>
        {mode === 'draft' && onDeleted ? (
          <NodeDeleteButton node={{ id: node.id, cycleId: node.cycleId, code: form.read.values.code, title: form.read.values.title, version: form.read.version }} onDeleted={onDeleted} />
        ) : null}
      </div>
      {form.dialog}
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
  const [, move] = useMutation(MoveNodeMutation);
  const nameOf = (pid: string | null) => {
    if (pid === null) return t('planEdit.moveRoot');
    const parent = index.byId.get(pid);
    return parent ? `${parent.code} ${parent.title}` : pid;
  };
  const form = useVersionedSave({
    // The form's value: the parent chosen ('' for the root).
    read: { values: { parentId: node.parentId ?? '' }, version: node.version },
    diff: (read, typed): Move | null => (typed.parentId === read.parentId ? null : { parentId: typed.parentId === '' ? null : typed.parentId }),
    send: (version, target: Move | null) => move({ id: node.id, version, parentId: target!.parentId, position: target!.position ?? null }),
    reread: () => rereadQuery(client, NodeForEditQuery, { id: node.id }, (data) => ({ values: { parentId: data.node.parentId ?? '' }, version: data.node.version })),
    // The node's version comes with the plan, read again after every write.
    saved: (data) => ({ values: { parentId: data.moveNode.parentId ?? '' }, version: node.version }),
    describe: (target) =>
      target
        ? [
            { label: t('planEdit.moveUnder'), value: nameOf(target.parentId) },
            { label: t('planEdit.position'), value: target.place === undefined ? t('planEdit.last') : String(target.place) },
          ]
        : [],
  });
  const candidates = parentCandidates(index, levels, node);
  const levelPosition = levels.find((l) => l.key === node.levelKey)?.position;
  const rootAllowed = node.parentId === null || levelPosition === 0 || levelPosition === undefined;
  const siblings = node.parentId === null ? index.roots : (index.children.get(node.parentId) ?? []);
  const at = siblings.findIndex((s) => s.id === node.id);
  const before = at > 0 ? siblings[at - 1] : undefined;
  const after = at >= 0 ? siblings[at + 1] : undefined;

  const reasonId = `${id}-draft-only`;
  const options: { value: string; label: string }[] = [
    ...(rootAllowed ? [{ value: '', label: t('planEdit.moveRoot') }] : []),
    ...candidates.map((c) => ({ value: c.id, label: `${c.code} ${c.title}` })),
  ];
  const status = { saved: 'planEdit.moved', reloaded: 'planEdit.reloaded', nothing: 'planEdit.nothingToSave' } as const;
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
      <SelectInput
        id={`${id}-parent`}
        label={t('planEdit.moveUnder')}
        size="sm"
        value={form.values.parentId}
        onChange={form.set('parentId')}
        disabled={!draft}
        describedBy={[`${id}-help`, draft ? null : reasonId]}
        options={options}
      />
      <p id={`${id}-position`} className="mb-2">
        {at >= 0 ? t('planEdit.positionNow', { position: at + 1, count: siblings.length }) : null}
      </p>
      <ErrorAlert error={form.error} />
      <p role="status" className="mb-2">
        {form.status ? t(status[form.status]) : null}
      </p>
      <div className="d-flex flex-wrap gap-2">
        <Button type="submit" color="primary" size="sm" disabled={!draft || form.saving}>
          {t('planEdit.moveButton')}
        </Button>
        <Button
          type="button"
          color="secondary"
          outline
          size="sm"
          aria-describedby={`${id}-position`}
          disabled={!draft || form.saving || !before}
          onClick={() => before && void form.save({ parentId: node.parentId, position: before.position, place: at }, node.version)}
        >
          {t('planEdit.moveUp')}
        </Button>
        <Button
          type="button"
          color="secondary"
          outline
          size="sm"
          aria-describedby={`${id}-position`}
          disabled={!draft || form.saving || !after}
          onClick={() => after && void form.save({ parentId: node.parentId, position: after.position, place: at + 2 }, node.version)}
        >
          {t('planEdit.moveDown')}
        </Button>
      </div>
      {form.dialog}
    </form>
  );
}
