// One save → CONFLICT → reapply/discard cycle for every editing screen. The hook holds the values as read (with
// their version) and the values being edited; a save sends only what changed, with the version read. A stale version
// (CONFLICT) keeps what was typed and opens the conflict dialog, which only this hook renders: "reapply" re-reads the
// entity (network-only), rebases the typed values on it and sends the same changes with the fresh version; "discard"
// drops the typed values and shows the fresh ones. An error naming one of the fields is shown beside it; anything
// else in the form's alert. See docs/decisions/0017-web-form-kit-and-versioned-saves.md.
import { useState, type ReactElement } from 'react';
import type { AnyVariables, Client, CombinedError, TypedDocumentNode } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { errorMessageKey } from '../../errors/map-error.js';
import { ConflictDialog, type TypedValue } from '../conflict-dialog.js';
import { isStale, splitApiError } from './api-errors.js';

/** Values as read from the API, with the version they were read at. */
export type Read<F, V> = { values: F; version: V };

/** A mutation's answer (urql's OperationResult narrowed to what the hook reads). */
export type SaveAnswer<R> = { data?: R | null | undefined; error?: CombinedError | undefined };

/** A re-read: the entity as it is now (null when it could not be read; the error is shown in the form). */
export type Reread<F, V> = { read: Read<F, V> | null; error?: CombinedError | undefined };

/** A save refused as stale: what was sent, with the typed values and the version it was sent with. */
export type Pending<F, C, V> = { changes: C; typed: F; version: V };

/** A validation problem: an i18n key, or a key with its parameters ({ key: 'planEdit.tooLong', max: 64 }). */
export type Problem = string | ({ key: string } & Record<string, unknown>);

export type SaveStatus = 'saved' | 'reloaded' | 'nothing' | null;

export type VersionedSaveOptions<F, C, V, R> = {
  /** The values as read (with their version). A newer version given later is taken over while nothing is typed. */
  read: Read<F, V>;
  /** What a save sends: the fields that differ between what was read and what is typed. */
  diff: (read: F, typed: F) => C;
  /** Whether a change set is empty (default: an object without keys; arrays never are). */
  isEmpty?: ((changes: C) => boolean) | undefined;
  /** Sends changes with a version. */
  send: (version: V, changes: C, typed: F) => Promise<SaveAnswer<R>>;
  /** Reads the entity again, network-only. */
  reread: () => Promise<Reread<F, V>>;
  /**
   * On "reapply", what to send on the fresh version (default: the same changes); null sends nothing (the screen
   * says why: a colleague did the same meanwhile, what would be deleted changed…).
   */
  resend?: ((fresh: Read<F, V>, pending: Pending<F, C, V>) => C | null) | undefined;
  /** What a successful save leaves as "read" (the saved entity); undefined keeps the typed values and the version. */
  saved?: ((result: R, typed: F, changes: C) => Read<F, V> | undefined) | undefined;
  onSaved?: ((result: R, changes: C) => void) | undefined;
  /** The typed values as the conflict dialog lists them. */
  describe: (changes: C, typed: F) => TypedValue[];
  /** Immediate validation of the typed values (by field): a save with problems sends nothing. */
  validate?: ((typed: F, read: F) => Partial<Record<string, Problem>>) | undefined;
  /** The fields in the order of the form (the first invalid one gets the focus); default: the keys of the values. */
  fields?: readonly string[] | undefined;
  /** Whether two versions are the same (default: equal values, objects compared by content). */
  sameVersion?: ((a: V, b: V) => boolean) | undefined;
  /** The id of a field's control (for the focus). */
  idOf?: ((field: string) => string) | undefined;
  /** The message key of an API error naming a field (default: the plain-language message of the error). */
  fieldMessage?: ((field: string, error: CombinedError) => string) | undefined;
};

/** A re-read through a query, network-only (`toRead` picks the values and version out of its data). */
export async function rereadQuery<D, Vars extends AnyVariables, F, V>(
  client: Pick<Client, 'query'>,
  query: TypedDocumentNode<D, Vars>,
  variables: Vars,
  toRead: (data: D) => Read<F, V> | null,
): Promise<Reread<F, V>> {
  const fresh = await client.query(query, variables, { requestPolicy: 'network-only' }).toPromise();
  return { read: fresh.data ? toRead(fresh.data) : null, error: fresh.error };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Set) && !(value instanceof Map);
}

function defaultSameVersion(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

function defaultIsEmpty(changes: unknown): boolean {
  if (changes === null || changes === undefined) return true;
  if (isRecord(changes)) return Object.keys(changes).length === 0;
  return false;
}

/** Whether anything was typed: a field (or the value) differs from what was read. */
function typedSomething<F>(read: F, typed: F): boolean {
  if (!isRecord(read) || !isRecord(typed)) return !Object.is(read, typed);
  return Object.keys(typed).some((key) => !Object.is(typed[key], read[key]));
}

/**
 * The typed values moved onto a fresh read: what the person changed (differs from the old read) stays, the rest
 * is what the API has now (a colleague's note is shown, never sent back).
 */
export function rebase<F>(old: F, typed: F, fresh: F): F {
  if (!isRecord(old) || !isRecord(typed) || !isRecord(fresh)) return typed;
  const next: Record<string, unknown> = { ...fresh };
  for (const key of Object.keys(typed)) if (!Object.is(typed[key], old[key])) next[key] = typed[key];
  return next as F;
}

export type VersionedSave<F, C, V> = {
  /** The values as read (the base of the changes) and their version. */
  read: Read<F, V>;
  /** The values being edited. */
  values: F;
  setValues: (update: F | ((current: F) => F)) => void;
  /** A setter for one field of record-shaped values (marks it touched, clears the status). */
  set: <K extends keyof F>(key: K) => (value: F[K]) => void;
  /** The changes a save would send now, and whether anything differs from what was read. */
  changes: C;
  dirty: boolean;
  /** The message to show beside a field: the API's refusal of the value typed, or a problem once touched or submitted. */
  problem: (field: string) => string | null;
  /** Validates, then sends the changes with the version read (`typed`: values to use instead of the state). */
  submit: (typed?: F) => Promise<SaveResult>;
  /** Sends given changes (a move, weights, a deletion) with the version read, or the one given. */
  save: (changes: C, version?: V) => Promise<SaveResult>;
  saving: boolean;
  /** The last error for the form's alert (not a stale version, not a field's), or the re-read's. */
  error: CombinedError | undefined;
  status: SaveStatus;
  setStatus: (status: SaveStatus) => void;
  /** Forgets the last error and status (a new attempt starts). */
  clear: () => void;
  conflict: Pending<F, C, V> | null;
  /** Takes a read as the new base and shows its values. */
  reset: (read: Read<F, V>) => void;
  /** The conflict dialog (render it once, anywhere in the form). */
  dialog: ReactElement;
};

export type SaveResult = 'saved' | 'invalid' | 'nothing' | 'conflict' | 'error';

export function useVersionedSave<F, C, V, R>(options: VersionedSaveOptions<F, C, V, R>): VersionedSave<F, C, V> {
  const { t } = useTranslation();
  const { read: given, diff, send, reread, resend, saved, onSaved, describe, validate, idOf, fieldMessage } = options;
  const isEmpty = options.isEmpty ?? defaultIsEmpty;
  const sameVersion = options.sameVersion ?? defaultSameVersion;
  const [read, setRead] = useState<Read<F, V>>(given);
  const [values, setValues] = useState<F>(given.values);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [conflict, setConflict] = useState<Pending<F, C, V> | null>(null);
  const [refused, setRefused] = useState<{ field: string; text: unknown; key: string } | null>(null);
  const [error, setError] = useState<CombinedError | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<SaveStatus>(null);
  const changes = diff(read.values, values);
  const dirty = typedSomething(read.values, values);
  const fields = options.fields ?? (isRecord(given.values) ? Object.keys(given.values) : []);

  const reset = (next: Read<F, V>) => {
    setRead(next);
    setValues(next.values);
    setTouched(new Set());
    setSubmitted(false);
    setRefused(null);
  };

  // A newer version read meanwhile (a reload, this person's other writes): taken over while nothing is typed.
  const [seen, setSeen] = useState<V>(given.version);
  if (!sameVersion(seen, given.version)) {
    setSeen(given.version);
    if (!sameVersion(given.version, read.version) && !dirty) reset(given);
  }

  const problems = validate ? validate(values, read.values) : {};
  const field = (key: string) => (isRecord(values) ? values[key] : undefined);
  const problem = (key: string): string | null => {
    const p = problems[key];
    if (p && (submitted || touched.has(key))) {
      if (typeof p === 'string') return t(p);
      const { key: message, ...params } = p;
      return t(message, params);
    }
    if (refused && refused.field === key && Object.is(field(key), refused.text)) return t(refused.key);
    return null;
  };
  const focus = (key: string) => {
    if (idOf) document.getElementById(idOf(key))?.focus();
  };

  const run = async (version: V, sent: C, typed: F): Promise<SaveResult> => {
    setStatus(null);
    setError(undefined);
    setSaving(true);
    const answer = await send(version, sent, typed);
    setSaving(false);
    if (isStale(answer.error)) {
      setConflict({ changes: sent, typed, version });
      return 'conflict';
    }
    if (answer.error) {
      const split = splitApiError(answer.error, fields);
      if (split.field !== undefined) {
        const typedValue = isRecord(typed) ? typed[split.field] : undefined;
        setRefused({ field: split.field, text: typedValue, key: fieldMessage?.(split.field, answer.error) ?? errorMessageKey(answer.error) });
        focus(split.field);
      }
      setError(split.form);
      return 'error';
    }
    if (answer.data === undefined || answer.data === null) return 'error';
    const next = saved?.(answer.data, typed, sent);
    if (next) reset(next);
    setStatus('saved');
    onSaved?.(answer.data, sent);
    return 'saved';
  };

  const submit = async (typed: F = values): Promise<SaveResult> => {
    setSubmitted(true);
    if (typed !== values) setValues(typed);
    const found = validate ? validate(typed, read.values) : {};
    const invalid = fields.find((key) => found[key]) ?? Object.keys(found).find((key) => found[key]);
    if (invalid !== undefined) {
      focus(invalid);
      return 'invalid';
    }
    const sent = diff(read.values, typed);
    if (isEmpty(sent)) {
      setStatus('nothing');
      return 'nothing';
    }
    return run(read.version, sent, typed);
  };

  const save = (sent: C, version: V = read.version) => run(version, sent, values);

  // Reads the entity as it is now and sends the same changes again on its version.
  const reapply = async () => {
    const pending = conflict;
    setConflict(null);
    if (!pending) return;
    const fresh = await reread();
    setError(fresh.error);
    if (!fresh.read) return;
    const typed = rebase(read.values, pending.typed, fresh.read.values);
    setRead(fresh.read);
    setValues(typed);
    const again = resend ? resend(fresh.read, pending) : pending.changes;
    if (again === null) return;
    await run(fresh.read.version, again, typed);
  };

  // Gives up what was typed: the form shows the entity as it is now (what was typed stays if it cannot be read).
  const discard = async () => {
    setConflict(null);
    const fresh = await reread();
    setError(fresh.error);
    if (fresh.read) {
      reset(fresh.read);
      setStatus('reloaded');
    }
  };

  const dialog = (
    <ConflictDialog
      isOpen={conflict !== null}
      values={conflict ? describe(conflict.changes, conflict.typed) : []}
      onReapply={() => void reapply()}
      onDiscard={() => void discard()}
      onClose={() => setConflict(null)}
    />
  );

  const set =
    <K extends keyof F>(key: K) =>
    (value: F[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setTouched((s) => new Set(s).add(String(key)));
      setStatus(null);
    };

  const clear = () => {
    setError(undefined);
    setStatus(null);
  };

  return { read, values, setValues, set, changes, dirty, problem, submit, save, saving, error, status, setStatus, clear, conflict, reset, dialog };
}
