// The form kit's versioned save: only the changed fields are sent with the version read; a stale version (CONFLICT)
// keeps what was typed and opens the conflict dialog; "reapply" re-reads and sends the same changes on the fresh
// version; "discard" shows the fresh values; an error naming a field is shown beside it, any other in the alert.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';
import { ErrorAlert } from '../src/components/error-alert.js';
import { NumberInput, numberText, readNumber, TextArea, TextInput, useVersionedSave, type Read, type SaveAnswer } from '../src/components/form/index.js';
import { renderWith } from './support.js';

type Values = { name: string; note: string; amount: string };
type Changes = Partial<{ name: string; note: string | null; amount: number | null }>;
type Saved = { name: string; note: string | null; amount: number | null; version: number };

const toRead = (s: Saved): Read<Values, number> => ({ values: { name: s.name, note: s.note ?? '', amount: numberText(s.amount, 'it-IT') }, version: s.version });
const diff = (read: Values, typed: Values): Changes => {
  const changes: Changes = {};
  if (typed.name.trim() !== read.name.trim()) changes.name = typed.name.trim();
  if (typed.note.trim() !== read.note.trim()) changes.note = typed.note.trim() || null;
  if (readNumber(typed.amount) !== readNumber(read.amount)) changes.amount = readNumber(typed.amount);
  return changes;
};

function Editor({ initial, send, fresh }: { initial: Saved; send: (version: number, changes: Changes) => Promise<SaveAnswer<Saved>>; fresh: () => Saved | null }) {
  const form = useVersionedSave<Values, Changes, number, Saved>({
    read: toRead(initial),
    diff,
    send,
    reread: () => Promise.resolve({ read: fresh() ? toRead(fresh()!) : null }),
    saved: (result) => toRead(result),
    describe: (changes, typed) => Object.keys(changes).map((key) => ({ label: key, value: typed[key as keyof Values] })),
    validate: (typed) => (typed.name.trim() === '' ? { name: 'planEdit.nameRequired' } : {}),
    idOf: (field) => `thing-${field}`,
    fieldMessage: () => 'planEdit.valueRefused',
  });
  return (
    <form
      aria-label="Cosa"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <TextInput id="thing-name" label="Nome" value={form.values.name} onChange={form.set('name')} error={form.problem('name')} />
      <TextArea id="thing-note" label="Nota" value={form.values.note} onChange={form.set('note')} error={form.problem('note')} />
      <NumberInput id="thing-amount" label="Importo" hint="Con la virgola" value={form.values.amount} onChange={form.set('amount')} error={form.problem('amount')} />
      <ErrorAlert error={form.error} />
      <p role="status">{form.status}</p>
      <button type="submit">Salva</button>
      {form.dialog}
    </form>
  );
}

const stale = { error: new CombinedError({ graphQLErrors: [{ message: 'changed', extensions: { code: 'CONFLICT' } }] }) };
const first: Saved = { name: 'Progetti', note: null, amount: 1234.5, version: 3 };

async function renderEditor(answers: SaveAnswer<Saved>[], fresh: () => Saved | null = () => null) {
  const send = vi.fn((_version: number, _changes: Changes) => Promise.resolve(answers.shift() ?? {}));
  await renderWith(<Editor initial={first} send={send} fresh={fresh} />);
  const form = screen.getByRole('form', { name: 'Cosa' });
  return { send, form, name: within(form).getByLabelText('Nome'), note: within(form).getByLabelText('Nota'), amount: within(form).getByLabelText('Importo') };
}

describe('useVersionedSave', { timeout: 20_000 }, () => {
  it('writes numbers the Italian way and sends only the changed fields with the version read', async () => {
    const { send, form, name, amount } = await renderEditor([{ data: { ...first, name: 'Progetti avviati', amount: 12.5, version: 4 } }]);
    expect(amount).toHaveValue('1234,5');
    expect(amount).toHaveAccessibleDescription('Con la virgola');
    await userEvent.type(name, ' avviati');
    await userEvent.clear(amount);
    await userEvent.type(amount, '12,5');
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    await within(form).findByText('saved');
    expect(send.mock.calls).toEqual([[3, { name: 'Progetti avviati', amount: 12.5 }, { name: 'Progetti avviati', note: '', amount: '12,5' }]]);
    // Nothing changed since: nothing is sent.
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    await within(form).findByText('nothing');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('validates before sending and focuses the first invalid field', async () => {
    const { send, form, name } = await renderEditor([]);
    await userEvent.clear(name);
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    expect(name).toHaveFocus();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription("Scrivi il nome dell'indicatore.");
    expect(send).not.toHaveBeenCalled();
  });

  it('on CONFLICT keeps the typed values and shows them in the dialog', async () => {
    const { form, name } = await renderEditor([stale]);
    await userEvent.clear(name);
    await userEvent.type(name, 'Il mio nome');
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    const dialog = await screen.findByRole('dialog', { name: 'Qualcuno ha modificato questi dati' });
    expect([...dialog.querySelectorAll('dt, dd')].map((e) => e.textContent)).toEqual(['name', 'Il mio nome']);
    expect(name).toHaveValue('Il mio nome');
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('"reapply" re-reads and sends the same changes on the fresh version, keeping the colleague\'s other fields', async () => {
    const colleague: Saved = { ...first, note: 'Nota del collega', version: 5 };
    const { send, form, name, note } = await renderEditor([stale, { data: { ...colleague, name: 'Il mio nome', version: 6 } }], () => colleague);
    await userEvent.clear(name);
    await userEvent.type(name, 'Il mio nome');
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }));
    await within(form).findByText('saved');
    expect(send.mock.calls.map(([version, changes]) => [version, changes])).toEqual([
      [3, { name: 'Il mio nome' }],
      [5, { name: 'Il mio nome' }],
    ]);
    expect(note).toHaveValue('Nota del collega');
    expect(name).toHaveValue('Il mio nome');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('"discard" drops the typed values and shows the fresh ones', async () => {
    const { send, form, name } = await renderEditor([stale], () => ({ ...first, name: 'Nome del collega', version: 5 }));
    await userEvent.clear(name);
    await userEvent.type(name, 'Il mio nome');
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Annulla le mie modifiche' }));
    await waitFor(() => expect(name).toHaveValue('Nome del collega'));
    expect(within(form).getByRole('status')).toHaveTextContent('reloaded');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('shows an error naming a field beside it until the value changes, any other in the form alert', async () => {
    const refused = { error: new CombinedError({ graphQLErrors: [{ message: 'bad amount', extensions: { code: 'BAD_USER_INPUT', field: 'amount' } }] }) };
    const other = { error: new CombinedError({ graphQLErrors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }) };
    const { form, amount } = await renderEditor([refused, other]);
    await userEvent.clear(amount);
    await userEvent.type(amount, '-1');
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    await waitFor(() => expect(amount).toHaveAccessibleDescription('Questo valore non è accettato: controlla il campo. Con la virgola'));
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveFocus();
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await userEvent.type(amount, '0');
    expect(amount).not.toHaveAttribute('aria-invalid');
    await userEvent.click(within(form).getByRole('button', { name: 'Salva' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Non hai i permessi per questa operazione o per questi dati.');
  });
});
