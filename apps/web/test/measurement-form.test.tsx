// Data entry: immediate validation, and a stale edit (CONFLICT) explained and recovered without losing what was typed.
import { screen, waitFor } from '@testing-library/react';
import { CombinedError } from '@urql/core';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MeasurementForm } from '../src/features/data-entry/measurement-form.js';
import type { Measurement } from '../src/graphql/types.js';
import { renderWith, scriptedClient } from './support.js';

const indicator = { id: 'ind-1', code: '1.3.1', name: 'Richieste evase', unit: 'N.', valueType: 'number' as const, formula: null };
const period = { id: 'per-1', periodDate: '2024-06-30' };
const measurement = (version: number, valueNumber = 150): Measurement => ({
  id: 'm-1',
  periodId: 'per-1',
  period: { id: 'per-1', periodDate: '2024-06-30', state: 'open' },
  valueNumber,
  valueDate: null,
  valueBoolean: null,
  label: null,
  status: 'draft',
  inputs: null,
  note: null,
  rejectionReason: null,
  submittedBy: null,
  submittedByName: null,
  submittedAt: null,
  enteredByViewer: false,
  version,
});
const conflict = { error: new CombinedError({ graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] }) };

describe('entering a value', () => {
  it('validates as the person types and ties the message to the field', async () => {
    const { client, calls } = scriptedClient(() => undefined);
    await renderWith(<MeasurementForm indicator={indicator} period={period} measurement={null} />, client);
    const field = screen.getByLabelText('Valore (N.)');
    await userEvent.type(field, 'duecento');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Inserisci un numero, ad esempio 27,21.');
    await userEvent.click(screen.getByRole('button', { name: "Salva e invia per l'approvazione" }));
    expect(calls.filter((c) => c.kind === 'mutation')).toHaveLength(0);
    expect(field).toHaveFocus();
  });

  it('saves the value typed with a decimal comma, then submits it for approval', async () => {
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'EnterMeasurement') return { data: { enterMeasurement: measurement(2, 211.5) } };
      if (call.name === 'SubmitMeasurement') return { data: { submitMeasurement: { ...measurement(3, 211.5), status: 'submitted' } } };
      return undefined;
    });
    await renderWith(<MeasurementForm indicator={indicator} period={period} measurement={null} />, client);
    await userEvent.type(screen.getByLabelText('Valore (N.)'), '211,5');
    await userEvent.click(screen.getByRole('button', { name: "Salva e invia per l'approvazione" }));
    await screen.findByText("Valore inviato per l'approvazione.");
    const mutations = calls.filter((c) => c.kind === 'mutation');
    expect(mutations.map((c) => c.name)).toEqual(['EnterMeasurement', 'SubmitMeasurement']);
    expect(mutations[0]!.variables).toMatchObject({ indicatorId: 'ind-1', periodId: 'per-1', valueNumber: 211.5, version: null });
    expect(mutations[1]!.variables).toEqual({ id: 'm-1', version: 2 });
  });

  it('explains a stale edit, keeps what was typed, and sends it again on the current version', async () => {
    let attempts = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'EnterMeasurement') {
        attempts += 1;
        return attempts === 1 ? conflict : { data: { enterMeasurement: measurement(8, 222) } };
      }
      if (call.name === 'Indicator') return { data: { indicator: { measurements: [measurement(7, 199)] } } };
      return undefined;
    });
    await renderWith(<MeasurementForm indicator={indicator} period={period} measurement={measurement(4)} />, client);
    const field = screen.getByLabelText('Valore (N.)');
    await userEvent.clear(field);
    await userEvent.type(field, '222');
    await userEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));

    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Qualcuno ha modificato questi dati');
    expect(dialog).toHaveTextContent("Quello che hai scritto non è andato perso");
    expect(dialog).toHaveTextContent('222');
    expect(field).toHaveValue('222');

    await userEvent.click(screen.getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }));
    await screen.findByText('Valore salvato.');
    const saves = calls.filter((c) => c.name === 'EnterMeasurement');
    expect(saves.map((c) => c.variables.version)).toEqual([4, 7]);
    expect(saves[1]!.variables.valueNumber).toBe(222);
    expect(field).toHaveValue('222');
  });

  it('lets the person give up after a stale edit without clearing the field', async () => {
    const { client } = scriptedClient((call) => (call.name === 'EnterMeasurement' ? conflict : undefined));
    await renderWith(<MeasurementForm indicator={indicator} period={period} measurement={measurement(4)} />, client);
    const field = screen.getByLabelText('Valore (N.)');
    await userEvent.clear(field);
    await userEvent.type(field, '300');
    await userEvent.click(screen.getByRole('button', { name: 'Salva bozza' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Annulla le mie modifiche' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(field).toHaveValue('300');
  });

  it('asks for every input variable of a formula', async () => {
    const { client } = scriptedClient(() => undefined);
    await renderWith(<MeasurementForm indicator={{ ...indicator, formula: 'iscritte / attive * 100' }} period={period} measurement={null} />, client);
    expect(screen.getByRole('group', { name: 'Variabili della formula' })).toBeInTheDocument();
    expect(screen.getByLabelText('iscritte')).toBeInTheDocument();
    expect(screen.getByLabelText('attive')).toBeInTheDocument();
  });
});
