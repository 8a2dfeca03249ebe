// Rimodulazione: the revised target's validation for each value type, the variables sent to reviseTarget, the
// CONFLICT path (dialog, typed values kept, sent again on the current version), and the revisions panel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ReviseTargetForm, revisedValues, validateRevisedTarget, yearTargets, type RevisedFields } from '../src/features/revisions/revise-target-form.js';
import { RevisionsPanel, validateRevision } from '../src/features/revisions/revisions-panel.js';
import * as operations from '../src/features/revisions/revision-operations.js';
import type { PlanRevision } from '../src/features/revisions/revision-operations.js';
import type { Target, ValueType } from '../src/graphql/types.js';
import { renderWith, scriptedClient, type ScriptedCall } from './support.js';

const conflict = { error: new CombinedError({ graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] }) };
const badInput = { error: new CombinedError({ graphQLErrors: [{ message: 'cycle is closed', extensions: { code: 'BAD_USER_INPUT' } }] }) };

const target = (over: Partial<Target> = {}): Target => ({
  id: 't-1',
  year: 2020,
  operator: 'gte',
  valueNumber: 170,
  valueDate: null,
  valueBoolean: null,
  threshold80Number: 150,
  threshold60Number: 120,
  threshold80Date: null,
  threshold60Date: null,
  label: '170',
  relativeToBaseline: false,
  revision: null,
  version: 1,
  ...over,
});
const june: PlanRevision = { id: 'rev-june', revisedOn: '2020-06-30', reason: 'Monitoraggio del 30/06: sportelli chiusi per tre mesi', resolutionNumber: '45', resolutionDate: '2020-07-10' };
const march: PlanRevision = { id: 'rev-march', revisedOn: '2020-03-31', reason: 'Nuove risorse dal bilancio di previsione', resolutionNumber: null, resolutionDate: null };
const revisionsAnswer = (revisions: PlanRevision[]) => ({ data: { cycle: { id: 'c-2020', year: 2020, state: 'monitoring', version: 3, revisions } } });
const indicator = (targets: Target[], valueType: ValueType = 'number') => ({ id: 'ind-1', unit: 'N.', valueType, targets });
const revisedTarget = (revision: PlanRevision, over: Partial<Target> = {}) =>
  target({ id: `t-${revision.id}`, valueNumber: 150, threshold80Number: 130, threshold60Number: 100, label: null, revision: { id: revision.id, revisedOn: revision.revisedOn, reason: revision.reason }, ...over });
const mutations = (calls: ScriptedCall[], name: string) => calls.filter((c) => c.kind === 'mutation' && c.name === name);

describe('the revision operations against the API schema', () => {
  const schema = buildSchema(readFileSync(join(import.meta.dirname, '../../api/schema.graphql'), 'utf8'));
  const documents = Object.entries(operations).filter((entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && 'definitions' in entry[1]);

  it('finds the three operations', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(['CreateRevisionMutation', 'CycleRevisionsQuery', 'ReviseTargetMutation']);
  });

  it.each(documents)('%s is valid', (_name, document) => {
    expect(validate(schema, parse(print(document))).map((e) => e.message)).toEqual([]);
  });
});

describe('validation and values of a revised target', () => {
  const fields = (over: Partial<RevisedFields> = {}): RevisedFields => ({ revisionId: 'rev-june', operator: 'gte', value: '150', t80: '130', t60: '100', ...over });

  it('requires the revision and the value, and reads numbers the Italian way', () => {
    expect(validateRevisedTarget(fields(), 'number')).toEqual({});
    expect(validateRevisedTarget(fields({ revisionId: '', value: ' ' }), 'number')).toEqual({ revisionId: 'revision.errors.revisionRequired', value: 'revision.errors.valueRequired' });
    expect(validateRevisedTarget(fields({ value: 'centocinquanta', t80: '13O' }), 'number')).toEqual({ value: 'revision.errors.invalidNumber', t80: 'revision.errors.invalidNumber' });
    expect(revisedValues(fields({ value: '1.234,5', t80: '1000', t60: '' }), 'number')).toEqual({ operator: 'gte', valueNumber: 1234.5, threshold80Number: 1000, threshold60Number: null });
  });

  it('keeps the thresholds on the less ambitious side of the target, by operator', () => {
    expect(validateRevisedTarget(fields({ t80: '160' }), 'number')).toEqual({ t80: 'revision.errors.threshold80Order' });
    expect(validateRevisedTarget(fields({ t60: '140' }), 'number')).toEqual({ t60: 'revision.errors.threshold60Order' });
    expect(validateRevisedTarget(fields({ t80: '', t60: '151' }), 'number')).toEqual({ t60: 'revision.errors.threshold60Order' });
    // "≤ 5 days": the thresholds are more days, not fewer.
    expect(validateRevisedTarget(fields({ operator: 'lte', value: '5', t80: '7', t60: '9' }), 'number')).toEqual({});
    expect(validateRevisedTarget(fields({ operator: 'lte', value: '5', t80: '4', t60: '9' }), 'number')).toEqual({ t80: 'revision.errors.threshold80Order' });
  });

  it('takes a date for a deadline (later thresholds) and a yes/no without thresholds', () => {
    const deadline = fields({ operator: 'lte', value: '2020-09-30', t80: '2020-10-31', t60: '2020-11-30' });
    expect(validateRevisedTarget(deadline, 'date')).toEqual({});
    expect(revisedValues(deadline, 'date')).toEqual({ operator: 'lte', valueDate: '2020-09-30', threshold80Date: '2020-10-31', threshold60Date: '2020-11-30' });
    expect(validateRevisedTarget({ ...deadline, value: '31/09/2020', t80: '2020-08-31' }, 'date')).toEqual({ value: 'revision.errors.invalidDate' });
    expect(validateRevisedTarget({ ...deadline, t80: '2020-08-31' }, 'date')).toEqual({ t80: 'revision.errors.threshold80Order' });
    expect(validateRevisedTarget(fields({ operator: 'eq', value: '' }), 'boolean')).toEqual({ value: 'revision.errors.valueRequired' });
    expect(revisedValues(fields({ operator: 'eq', value: 'false' }), 'boolean')).toEqual({ operator: 'eq', valueBoolean: false });
  });

  it('knows which target is in force: the latest revision, else the original', () => {
    const targets = [revisedTarget(june), target(), revisedTarget(march), target({ id: 't-2021', year: 2021 })];
    const y2020 = yearTargets(targets, 2020);
    expect(y2020.original?.id).toBe('t-1');
    expect(y2020.revised.map((x) => x.id)).toEqual(['t-rev-march', 't-rev-june']);
    expect(y2020.inForce?.id).toBe('t-rev-june');
    expect(yearTargets(targets, 2021).inForce?.id).toBe('t-2021');
  });
});

describe('revising a target', () => {
  it('shows the original target and sends the typed values under the latest revision not yet applied', async () => {
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'CycleRevisions') return revisionsAnswer([march, june]);
      if (call.name === 'ReviseTarget') return { data: { reviseTarget: revisedTarget(june) } };
      return undefined;
    });
    await renderWith(<ReviseTargetForm indicator={indicator([target(), revisedTarget(march)])} cycleId="c-2020" year={2020} />, client);
    expect(screen.getByText('Target originale 2020: ≥ 170. Soglia 80%: 150; soglia 60%: 120.')).toBeInTheDocument();
    const revision = screen.getByLabelText('Rimodulazione');
    expect(revision).toHaveValue('rev-june');
    expect(within(revision).getByRole('option', { name: '31/03/2020 — Nuove risorse dal bilancio di previsione (già applicata a questo target)' })).toBeDisabled();
    expect(screen.getByLabelText('Nuovo target (N.)')).toHaveValue('170');
    await userEvent.clear(screen.getByLabelText('Nuovo target (N.)'));
    await userEvent.type(screen.getByLabelText('Nuovo target (N.)'), '150,5');
    await userEvent.clear(screen.getByLabelText('Nuova soglia 80%'));
    await userEvent.type(screen.getByLabelText('Nuova soglia 80%'), '130');
    await userEvent.clear(screen.getByLabelText('Nuova soglia 60%'));
    await userEvent.type(screen.getByLabelText('Nuova soglia 60%'), '100');
    await userEvent.click(screen.getByRole('button', { name: 'Rimodula il target' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Target rimodulato con la rimodulazione del 30/06/2020: il punteggio ora usa il nuovo target.');
    expect(mutations(calls, 'ReviseTarget').map((c) => c.variables)).toEqual([
      { id: 't-1', version: 1, revisionId: 'rev-june', values: { operator: 'gte', valueNumber: 150.5, threshold80Number: 130, threshold60Number: 100 } },
    ]);
  });

  it('refuses invalid values before sending anything, with the message tied to the field', async () => {
    const { client, calls } = scriptedClient((call) => (call.name === 'CycleRevisions' ? revisionsAnswer([june]) : undefined));
    await renderWith(<ReviseTargetForm indicator={indicator([target()])} cycleId="c-2020" year={2020} />, client);
    const value = screen.getByLabelText('Nuovo target (N.)');
    await userEvent.clear(value);
    await userEvent.type(value, 'cento');
    await userEvent.clear(screen.getByLabelText('Nuova soglia 80%'));
    await userEvent.type(screen.getByLabelText('Nuova soglia 80%'), '200');
    await userEvent.click(screen.getByRole('button', { name: 'Rimodula il target' }));
    expect(value).toHaveAttribute('aria-invalid', 'true');
    expect(value).toHaveAccessibleDescription('Inserisci un numero, ad esempio 27,21.');
    expect(value).toHaveFocus();
    await userEvent.clear(value);
    await userEvent.type(value, '150');
    await userEvent.click(screen.getByRole('button', { name: 'Rimodula il target' }));
    expect(screen.getByLabelText('Nuova soglia 80%')).toHaveAccessibleDescription("La soglia dell'80% deve essere meno ambiziosa del target.");
    expect(screen.getByLabelText('Nuova soglia 80%')).toHaveFocus();
    expect(mutations(calls, 'ReviseTarget')).toHaveLength(0);
  });

  it('sends a deadline as a date and a yes/no as a boolean', async () => {
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'CycleRevisions') return revisionsAnswer([june]);
      if (call.name === 'ReviseTarget') return { data: { reviseTarget: revisedTarget(june) } };
      return undefined;
    });
    const deadline = target({ operator: 'lte', valueNumber: null, valueDate: '2020-07-31', threshold80Number: null, threshold60Number: null, label: null });
    const view = await renderWith(<ReviseTargetForm indicator={indicator([deadline], 'date')} cycleId="c-2020" year={2020} />, client);
    expect(screen.getByText('Target originale 2020: ≤ 31/07/2020.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Nuovo target (data)'), { target: { value: '2020-09-30' } });
    fireEvent.change(screen.getByLabelText('Nuova soglia 80%'), { target: { value: '2020-10-31' } });
    await userEvent.click(screen.getByRole('button', { name: 'Rimodula il target' }));
    await screen.findByRole('status');
    view.unmount();

    const yesNo = target({ operator: 'eq', valueNumber: null, valueBoolean: true, threshold80Number: null, threshold60Number: null, label: 'Definire piano' });
    await renderWith(<ReviseTargetForm indicator={indicator([yesNo], 'boolean')} cycleId="c-2020" year={2020} />, client);
    expect(screen.queryByLabelText('Nuova soglia 80%')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Operatore')).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Nuovo target'), 'No');
    await userEvent.click(screen.getByRole('button', { name: 'Rimodula il target' }));
    await screen.findByRole('status');
    expect(mutations(calls, 'ReviseTarget').map((c) => c.variables.values)).toEqual([
      { operator: 'lte', valueDate: '2020-09-30', threshold80Date: '2020-10-31', threshold60Date: null },
      { operator: 'eq', valueBoolean: false },
    ]);
  });

  it('asks to open a revision first, and says so when every revision is already applied', async () => {
    const none = scriptedClient((call) => (call.name === 'CycleRevisions' ? revisionsAnswer([]) : undefined));
    const view = await renderWith(<ReviseTargetForm indicator={indicator([target()])} cycleId="c-2020" year={2020} />, none.client);
    expect(screen.getByText('Per rimodulare il target apri prima una rimodulazione del piano 2020 (sezione «Rimodulazioni del piano»).')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rimodula il target' })).not.toBeInTheDocument();
    view.unmount();
    const used = scriptedClient((call) => (call.name === 'CycleRevisions' ? revisionsAnswer([june]) : undefined));
    await renderWith(<ReviseTargetForm indicator={indicator([target(), revisedTarget(june)])} cycleId="c-2020" year={2020} />, used.client);
    expect(screen.getByText(/già stato rimodulato in tutte le rimodulazioni aperte/)).toBeInTheDocument();
  });

  it('shows a refusal of the API in plain Italian', async () => {
    const { client } = scriptedClient((call) => (call.name === 'CycleRevisions' ? revisionsAnswer([june]) : call.name === 'ReviseTarget' ? badInput : undefined));
    await renderWith(<ReviseTargetForm indicator={indicator([target()])} cycleId="c-2020" year={2020} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Rimodula il target' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Alcuni dati non sono validi o l'operazione non è possibile in questo stato. Controlla i campi e riprova.");
  });
});

describe('revising a target on a stale version (CONFLICT)', () => {
  it('explains it, keeps what was typed and sends it again on the current version', async () => {
    let attempts = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'CycleRevisions') return revisionsAnswer([june]);
      if (call.name === 'ReviseTarget') {
        attempts += 1;
        return attempts === 1 ? conflict : { data: { reviseTarget: revisedTarget(june) } };
      }
      if (call.name === 'Indicator') return { data: { indicator: { ...indicator([target({ version: 4 })]), targets: [target({ version: 4 })] } } };
      return undefined;
    });
    await renderWith(<ReviseTargetForm indicator={indicator([target()])} cycleId="c-2020" year={2020} />, client);
    const value = screen.getByLabelText('Nuovo target (N.)');
    await userEvent.clear(value);
    await userEvent.type(value, '155');
    await userEvent.selectOptions(screen.getByLabelText('Operatore'), 'gt');
    await userEvent.click(screen.getByRole('button', { name: 'Rimodula il target' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Qualcuno ha modificato questi dati');
    expect(dialog).toHaveTextContent('Rimodulazione30/06/2020 — Monitoraggio del 30/06: sportelli chiusi per tre mesi');
    expect(dialog).toHaveTextContent('Operatore> più di');
    expect(dialog).toHaveTextContent('Nuovo target (N.)155');
    expect(dialog).toHaveTextContent('Nuova soglia 80%150');
    expect(value).toHaveValue('155');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: /ricarica/i }));
    await screen.findByText('Target rimodulato con la rimodulazione del 30/06/2020: il punteggio ora usa il nuovo target.');
    const values = { operator: 'gt', valueNumber: 155, threshold80Number: 150, threshold60Number: 120 };
    expect(mutations(calls, 'ReviseTarget').map((c) => c.variables)).toEqual([
      { id: 't-1', version: 1, revisionId: 'rev-june', values },
      { id: 't-1', version: 4, revisionId: 'rev-june', values },
    ]);
    expect(calls.filter((c) => c.name === 'Indicator').map((c) => c.variables)).toEqual([{ id: 'ind-1' }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('does not send again when a colleague revised the target under the same revision meanwhile', async () => {
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'CycleRevisions') return revisionsAnswer([june]);
      if (call.name === 'ReviseTarget') return conflict;
      if (call.name === 'Indicator') return { data: { indicator: { ...indicator([]), targets: [target(), revisedTarget(june)] } } };
      return undefined;
    });
    await renderWith(<ReviseTargetForm indicator={indicator([target()])} cycleId="c-2020" year={2020} />, client);
    await userEvent.click(screen.getByRole('button', { name: 'Rimodula il target' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: /ricarica/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Nel frattempo questo target è già stato rimodulato con la rimodulazione del 30/06/2020');
    expect(mutations(calls, 'ReviseTarget')).toHaveLength(1);
    expect(screen.getByLabelText('Nuovo target (N.)')).toHaveValue('170');
  });
});

describe('the revisions panel', () => {
  it('validates the date and the reason', () => {
    expect(validateRevision({ revisedOn: '2020-06-30', reason: 'Monitoraggio', resolutionNumber: '', resolutionDate: '' })).toEqual({});
    expect(validateRevision({ revisedOn: '', reason: ' ok ', resolutionNumber: 'x'.repeat(51), resolutionDate: '2020-02-30' })).toEqual({
      revisedOn: 'revision.errors.dateRequired',
      reason: 'revision.errors.reasonRequired',
      resolutionNumber: 'revision.errors.resolutionNumberTooLong',
      resolutionDate: 'revision.errors.invalidDate',
    });
  });

  it('lists the revisions with the Giunta resolution, refuses a revision without a reason, then opens one', async () => {
    let revisions = [june];
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'CycleRevisions') return revisionsAnswer(revisions);
      if (call.name === 'CreateRevision') {
        revisions = [june, { ...march, id: 'rev-sept', revisedOn: '2020-09-15', reason: 'Riduzione delle risorse per il secondo semestre', resolutionNumber: '88' }];
        return { data: { createRevision: revisions[1]! } };
      }
      return undefined;
    });
    await renderWith(<RevisionsPanel cycleId="c-2020" year={2020} />, client);
    const table = screen.getByRole('table', { name: 'Rimodulazioni del piano 2020' });
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'DataMotivazioneDelibera di Giunta',
      '30/06/2020Monitoraggio del 30/06: sportelli chiusi per tre mesin. 45 del 10/07/2020',
    ]);
    fireEvent.change(screen.getByLabelText('Data della rimodulazione'), { target: { value: '2020-09-15' } });
    await userEvent.click(screen.getByRole('button', { name: 'Apri la rimodulazione' }));
    const reason = screen.getByLabelText('Motivazione');
    expect(reason).toHaveAccessibleDescription('La motivazione è obbligatoria (almeno 5 caratteri).');
    expect(reason).toHaveFocus();
    expect(mutations(calls, 'CreateRevision')).toHaveLength(0);
    await userEvent.type(reason, '  Riduzione delle risorse per il secondo semestre ');
    await userEvent.type(screen.getByLabelText('Numero della delibera di Giunta'), '88');
    await userEvent.click(screen.getByRole('button', { name: 'Apri la rimodulazione' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Rimodulazione del 15/09/2020 aperta: ora puoi rimodulare i target.');
    expect(mutations(calls, 'CreateRevision').map((c) => c.variables)).toEqual([
      { cycleId: 'c-2020', revisedOn: '2020-09-15', reason: 'Riduzione delle risorse per il secondo semestre', resolutionNumber: '88', resolutionDate: null },
    ]);
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('15/09/2020Riduzione delle risorse per il secondo semestren. 88');
    expect(reason).toHaveValue('');
  });
});
