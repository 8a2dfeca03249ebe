// Deleting part of a draft plan, for the administration: a node with everything under it, or an indicator with its
// targets. The confirmation dialog says exactly what goes (read fresh when it opens); it starts on "Annulla",
// Escape cancels, and focus returns to the button. The API's refusals are shown in plain Italian with what refuses
// them (values, OIV overrides, the next year's plan continuing the objective). A stale version (CONFLICT) goes through
// useVersionedSave's dialog: "reload and retry" reads the current version and deletes, asking again first when what
// would go has changed meanwhile; "discard" reloads the current data and deletes nothing.
import { useEffect, useId, useRef, useState } from 'react';
import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import { Button, Modal, ModalBody, ModalFooter } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation } from 'urql';
import { formatDate, formatNumber, localeOf } from '../../format/format.js';
import {
  DeleteIndicatorMutation,
  DeleteNodeMutation,
  IndicatorForDeleteQuery,
  NodeForEditQuery,
  PlanShapeQuery,
  type DeletedIndicatorResult,
  type DeletedNodeResult,
  type WeightIssueRow,
} from './plan-operations.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { useVersionedSave } from '../../components/form/index.js';

/** What is under a node: the nodes below it (at any depth) and the indicators of the node and of those. */
export type Contents = { nodes: number; indicators: number };

type ApiError = Pick<CombinedError, 'graphQLErrors' | 'networkError'>;

/** What deleting `nodeId` takes with it, from the cycle's flat list of nodes. */
export function subtreeContents(nodes: readonly { id: string; parentId: string | null; indicators: readonly unknown[] }[], nodeId: string): Contents {
  const children = new Map<string, string[]>();
  const indicators = new Map<string, number>();
  for (const n of nodes) {
    indicators.set(n.id, n.indicators.length);
    if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  }
  const contents: Contents = { nodes: 0, indicators: indicators.get(nodeId) ?? 0 };
  const seen = new Set([nodeId]);
  const walk = (id: string) => {
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      contents.nodes += 1;
      contents.indicators += indicators.get(child) ?? 0;
      walk(child);
    }
  };
  walk(nodeId);
  return contents;
}

/** "3 obiettivi e 5 indicatori" (what is under a node); empty when nothing is. */
export function contentsText(t: TFunction, contents: Contents): string {
  const parts: string[] = [];
  if (contents.nodes > 0) parts.push(contents.nodes === 1 ? t('planEdit.oneNode') : t('planEdit.manyNodes', { count: contents.nodes }));
  if (contents.indicators > 0) parts.push(contents.indicators === 1 ? t('planEdit.oneIndicator') : t('planEdit.manyIndicators', { count: contents.indicators }));
  return parts.length === 2 ? t('planEdit.both', { first: parts[0], second: parts[1] }) : (parts[0] ?? '');
}

/** "I pesi rimasti (1.1, 1.3) ora sommano a 85: …" for each group of weights a deletion left off 100. */
export function weightsText(t: TFunction, issues: readonly WeightIssueRow[], locale: string): string {
  return issues.map((issue) => t('planEdit.weightsToFix', { codes: issue.codes.join(', '), sum: formatNumber(issue.sum, locale) })).join(' ');
}

type Measurement = { nodeCode: string; indicator: string; periodDate: string };
type Override = { nodeCode: string; indicator: string | null };
type Continuation = { year: number; code: string; continues: string };

/** The rows that refuse a deletion, from the API's refusal (extensions.measurements, overrides, continuedBy). */
export function refusalItems(error: ApiError | undefined, t: TFunction, locale: string): string[] {
  const extensions = error?.graphQLErrors.find((e) => e.extensions.code === 'BAD_USER_INPUT')?.extensions;
  if (!extensions) return [];
  const list = <T,>(value: unknown) => (Array.isArray(value) ? (value as T[]) : []);
  return [
    ...list<Measurement>(extensions.measurements).map((m) => t('planEdit.blockedMeasurement', { indicator: m.indicator, node: m.nodeCode, date: formatDate(m.periodDate, locale) })),
    ...list<Override>(extensions.overrides).map((o) =>
      o.indicator === null ? t('planEdit.blockedOverrideNode', { node: o.nodeCode }) : t('planEdit.blockedOverrideIndicator', { indicator: o.indicator, node: o.nodeCode }),
    ),
    ...list<Continuation>(extensions.continuedBy).map((c) => t('planEdit.blockedContinued', { code: c.code, year: c.year, continues: c.continues })),
  ];
}

/** The confirmation: the title, what goes, then "Elimina definitivamente" or "Annulla" (Escape, the backdrop). */
function DeleteDialog({
  isOpen,
  title,
  what,
  refusal,
  busy,
  returnFocus,
  onConfirm,
  onCancel,
}: {
  isOpen: boolean;
  title: string;
  what: string[];
  refusal: CombinedError | undefined;
  busy: boolean;
  /** Back to the button on closing; not after a deletion, when the screen moves focus where the item was. */
  returnFocus: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const items = refusalItems(refusal, t, localeOf(i18n.language));
  // A refusal takes the confirm button away: focus stays in the dialog, on "Chiudi".
  useEffect(() => {
    if (isOpen && refusal) cancel.current?.focus();
  }, [isOpen, refusal]);
  return (
    <Modal isOpen={isOpen} toggle={onCancel} labelledBy={titleId} fade={false} returnFocusAfterClose={returnFocus} onOpened={() => cancel.current?.focus()}>
      <div className="modal-header">
        <h2 className="modal-title h5" id={titleId}>
          {title}
        </h2>
      </div>
      <ModalBody>
        {what.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
        <ErrorAlert error={refusal} />
        {items.length > 0 ? (
          <>
            <p className="mb-1">{t('planEdit.deleteBlockedBy')}</p>
            <ul>
              {items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        ) : null}
      </ModalBody>
      <ModalFooter>
        {refusal ? null : (
          <Button color="danger" onClick={onConfirm} disabled={busy}>
            {t('planEdit.deleteConfirm')}
          </Button>
        )}
        <Button color="secondary" outline innerRef={cancel} onClick={onCancel}>
          {refusal ? t('planEdit.deleteClose') : t('planEdit.deleteCancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

/** A deletion asked for: the version it is sent with and what it was said to take. */
type Asked<C> = { version: number; contents: C };

/**
 * The flow shared by both buttons: `measure` reads what would go (fresh), `send` deletes. Refusals stay in the
 * confirmation dialog; a stale version goes to useVersionedSave's conflict dialog.
 */
function useDeletion<C, R>({
  version,
  measure,
  currentVersion,
  send,
  same,
  describe,
  onDeleted,
}: {
  version: number;
  measure: () => Promise<C | null>;
  currentVersion: () => Promise<number | null>;
  send: (version: number, contents: C) => Promise<{ data?: R | undefined; error?: CombinedError | undefined }>;
  same: (a: C, b: C) => boolean;
  /** What goes, in sentences (the first names it in the conflict dialog). */
  describe: (contents: C) => string[];
  onDeleted: (result: R) => void;
}) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState<Asked<C> | null>(null);
  const [open, setOpen] = useState(false);
  const [checking, setChecking] = useState(false);
  const [done, setDone] = useState(false);
  const save = useVersionedSave<C | null, C, number, R>({
    // What was measured last is the "value"; the deletion sends what the dialog said goes.
    read: { values: null, version },
    diff: (_read, typed) => typed!,
    send,
    // The current version and what would go now: the same as confirmed, deleted at once; otherwise asked again.
    reread: async () => {
      const fresh = await currentVersion();
      const contents = await measure();
      return { read: fresh === null || contents === null ? null : { values: contents, version: fresh } };
    },
    resend: (fresh, pending) => {
      if (fresh.values !== null && same(fresh.values, pending.changes)) return fresh.values;
      save.clear();
      setAsked({ version: fresh.version, contents: fresh.values! });
      setOpen(true);
      return null;
    },
    onSaved: onDeleted,
    describe: (contents) => [{ label: t('planEdit.deleteConflictLabel'), value: describe(contents)[0] ?? '' }],
  });

  const start = async () => {
    if (checking) return;
    setChecking(true);
    const contents = await measure();
    setChecking(false);
    if (contents === null) return;
    save.clear();
    setDone(false);
    setAsked({ version, contents });
    setOpen(true);
  };
  const deleteNow = async (request: Asked<C>) => {
    const result = await save.save(request.contents, request.version);
    if (result === 'conflict') return setOpen(false);
    if (result === 'error') {
      // The refusal (save.error) stays in the confirmation dialog, with what refuses it.
      setDone(false);
      setAsked(request);
      setOpen(true);
      return;
    }
    setDone(true);
    setOpen(false);
  };
  return { asked, open, checking, busy: save.saving, done, refusal: save.error, dialog: save.dialog, start, deleteNow, cancel: () => setOpen(false) };
}

/** The confirmation dialog and the conflict dialog of a deletion flow, the same for nodes and indicators. */
function DeletionDialogs<C, R>({ flow, title, describe }: { flow: ReturnType<typeof useDeletion<C, R>>; title: string; describe: (contents: C) => string[] }) {
  return (
    <>
      <DeleteDialog
        isOpen={flow.open}
        title={title}
        what={flow.asked ? describe(flow.asked.contents) : []}
        refusal={flow.refusal}
        busy={flow.busy}
        returnFocus={!flow.done}
        onConfirm={() => flow.asked && void flow.deleteNow(flow.asked)}
        onCancel={flow.cancel}
      />
      {flow.dialog}
    </>
  );
}

export type NodeToDelete = { id: string; cycleId: string; code: string; title: string; version: number };

/** "Elimina l'obiettivo", for a node of a draft plan; `onDeleted` gets the API's answer and a sentence saying what went. */
export function NodeDeleteButton({ node, onDeleted }: { node: NodeToDelete; onDeleted: (deleted: DeletedNodeResult, summary: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const client = useClient();
  const [loadError, setLoadError] = useState<CombinedError | undefined>(undefined);
  const [, remove] = useMutation(DeleteNodeMutation);
  const describe = (contents: Contents) => {
    const under = contentsText(t, contents);
    return [
      under ? t('planEdit.deleteNodeWhat', { code: node.code, title: node.title, contents: under }) : t('planEdit.deleteNodeAlone', { code: node.code, title: node.title }),
      ...(contents.indicators > 0 || contents.nodes > 0 ? [t('planEdit.deleteNodeWith')] : []),
      t('planEdit.deleteFinal'),
    ];
  };
  const flow = useDeletion<Contents, DeletedNodeResult>({
    describe,
    version: node.version,
    measure: async () => {
      const shape = await client.query(PlanShapeQuery, { cycleId: node.cycleId }, { requestPolicy: 'network-only' }).toPromise();
      setLoadError(shape.error);
      return shape.data ? subtreeContents(shape.data.cycle.nodes, node.id) : null;
    },
    currentVersion: async () => {
      const fresh = await client.query(NodeForEditQuery, { id: node.id }, { requestPolicy: 'network-only' }).toPromise();
      setLoadError(fresh.error);
      return fresh.data?.node.version ?? null;
    },
    // What the dialog said goes: a subtree changed meanwhile is a CONFLICT, never a bigger deletion.
    send: async (version, contents) => {
      const answer = await remove({ id: node.id, version, expectedNodes: contents.nodes, expectedIndicators: contents.indicators });
      return { data: answer.data?.deleteNode, error: answer.error };
    },
    same: (a, b) => a.nodes === b.nodes && a.indicators === b.indicators,
    onDeleted: (deleted) => {
      const contents = contentsText(t, { nodes: deleted.nodeIds.length - 1, indicators: deleted.indicatorIds.length });
      const done = contents ? t('planEdit.nodeDeleted', { code: node.code, contents }) : t('planEdit.nodeDeletedAlone', { code: node.code });
      onDeleted(deleted, [done, weightsText(t, deleted.weightIssues, locale)].filter(Boolean).join(' '));
    },
  });
  return (
    <>
      <Button type="button" color="danger" outline size="sm" aria-describedby={flow.checking ? `${id}-checking` : undefined} onClick={() => void flow.start()}>
        {t('planEdit.deleteNode')}
      </Button>
      {flow.checking ? (
        <span id={`${id}-checking`} className="form-text ms-2">
          {t('planEdit.deleteChecking')}
        </span>
      ) : null}
      <ErrorAlert error={loadError} />
      <DeletionDialogs flow={flow} title={t('planEdit.deleteNodeTitle', { code: node.code })} describe={describe} />
    </>
  );
}

/** What deleting an indicator takes with it: its targets' years. */
type Targets = { years: number[] };

export type IndicatorToDelete = { id: string; code: string | null; name: string; version: number; nodeCode: string };

/** "Elimina l'indicatore", for an indicator of a draft plan; `onDeleted` gets the API's answer and a sentence. */
export function IndicatorDeleteButton({ indicator, onDeleted }: { indicator: IndicatorToDelete; onDeleted: (deleted: DeletedIndicatorResult, summary: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const client = useClient();
  const [loadError, setLoadError] = useState<CombinedError | undefined>(undefined);
  const [, remove] = useMutation(DeleteIndicatorMutation);
  const name = indicator.code ? `${indicator.code} ${indicator.name}` : indicator.name;
  const read = async () => {
    const fresh = await client.query(IndicatorForDeleteQuery, { id: indicator.id }, { requestPolicy: 'network-only' }).toPromise();
    setLoadError(fresh.error);
    return fresh.data?.indicator ?? null;
  };
  const describe = ({ years }: Targets) => {
    const distinct = [...new Set(years)].join(', ');
    const what =
      years.length === 0
        ? t('planEdit.deleteIndicatorNoTargets', { name, code: indicator.nodeCode })
        : years.length === 1
          ? t('planEdit.deleteIndicatorOneTarget', { name, code: indicator.nodeCode, years: distinct })
          : t('planEdit.deleteIndicatorTargets', { name, code: indicator.nodeCode, count: years.length, years: distinct });
    return [what, t('planEdit.deleteFinal')];
  };
  const flow = useDeletion<Targets, DeletedIndicatorResult>({
    describe,
    version: indicator.version,
    measure: async () => {
      const fresh = await read();
      return fresh ? { years: fresh.targets.map((target) => target.year).sort((a, b) => a - b) } : null;
    },
    currentVersion: async () => (await read())?.version ?? null,
    send: async (version) => {
      const answer = await remove({ id: indicator.id, version });
      return { data: answer.data?.deleteIndicator, error: answer.error };
    },
    same: (a, b) => a.years.join() === b.years.join(),
    onDeleted: (deleted) => onDeleted(deleted, [t('planEdit.indicatorDeleted', { name }), weightsText(t, deleted.weightIssues, locale)].filter(Boolean).join(' ')),
  });
  return (
    <>
      <Button type="button" color="danger" outline size="sm" aria-describedby={flow.checking ? `${id}-checking` : undefined} onClick={() => void flow.start()}>
        {t('planEdit.deleteIndicator')}
      </Button>
      {flow.checking ? (
        <span id={`${id}-checking`} className="form-text ms-2">
          {t('planEdit.deleteChecking')}
        </span>
      ) : null}
      <ErrorAlert error={loadError} />
      <DeletionDialogs flow={flow} title={t('planEdit.deleteIndicatorTitle', { name })} describe={describe} />
    </>
  );
}
