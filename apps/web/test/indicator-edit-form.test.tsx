// Editing the indicators of the selected node: the formula checked as typed, Italian labels of the enums, only the
// changed fields sent (IndicatorFieldsInput) with the version read, score fields locked outside a draft, an invalid
// formula refused by the API shown on its field, and a stale version (CONFLICT) recovered with the typed values;
// deleting an indicator of a draft plan with its targets (confirmation, refusals, CONFLICT).
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { checkFormula, indicatorChanges, indicatorFields, IndicatorEditList, validateIndicator } from '../src/features/plan-editor/indicator-edit-form.js';
import type { EditableIndicator, EditableNode } from '../src/features/plan-editor/plan-operations.js';
import type { CycleState } from '../src/graphql/types.js';
import { renderWith, scriptedClient } from './support.js';

const stale = { error: new CombinedError({ graphQLErrors: [{ message: 'Indicator i-1 was changed by someone else', extensions: { code: 'CONFLICT', entity: 'Indicator', id: 'i-1', version: 4 } }] }) };
const badFormula = { error: new CombinedError({ graphQLErrors: [{ message: 'invalid formula: Expected expression', extensions: { code: 'BAD_USER_INPUT', field: 'formula' } }] }) };

const indicator = (over: Partial<EditableIndicator> = {}): EditableIndicator => ({
  id: 'i-1',
  nodeId: 'n-111',
  code: null,
  name: 'Progetti attivati',
  algorithm: 'numero di iniziative attivate entro il 30 giugno',
  formula: null,
  unit: 'N.',
  valueType: 'number',
  direction: 'higher_is_better',
  scoringMethod: null,
  dataSource: null,
  frequency: null,
  baselineNumber: null,
  baselineYear: null,
  weight: 100,
  version: 4,
  ...over,
});
const node = (indicators: EditableIndicator[]): EditableNode => ({
  id: 'n-111',
  cycleId: 'c-2021',
  parentId: 'n-11',
  code: '1.1.1',
  title: 'Progetti attivati',
  description: null,
  note: null,
  weight: 50,
  position: 0,
  achievementOperator: null,
  achievementValue: null,
  version: 3,
  level: { key: 'azione', name: 'Azione', kind: 'action', position: 3 },
  indicators,
});

async function openEditor(answer: Parameters<typeof scriptedClient>[0], state: CycleState = 'draft') {
  const scripted = scriptedClient(answer);
  await renderWith(<IndicatorEditList nodeId="n-111" cycleState={state} year={2021} />, scripted.client);
  await screen.findByRole('heading', { name: 'Indicatori di 1.1.1' });
  const toggle = screen.getByRole('button', { name: "Modifica l'indicatore Progetti attivati" });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await userEvent.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return { ...scripted, form: screen.getByRole('form', { name: 'Indicatore Progetti attivati' }) };
}

describe('the formula check', () => {
  it('accepts what the scoring engine reads and lists the variables', () => {
    expect(checkFormula('risolti / proposti * 100')).toEqual({ ok: true, variables: ['risolti', 'proposti'] });
    expect(checkFormula('(pratiche_camerali * gg_camerali + pratiche_ul * gg_ul) / (pratiche_camerali + pratiche_ul)')).toEqual({
      ok: true,
      variables: ['pratiche_camerali', 'gg_camerali', 'pratiche_ul', 'gg_ul'],
    });
    expect(checkFormula('round(min(a, b) / 3.5, 2) - -1')).toEqual({ ok: true, variables: ['a', 'b'] });
    expect(checkFormula('  ')).toEqual({ ok: true, variables: [] });
  });

  it('names what is wrong', () => {
    expect(checkFormula('(a + b')).toEqual({ ok: false, problem: 'parentheses' });
    expect(checkFormula('a) + (b')).toEqual({ ok: false, problem: 'parentheses' });
    expect(checkFormula('a × b')).toEqual({ ok: false, problem: 'characters' });
    expect(checkFormula('a / b * 100 %')).toEqual({ ok: false, problem: 'characters' });
    expect(checkFormula('media(a, b)')).toEqual({ ok: false, problem: 'function' });
    expect(checkFormula('a +')).toEqual({ ok: false, problem: 'syntax' });
    expect(checkFormula('a b')).toEqual({ ok: false, problem: 'syntax' });
    expect(checkFormula('0,5 * a')).toEqual({ ok: false, problem: 'syntax' });
    expect(checkFormula('max()')).toEqual({ ok: false, problem: 'syntax' });
    expect(checkFormula('sqrt(a, b)')).toEqual({ ok: false, problem: 'syntax' });
  });
});

describe('indicator fields', () => {
  const base = indicatorFields(indicator({ baselineNumber: 1234.5, baselineYear: 2019, weight: 33.33 }), 'it-IT');

  it('reads numbers the Italian way and validates them', () => {
    expect(base.baselineNumber).toBe('1234,5');
    expect(base.weight).toBe('33,33');
    expect(validateIndicator(base, base)).toEqual({});
    expect(validateIndicator({ ...base, name: 'ab', baselineYear: '19', weight: '101' }, base)).toEqual({
      name: { key: 'planEdit.nameTooShort', min: 3 },
      baselineYear: { key: 'planEdit.yearInvalid' },
      weight: { key: 'planEdit.weightRange' },
    });
    expect(validateIndicator({ ...base, formula: 'a /', baselineNumber: 'mille' }, base)).toEqual({ formula: { key: 'planEdit.formula_syntax' }, baselineNumber: { key: 'planEdit.invalidNumber' } });
  });

  it('sends the changed fields only, empty text and "none" as null', () => {
    expect(indicatorChanges(base, { ...base })).toEqual({});
    expect(indicatorChanges(base, { ...base, baselineNumber: '1.234,50' })).toEqual({});
    expect(indicatorChanges(base, { ...base, name: ' Progetti ', algorithm: '', frequency: 'quarterly', baselineYear: '' })).toEqual({
      name: 'Progetti',
      fields: { algorithm: null, frequency: 'quarterly', baselineYear: null },
    });
  });
});

describe('the indicator form', { timeout: 20_000 }, () => {
  it('checks the formula as it is typed and saves the changed fields with the version read', async () => {
    const saved = indicator({ name: 'Progetti attivati nel semestre', formula: 'attivati / previsti * 100', unit: '%', direction: 'lower_is_better', scoringMethod: 'proportional', dataSource: 'Gestionale progetti', frequency: 'semiannual', baselineNumber: 2.5, baselineYear: 2019, weight: 60, version: 5 });
    const { form, calls } = await openEditor((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: node([indicator()]) } };
      if (call.name === 'EditIndicator') return { data: { updateIndicator: saved } };
      return undefined;
    });
    await userEvent.type(within(form).getByLabelText("Nome dell'indicatore"), ' nel semestre');
    const formula = within(form).getByLabelText('Formula');
    await userEvent.type(formula, 'attivati / (previsti * 100');
    expect(formula).toHaveAttribute('aria-invalid', 'true');
    expect(formula).toHaveAccessibleDescription(expect.stringContaining('Le parentesi della formula non sono bilanciate.'));
    await userEvent.clear(formula);
    await userEvent.type(formula, 'attivati / previsti * 100');
    expect(formula).not.toHaveAttribute('aria-invalid');
    expect(formula).toHaveAccessibleDescription('Variabili lette dalla formula: attivati, previsti.');
    const unit = within(form).getByLabelText('Unità di misura');
    await userEvent.clear(unit);
    await userEvent.type(unit, '%');
    const direction = within(form).getByLabelText('Direzione');
    expect(within(direction).getAllByRole('option').map((o) => o.textContent)).toEqual(['Più alto è meglio', 'Più basso è meglio']);
    await userEvent.selectOptions(direction, 'Più basso è meglio');
    const method = within(form).getByLabelText('Metodo di calcolo del punteggio');
    expect(within(method).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Secondo il sistema di misurazione (SMVP)',
      'A gradini (100 / 80 / 60 / 0)',
      'Proporzionale al target',
      'Sì / no (raggiunto o non raggiunto)',
      'Scadenza',
      'A fasce',
      'Qualitativo',
    ]);
    await userEvent.selectOptions(method, 'Proporzionale al target');
    await userEvent.type(within(form).getByLabelText('Fonte dei dati'), 'Gestionale progetti');
    await userEvent.selectOptions(within(form).getByLabelText('Frequenza di rilevazione'), 'Semestrale');
    await userEvent.type(within(form).getByLabelText('Valore di partenza (baseline)'), '2,5');
    await userEvent.type(within(form).getByLabelText('Anno della baseline'), '2019');
    const weight = within(form).getByLabelText("Peso dell'indicatore (%)");
    await userEvent.clear(weight);
    await userEvent.type(weight, '60');
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'indicatore" }));
    await within(form).findByText('Indicatore salvato.');
    expect(calls.filter((c) => c.name === 'EditIndicator').map((c) => c.variables)).toEqual([
      {
        id: 'i-1',
        version: 4,
        name: 'Progetti attivati nel semestre',
        fields: {
          formula: 'attivati / previsti * 100',
          unit: '%',
          dataSource: 'Gestionale progetti',
          direction: 'lower_is_better',
          scoringMethod: 'proportional',
          frequency: 'semiannual',
          baselineNumber: 2.5,
          baselineYear: 2019,
          weight: 60,
        },
      },
    ]);
    expect(within(form).getByLabelText('Valore di partenza (baseline)')).toHaveValue('2,5');
  });

  it('refuses to send an invalid formula and shows the one the API refused on its field', async () => {
    const { form, calls } = await openEditor((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: node([indicator()]) } };
      if (call.name === 'EditIndicator') return badFormula;
      return undefined;
    });
    const formula = within(form).getByLabelText('Formula');
    await userEvent.type(formula, 'media(a, b)');
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'indicatore" }));
    expect(formula).toHaveFocus();
    expect(formula).toHaveAccessibleDescription(expect.stringContaining('Funzione non ammessa: usa solo min, max, abs, round, floor, ceil, sqrt.'));
    expect(calls.filter((c) => c.kind === 'mutation')).toHaveLength(0);
    // Passes the check here but not the engine's (the API's word is final).
    await userEvent.clear(formula);
    await userEvent.type(formula, 'round(a, b)');
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'indicatore" }));
    await waitFor(() => expect(formula).toHaveAccessibleDescription(expect.stringContaining('Il motore di calcolo non accetta questa formula')));
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    expect(calls.filter((c) => c.name === 'EditIndicator').map((c) => c.variables)).toEqual([{ id: 'i-1', version: 4, fields: { formula: 'round(a, b)' } }]);
  });

  it('outside a draft locks what changes the score and says why', async () => {
    const { form } = await openEditor((call) => (call.name === 'NodeForEdit' ? { data: { node: node([indicator()]) } } : undefined), 'monitoring');
    for (const label of ['Formula', 'Direzione', 'Metodo di calcolo del punteggio', 'Valore di partenza (baseline)', "Peso dell'indicatore (%)"]) {
      const field = within(form).getByLabelText(label);
      expect(field).toBeDisabled();
      expect(field).toHaveAccessibleDescription(expect.stringContaining('Il ciclo 2021 è in monitoraggio: formula, direzione, metodo di punteggio, baseline e peso cambiano il punteggio'));
    }
    for (const label of ["Nome dell'indicatore", "Codice dell'indicatore", 'Algoritmo di calcolo', 'Unità di misura', 'Fonte dei dati', 'Frequenza di rilevazione', 'Anno della baseline']) {
      expect(within(form).getByLabelText(label)).toBeEnabled();
    }
  });

  it('explains a stale version, keeps what was typed and sends it again on the current version', async () => {
    let saves = 0;
    const { form, calls } = await openEditor((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: node([indicator()]) } };
      if (call.name === 'IndicatorForEdit') return { data: { indicator: indicator({ dataSource: 'Fonte del collega', version: 7 }) } };
      if (call.name === 'EditIndicator') {
        saves += 1;
        return saves === 1 ? stale : { data: { updateIndicator: indicator({ name: 'Iniziative attivate', frequency: 'quarterly', dataSource: 'Fonte del collega', version: 8 }) } };
      }
      return undefined;
    });
    const name = within(form).getByLabelText("Nome dell'indicatore");
    await userEvent.clear(name);
    await userEvent.type(name, 'Iniziative attivate');
    await userEvent.selectOptions(within(form).getByLabelText('Frequenza di rilevazione'), 'quarterly');
    await userEvent.click(within(form).getByRole('button', { name: "Salva l'indicatore" }));
    const dialog = await screen.findByRole('dialog');
    const typed = [...dialog.querySelectorAll('dt, dd')].map((e) => e.textContent);
    expect(typed).toEqual(["Nome dell'indicatore", 'Iniziative attivate', 'Frequenza di rilevazione', 'Trimestrale']);
    expect(name).toHaveValue('Iniziative attivate');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }));
    await within(form).findByText('Indicatore salvato.');
    expect(calls.filter((c) => c.name === 'EditIndicator').map((c) => c.variables)).toEqual([
      { id: 'i-1', version: 4, name: 'Iniziative attivate', fields: { frequency: 'quarterly' } },
      { id: 'i-1', version: 7, name: 'Iniziative attivate', fields: { frequency: 'quarterly' } },
    ]);
    expect(within(form).getByLabelText('Fonte dei dati')).toHaveValue('Fonte del collega');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('keeps what was typed when the editor is closed and opened again', async () => {
    const { form } = await openEditor((call) => (call.name === 'NodeForEdit' ? { data: { node: node([indicator(), indicator({ id: 'i-2', code: 'K2', name: 'Soggetti coinvolti' })]) } } : undefined));
    await userEvent.type(within(form).getByLabelText('Unità di misura'), ' progetti');
    const toggle = screen.getByRole('button', { name: "Modifica l'indicatore Progetti attivati" });
    await userEvent.click(toggle);
    expect(screen.queryByRole('form', { name: 'Indicatore Progetti attivati' })).not.toBeInTheDocument();
    await userEvent.click(toggle);
    expect(within(screen.getByRole('form', { name: 'Indicatore Progetti attivati' })).getByLabelText('Unità di misura')).toHaveValue('N. progetti');
    expect(screen.getByRole('button', { name: "Modifica l'indicatore K2 Soggetti coinvolti" })).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('deleting an indicator', { timeout: 20_000 }, () => {
  const forDelete = (over: Record<string, unknown> = {}) => ({
    indicator: { id: 'i-1', code: null, name: 'Progetti attivati', version: 4, targets: [{ id: 't-1', year: 2022 }, { id: 't-2', year: 2021 }], ...over },
  });
  const deleted = { deleteIndicator: { id: 'i-1', targetIds: ['t-1', 't-2'], node: { id: 'n-111', code: '1.1.1' }, weightIssues: [{ parentId: 'n-111', of: 'indicators', sum: 60, codes: ['Soggetti coinvolti'] }] } };

  async function openWithDelete(answer: Parameters<typeof scriptedClient>[0], state: CycleState = 'draft', canDelete = true) {
    const scripted = scriptedClient(answer);
    await renderWith(<IndicatorEditList nodeId="n-111" cycleState={state} year={2021} canDelete={canDelete} />, scripted.client);
    await screen.findByRole('heading', { name: 'Indicatori di 1.1.1' });
    await userEvent.click(screen.getByRole('button', { name: "Modifica l'indicatore Progetti attivati" }));
    return { ...scripted, form: screen.getByRole('form', { name: 'Indicatore Progetti attivati' }) };
  }

  it('is offered only in a draft plan, and only to those who may delete', async () => {
    const answer = (call: { name: string }) => (call.name === 'NodeForEdit' ? { data: { node: node([indicator()]) } } : undefined);
    const first = await openWithDelete(answer, 'draft', false);
    expect(within(first.form).queryByRole('button', { name: "Elimina l'indicatore" })).not.toBeInTheDocument();
    document.body.innerHTML = '';
    const second = await openWithDelete(answer, 'approved');
    expect(within(second.form).queryByRole('button', { name: "Elimina l'indicatore" })).not.toBeInTheDocument();
  });

  it('says which targets go, cancels with Escape, deletes on confirmation and says so in the list', async () => {
    const { form, calls } = await openWithDelete((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: node([indicator(), indicator({ id: 'i-2', name: 'Soggetti coinvolti' })]) } };
      if (call.name === 'IndicatorForDelete') return { data: forDelete() };
      if (call.name === 'DeleteIndicator') return { data: deleted };
      return undefined;
    });
    const button = within(form).getByRole('button', { name: "Elimina l'indicatore" });
    await userEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: "Eliminare l'indicatore Progetti attivati?" });
    expect(dialog).toHaveTextContent("Elimina l'indicatore «Progetti attivati» dell'obiettivo 1.1.1 con i suoi 2 target (anni 2021, 2022).");
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Annulla' })).toHaveFocus());
    // reactstrap's Modal reads the legacy keyCode, which user-event leaves at 0: the key as a browser sends it.
    fireEvent.keyUp(document.activeElement!, { key: 'Escape', code: 'Escape', keyCode: 27 });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(button).toHaveFocus();

    await userEvent.click(button);
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Elimina definitivamente' }));
    const list = screen.getByRole('heading', { name: 'Indicatori di 1.1.1' }).closest('section')!;
    await waitFor(() =>
      expect(within(list).getAllByRole('status')[0]).toHaveTextContent(
        "Indicatore «Progetti attivati» eliminato. I pesi rimasti (Soggetti coinvolti) ora sommano a 60: correggili prima dell'approvazione.",
      ),
    );
    expect(screen.getByRole('heading', { name: 'Indicatori di 1.1.1' })).toHaveFocus();
    expect(calls.filter((c) => c.name === 'DeleteIndicator').map((c) => c.variables)).toEqual([{ id: 'i-1', version: 4 }]);
    expect(calls.filter((c) => c.name === 'EditIndicator')).toHaveLength(0);
  });

  it('says when it has a single target or none', async () => {
    let reads = 0;
    const { form } = await openWithDelete((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: node([indicator()]) } };
      if (call.name === 'IndicatorForDelete') {
        reads += 1;
        return { data: forDelete({ targets: reads === 1 ? [{ id: 't-2', year: 2021 }] : [] }) };
      }
      return undefined;
    });
    await userEvent.click(within(form).getByRole('button', { name: "Elimina l'indicatore" }));
    expect(await screen.findByRole('dialog')).toHaveTextContent("Elimina l'indicatore «Progetti attivati» dell'obiettivo 1.1.1 con il suo target del 2021.");
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Annulla' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await userEvent.click(within(form).getByRole('button', { name: "Elimina l'indicatore" }));
    expect(await screen.findByRole('dialog')).toHaveTextContent("Elimina l'indicatore «Progetti attivati» dell'obiettivo 1.1.1, che non ha target.");
  });

  it('shows an OIV override refusing it in plain Italian, with the indicator named', async () => {
    const { form, calls } = await openWithDelete((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: node([indicator()]) } };
      if (call.name === 'IndicatorForDelete') return { data: forDelete() };
      if (call.name === 'DeleteIndicator') {
        return {
          error: new CombinedError({
            graphQLErrors: [
              {
                message: 'indicator Progetti attivati cannot be deleted: score overrides are set on Progetti attivati (1.1.1)',
                extensions: { code: 'BAD_USER_INPUT', reason: 'HAS_OVERRIDES', measurements: [], overrides: [{ nodeCode: '1.1.1', indicator: 'Progetti attivati', revoked: true }], continuedBy: [] },
              },
            ],
          }),
        };
      }
      return undefined;
    });
    await userEvent.click(within(form).getByRole('button', { name: "Elimina l'indicatore" }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Elimina definitivamente' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "Non si può eliminare: l'OIV ha modificato il punteggio di un obiettivo o di un indicatore che verrebbe eliminato, e quel giudizio resta agli atti.",
    );
    expect(within(dialog).getByRole('listitem')).toHaveTextContent("Progetti attivati (obiettivo 1.1.1): punteggio modificato dall'OIV");
    expect(within(dialog).queryByRole('button', { name: 'Elimina definitivamente' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.name === 'DeleteIndicator')).toHaveLength(1);
  });

  it('on a stale version opens the conflict dialog and deletes on the current version', async () => {
    let reads = 0;
    let deletes = 0;
    const { form, calls } = await openWithDelete((call) => {
      if (call.name === 'NodeForEdit') return { data: { node: node([indicator()]) } };
      if (call.name === 'IndicatorForDelete') {
        reads += 1;
        return { data: forDelete({ version: reads === 1 ? 4 : 7 }) };
      }
      if (call.name === 'DeleteIndicator') {
        deletes += 1;
        return deletes === 1 ? stale : { data: deleted };
      }
      return undefined;
    });
    await userEvent.click(within(form).getByRole('button', { name: "Elimina l'indicatore" }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Elimina definitivamente' }));
    const conflict = await screen.findByRole('dialog', { name: 'Qualcuno ha modificato questi dati' });
    expect(conflict).toHaveTextContent("Eliminazione richiestaElimina l'indicatore «Progetti attivati» dell'obiettivo 1.1.1 con i suoi 2 target (anni 2021, 2022).");
    await userEvent.click(within(conflict).getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }));
    await waitFor(() => expect(calls.filter((c) => c.name === 'DeleteIndicator').map((c) => c.variables)).toEqual([
      { id: 'i-1', version: 4 },
      { id: 'i-1', version: 7 },
    ]));
    expect(await screen.findByText(/^Indicatore «Progetti attivati» eliminato\./)).toBeInTheDocument();
  });
});
