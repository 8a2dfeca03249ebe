// Valutazioni individuali: the appraisal form (profile of the cycle's SMVP, behaviour score 0–100 with comma
// decimals, note; created without a version, updated with it; CONFLICT → dialog → the typed values sent again on
// the current version), whom each role may consult, the refusal in plain Italian, and the screen's operations
// against the API schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { buildSchema, parse, print, validate, type DocumentNode } from 'graphql';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SessionContext, type SessionState } from '../src/session/session-context.js';
import { AppraisalForm, validateAppraisal } from '../src/features/appraisals/appraisal-form.js';
import * as operations from '../src/features/appraisals/appraisal-operations.js';
import type { AppraisalPerson, AppraisalScorecard, RoleProfile } from '../src/features/appraisals/appraisal-operations.js';
import type { Viewer } from '../src/graphql/types.js';
import { AppraisalsPage, consultablePeople } from '../src/features/appraisals/appraisals-page.js';
import { renderWith, scriptedClient, type ScriptedCall } from './support.js';

// Sondrio 2024's SMVP (data/demo/so-2024.yaml, individualWeights).
const smvp = {
  individualWeights: [
    { role: 'Segretario Generale', entity: 50, unit: 0, individual: 30, behaviour: 20 },
    { role: 'dirigente', entity: 27.5, unit: 37.5, individual: 15, behaviour: 20 },
    { role: 'P.O.', entity: 25, unit: 35, individual: 15, behaviour: 25 },
    { role: 'dipendente', entity: 20, unit: 30, individual: 0, behaviour: 50 },
  ],
};
const profiles: RoleProfile[] = operations.roleProfilesOf(smvp);
const conflict = { error: new CombinedError({ graphQLErrors: [{ message: 'stale', extensions: { code: 'CONFLICT' } }] }) };
const forbidden = { error: new CombinedError({ graphQLErrors: [{ message: 'not allowed: appraisal.manage', extensions: { code: 'FORBIDDEN' } }] }) };

// The Segretario Generale with behaviour 85,5: 100 × 50 % + 100 × 30 % + 85,5 × 20 % = 97,1.
function scorecard(behaviour: number | null, version: number): AppraisalScorecard {
  const components = [
    { component: 'entity' as const, weight: 50, score: 100, contribution: 50, missing: false, explanation: null },
    { component: 'unit' as const, weight: 0, score: null, contribution: null, missing: false, explanation: null },
    { component: 'individual' as const, weight: 30, score: 100, contribution: 30, missing: false, explanation: null },
    { component: 'behaviour' as const, weight: 20, score: behaviour, contribution: behaviour === null ? null : behaviour * 0.2, missing: behaviour === null, explanation: null },
  ];
  return {
    personId: 'p-sg',
    cycleId: 'c-2024',
    periodDate: '2024-12-31',
    appraisal: { id: 'a-1', roleProfile: 'Segretario Generale', behaviourScore: behaviour, note: null, version },
    scorecard: {
      roleProfile: 'Segretario Generale',
      score: behaviour === null ? null : 80 + behaviour * 0.2,
      computable: behaviour !== null,
      missingPolicy: 'exclude-and-reweight',
      components,
      explanation: { rule: 'individual-scorecard', components: components.map(({ component, weight, score, contribution }) => ({ component, weight, score, contribution })), weightSum: 100, score: 80 + (behaviour ?? 0) * 0.2 },
    },
    unavailableReason: null,
    unavailableMessage: null,
  };
}

const mutations = (calls: ScriptedCall[]) => calls.filter((c) => c.name === 'SetAppraisal').map((c) => c.variables);

describe('validation of an appraisal', () => {
  const names = profiles.map((p) => p.role);
  it('needs a profile of the SMVP, a score from 0 to 100 (comma decimals) or none, a short note', () => {
    expect(validateAppraisal({ roleProfile: '', behaviourScore: '', note: '' }, names)).toEqual({ roleProfile: 'appraisal.profileRequired' });
    expect(validateAppraisal({ roleProfile: 'Direttore', behaviourScore: '', note: '' }, names)).toEqual({ roleProfile: 'appraisal.profileRequired' });
    expect(validateAppraisal({ roleProfile: 'P.O.', behaviourScore: '85,5', note: 'ok' }, names)).toEqual({});
    expect(validateAppraisal({ roleProfile: 'P.O.', behaviourScore: '100', note: '' }, names)).toEqual({});
    expect(validateAppraisal({ roleProfile: 'P.O.', behaviourScore: '0', note: '' }, names)).toEqual({});
    expect(validateAppraisal({ roleProfile: 'P.O.', behaviourScore: '100,01', note: '' }, names)).toEqual({ behaviourScore: 'appraisal.outOfRange' });
    expect(validateAppraisal({ roleProfile: 'P.O.', behaviourScore: '-1', note: '' }, names)).toEqual({ behaviourScore: 'appraisal.outOfRange' });
    expect(validateAppraisal({ roleProfile: 'P.O.', behaviourScore: 'ottimo', note: '' }, names)).toEqual({ behaviourScore: 'appraisal.notANumber' });
    expect(validateAppraisal({ roleProfile: 'P.O.', behaviourScore: '', note: 'x'.repeat(2001) }, names)).toEqual({ note: 'appraisal.noteTooLong' });
  });

  it('reads the role profiles from the SMVP of the cycle', () => {
    expect(profiles.map((p) => p.role)).toEqual(['Segretario Generale', 'dirigente', 'P.O.', 'dipendente']);
    expect(profiles[1]).toEqual({ role: 'dirigente', entity: 27.5, unit: 37.5, individual: 15, behaviour: 20 });
    expect(operations.roleProfilesOf({})).toEqual([]);
    expect(operations.roleProfilesOf(null)).toEqual([]);
  });
});

describe('the appraisal form', () => {
  it('refuses 120 and a word, ties the message to the field, then creates the appraisal with 85,5 (no version)', async () => {
    const { client, calls } = scriptedClient((call) => (call.name === 'SetAppraisal' ? { data: { setAppraisal: scorecard(85.5, 1) } } : undefined));
    const onSaved = vi.fn();
    await renderWith(<AppraisalForm personId="p-sg" personName="Segretario Generale (demo)" cycleId="c-2024" year={2024} profiles={profiles} appraisal={null} onSaved={onSaved} />, client);
    expect(screen.getByRole('heading', { name: 'Valutazione di Segretario Generale (demo) per il ciclo 2024' })).toBeInTheDocument();
    const profile = screen.getByLabelText('Profilo di ruolo');
    const score = screen.getByLabelText('Punteggio dei comportamenti organizzativi (da 0 a 100)');
    expect(within(profile).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Scegli un profilo',
      'Segretario Generale (ente 50%, unità 0%, individuali 30%, comportamenti 20%)',
      'dirigente (ente 27,5%, unità 37,5%, individuali 15%, comportamenti 20%)',
      'P.O. (ente 25%, unità 35%, individuali 15%, comportamenti 25%)',
      'dipendente (ente 20%, unità 30%, individuali 0%, comportamenti 50%)',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Salva la valutazione' }));
    expect(profile).toHaveAttribute('aria-invalid', 'true');
    expect(profile).toHaveAccessibleDescription(/Scegli il profilo di ruolo\./);
    expect(profile).toHaveFocus();

    await userEvent.selectOptions(profile, 'Segretario Generale');
    await userEvent.type(score, '120');
    await userEvent.click(screen.getByRole('button', { name: 'Salva la valutazione' }));
    expect(score).toHaveAttribute('aria-invalid', 'true');
    expect(score).toHaveAccessibleDescription(/Il punteggio deve essere compreso tra 0 e 100\./);
    expect(score).toHaveFocus();
    await userEvent.clear(score);
    await userEvent.type(score, 'buono');
    expect(score).toHaveAccessibleDescription(/Scrivi un numero, per esempio 85,5\./);
    expect(mutations(calls)).toHaveLength(0);

    await userEvent.clear(score);
    await userEvent.type(score, '85,5');
    await userEvent.type(screen.getByLabelText('Nota (facoltativa)'), '  Colloquio del 15 gennaio  ');
    await userEvent.click(screen.getByRole('button', { name: 'Salva la valutazione' }));
    expect(await screen.findByText('Valutazione salvata.')).toBeInTheDocument();
    expect(mutations(calls)).toEqual([
      { personId: 'p-sg', cycleId: 'c-2024', roleProfile: 'Segretario Generale', behaviourScore: 85.5, note: 'Colloquio del 15 gennaio', version: null },
    ]);
    expect(onSaved).toHaveBeenCalledTimes(1);
    const saved = onSaved.mock.calls[0]?.[0] as AppraisalScorecard;
    expect(saved.scorecard?.score).toBeCloseTo(97.1, 10);
  });

  it('updates with the version read; on CONFLICT shows the typed values and sends them again on the current version', async () => {
    let attempts = 0;
    const { client, calls } = scriptedClient((call) => {
      if (call.name === 'SetAppraisal') {
        attempts += 1;
        return attempts === 1 ? conflict : { data: { setAppraisal: scorecard(70, 6) } };
      }
      if (call.name === 'PersonScorecard') return { data: { personScorecard: scorecard(60, 5) } };
      return undefined;
    });
    await renderWith(<AppraisalForm personId="p-sg" personName="Segretario Generale (demo)" cycleId="c-2024" year={2024} profiles={profiles} appraisal={scorecard(90, 3).appraisal} />, client);
    const score = screen.getByLabelText('Punteggio dei comportamenti organizzativi (da 0 a 100)');
    expect(screen.getByLabelText('Profilo di ruolo')).toHaveValue('Segretario Generale');
    expect(score).toHaveValue('90');
    await userEvent.clear(score);
    await userEvent.type(score, '70');
    await userEvent.click(screen.getByRole('button', { name: 'Salva la valutazione' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Qualcuno ha modificato questi dati');
    expect(within(dialog).getByText('Profilo di ruolo').nextSibling).toHaveTextContent('Segretario Generale');
    expect(within(dialog).getByText('Punteggio dei comportamenti organizzativi (da 0 a 100)').nextSibling).toHaveTextContent('70');
    expect(score).toHaveValue('70');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }));
    expect(await screen.findByText('Valutazione salvata.')).toBeInTheDocument();
    expect(mutations(calls).map((v) => [v.version, v.behaviourScore, v.roleProfile])).toEqual([
      [3, 70, 'Segretario Generale'],
      [5, 70, 'Segretario Generale'],
    ]);
    expect(calls.filter((c) => c.name === 'PersonScorecard')).toEqual([{ kind: 'query', name: 'PersonScorecard', variables: { personId: 'p-sg', cycleId: 'c-2024' } }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // The next save goes with the version the API returned (6).
    await userEvent.click(screen.getByRole('button', { name: 'Salva la valutazione' }));
    await waitFor(() => expect(mutations(calls)).toHaveLength(3));
    expect(mutations(calls)[2]).toMatchObject({ version: 6, behaviourScore: 70 });
  });

  it('sends an empty score as "not yet assessed" and shows a refusal of the API in plain Italian', async () => {
    const { client, calls } = scriptedClient((call) => (call.name === 'SetAppraisal' ? forbidden : undefined));
    await renderWith(<AppraisalForm personId="p-sg" personName="Segretario Generale (demo)" cycleId="c-2024" year={2024} profiles={profiles} appraisal={null} />, client);
    await userEvent.selectOptions(screen.getByLabelText('Profilo di ruolo'), 'dipendente');
    await userEvent.click(screen.getByRole('button', { name: 'Salva la valutazione' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Non hai i permessi per questa operazione o per questi dati.');
    expect(screen.queryByText(/appraisal\.manage/)).not.toBeInTheDocument();
    expect(screen.queryByText('Valutazione salvata.')).not.toBeInTheDocument();
    expect(mutations(calls)).toEqual([{ personId: 'p-sg', cycleId: 'c-2024', roleProfile: 'dipendente', behaviourScore: null, note: null, version: null }]);
  });
});

// Sondrio: SG with RI below it; the administrator in SG, the manager and staff of RI, the Segretario Generale, the OIV.
const units = [
  { id: 'u-sg', parentId: null },
  { id: 'u-ri', parentId: 'u-sg' },
  { id: 'u-ri-front', parentId: 'u-ri' },
];
const person = (id: string, displayName: string, unitIds: string[], position: string | null = null): AppraisalPerson => ({
  id,
  displayName,
  position,
  active: true,
  units: unitIds.map((u) => ({ head: false, person: { id }, unit: { id: u, code: u.slice(2).toUpperCase(), name: `U.O. ${u.slice(2).toUpperCase()}` } })),
});
const people: AppraisalPerson[] = [
  person('p-admin', 'Amministratore Demo Sondrio', ['u-sg']),
  person('p-manager', 'Responsabile Demo U.O. Registro Imprese', ['u-ri'], 'Responsabile U.O.'),
  person('p-staff', 'Dipendente Demo U.O. Registro Imprese', ['u-ri'], 'dipendente'),
  person('p-front', 'Sportellista', ['u-ri-front']),
  person('p-sg', 'Segretario Generale (demo)', ['u-sg'], 'Segretario Generale'),
  person('p-oiv', 'OIV Demo Sondrio', []),
  { ...person('p-gone', 'Cessato', ['u-ri']), active: false },
];
const viewer = (id: string, roles: string[], allowed: string[], conditional: string[] = []): Viewer => ({
  kind: 'member',
  roles,
  username: id,
  chamberCode: 'SO',
  allowedActions: allowed,
  conditionalActions: conditional,
  chamber: { id: 'ch-so', code: 'SO', name: 'Camera di commercio di Sondrio' },
  person: { id, displayName: id },
});
const admin = viewer('p-admin', ['chamber-admin'], ['scorecard.readOwn', 'scorecard.read', 'appraisal.manage']);
const manager = viewer('p-manager', ['manager'], ['scorecard.readOwn'], ['scorecard.read']);
const staff = viewer('p-staff', ['staff'], ['scorecard.readOwn']);
const oiv = viewer('p-oiv', ['oiv'], ['scorecard.readOwn', 'scorecard.read']);

describe('whom each role may consult', () => {
  const names = (v: Viewer) => consultablePeople(v, people, units).map((p) => p.id);
  it('the administration and the OIV: every active person but themselves', () => {
    expect(names(admin)).toEqual(['p-staff', 'p-oiv', 'p-manager', 'p-sg', 'p-front']);
    expect(names(oiv)).toEqual(['p-admin', 'p-staff', 'p-manager', 'p-sg', 'p-front']);
  });
  it('a manager: the people of their units and of the units below, not themselves', () => {
    expect(names(manager)).toEqual(['p-staff', 'p-front']);
  });
  it('staff: nobody', () => {
    expect(names(staff)).toEqual([]);
  });
});

const cycles = [{ id: 'c-2024', year: 2024, state: 'monitoring' as const, version: 3, periods: [] }];
async function renderPage(v: Viewer, path: string, answer: Parameters<typeof scriptedClient>[0]) {
  const { client, calls } = scriptedClient(answer);
  const session = { session: {} as SessionState['session'], viewer: v, cycles };
  await renderWith(
    <MemoryRouter initialEntries={[path]}>
      <SessionContext.Provider value={session}>
        <AppraisalsPage />
      </SessionContext.Provider>
    </MemoryRouter>,
    client,
  );
  return calls;
}
const peopleAnswer = { data: { people: { edges: people.map((node) => ({ node })) }, units: { edges: units.map((node) => ({ node })) } } };

describe('the appraisal screen', () => {
  it('refuses staff in plain Italian and asks the API nothing', async () => {
    const calls = await renderPage(staff, '/valutazioni', () => undefined);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Valutazioni individuali');
    expect(screen.getByRole('alert')).toHaveTextContent(/^Non puoi consultare le valutazioni individuali: sono riservate all'amministrazione della Camera/);
    expect(calls).toEqual([]);
  });

  it('shows a manager the people of their units and a scorecard read-only (no form)', async () => {
    await renderPage(manager, '/valutazioni?anno=2024&persona=p-staff', (call) => {
      if (call.name === 'AppraisalPeople') return peopleAnswer;
      if (call.name === 'PersonScorecard') return { data: { personScorecard: { ...scorecard(null, 1), personId: 'p-staff', appraisal: null, scorecard: null, unavailableReason: 'no_appraisal', unavailableMessage: 'no appraisal' } } };
      return undefined;
    });
    const table = screen.getByRole('table', { name: 'Persone di cui puoi consultare la scheda di valutazione' });
    expect(within(table).getAllByRole('link').map((a) => a.textContent)).toEqual(['Dipendente Demo U.O. Registro Imprese', 'Sportellista']);
    expect(within(table).getByRole('link', { name: 'Dipendente Demo U.O. Registro Imprese' })).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('heading', { level: 2, name: 'Scheda di valutazione di Dipendente Demo U.O. Registro Imprese' })).toBeInTheDocument();
    expect(screen.getByTestId('scorecard-unavailable')).toHaveTextContent(/^La scheda non è ancora disponibile: manca la valutazione/);
    expect(screen.getByText(/li registra l'amministrazione della Camera: qui puoi consultarli\./)).toBeInTheDocument();
    expect(screen.queryByTestId('appraisal-form')).not.toBeInTheDocument();
  });

  it('gives the administration the scorecard with its sentences and the form with the SMVP profiles', async () => {
    const calls = await renderPage(admin, '/valutazioni?anno=2024&persona=p-sg', (call) => {
      if (call.name === 'AppraisalPeople') return peopleAnswer;
      if (call.name === 'PersonScorecard') return { data: { personScorecard: scorecard(90, 2) } };
      if (call.name === 'CycleRoleProfiles') return { data: { cycle: { id: 'c-2024', year: 2024, smvp } } };
      return undefined;
    });
    expect(screen.getByTestId('scorecard-total')).toHaveTextContent('98,00');
    expect(screen.getByTestId('scorecard-explanation')).toHaveTextContent('Punteggio finale: (100,00 × 50 + 100,00 × 30 + 90,00 × 20) / 100 = 98,00.');
    expect(screen.getByText('Con i valori approvati al 31/12/2024.')).toBeInTheDocument();
    const form = screen.getByTestId('appraisal-form');
    expect(within(form).getByLabelText('Profilo di ruolo')).toHaveValue('Segretario Generale');
    expect(within(form).getByLabelText('Punteggio dei comportamenti organizzativi (da 0 a 100)')).toHaveValue('90');
    expect(calls.find((c) => c.name === 'PersonScorecard')?.variables).toEqual({ personId: 'p-sg', cycleId: 'c-2024' });
  });

  it('says so when the person in the URL is not among those the viewer may consult', async () => {
    await renderPage(manager, '/valutazioni?persona=p-sg', (call) => (call.name === 'AppraisalPeople' ? peopleAnswer : undefined));
    expect(screen.getByText('La persona scelta non è tra quelle di cui puoi consultare la scheda.')).toBeInTheDocument();
    expect(screen.queryByTestId('appraisal-person')).not.toBeInTheDocument();
  });
});

describe('the operations of the appraisal screen against the API schema', () => {
  const schema = buildSchema(readFileSync(join(import.meta.dirname, '../../api/schema.graphql'), 'utf8'));
  const documents = Object.entries(operations).filter((entry): entry is [string, DocumentNode] => typeof entry[1] === 'object' && entry[1] !== null && 'definitions' in entry[1]);
  it('finds the four operations', () => {
    expect(documents.map(([name]) => name).sort()).toEqual(['AppraisalPeopleQuery', 'CycleRoleProfilesQuery', 'PersonScorecardQuery', 'SetAppraisalMutation']);
  });
  it.each(documents)('%s is valid', (_name, document) => {
    expect(validate(schema, parse(print(document))).map((e) => e.message)).toEqual([]);
  });
});
