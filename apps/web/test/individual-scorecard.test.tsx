// "La mia scheda di valutazione": the four components with Italian numbers, the total, the components that
// make it not computable, why there is no scorecard yet, and "Perché 98?" in sentences.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IndividualScorecardView } from '../src/features/appraisals/individual-scorecard.js';
import type { ScorecardComponentName } from '../src/graphql/types.js';
import type { PersonScorecard } from '../src/graphql/types.js';
import { renderWith } from './support.js';

// Sondrio 2024's Segretario Generale (50/0/30/20) with behaviour 90: 100 × 50 % + 100 × 30 % + 90 × 20 % = 98.
const segretario: PersonScorecard = {
  appraisal: { id: 'a-1', roleProfile: 'Segretario Generale', behaviourScore: 90, version: 1 },
  scorecard: {
    roleProfile: 'Segretario Generale',
    score: 98,
    computable: true,
    missingPolicy: 'exclude-and-reweight',
    components: [
      { component: 'entity', weight: 50, score: 100, contribution: 50, missing: false },
      { component: 'unit', weight: 0, score: 100, contribution: null, missing: false },
      { component: 'individual', weight: 30, score: 100, contribution: 30, missing: false },
      { component: 'behaviour', weight: 20, score: 90, contribution: 18, missing: false },
    ],
    explanation: {
      rule: 'individual-scorecard',
      components: [
        { component: 'entity', weight: 50, score: 100, contribution: 50 },
        { component: 'unit', weight: 0, score: 100, contribution: null },
        { component: 'individual', weight: 30, score: 100, contribution: 30 },
        { component: 'behaviour', weight: 20, score: 90, contribution: 18 },
      ],
      weightSum: 100,
      score: 98,
    },
  },
  unavailableReason: null,
  unavailableMessage: null,
};

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
const sentences = () => within(screen.getByTestId('scorecard-explanation')).getAllByRole('listitem').map((li) => li.firstChild?.textContent);

describe('the individual scorecard', () => {
  it('shows the role profile and each component with weight, score and contribution (98 = 50 + 30 + 18)', async () => {
    await renderWith(<IndividualScorecardView data={segretario} />);
    expect(screen.getByText('Profilo di ruolo: Segretario Generale')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Componenti della scheda di valutazione' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Componente', 'Peso %', 'Punteggio', 'Contributo']);
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect(cells(row("Performance dell'ente"))).toEqual(['50', '100,00', '50,00']);
    expect(cells(row('Obiettivi della mia unità'))).toEqual(['0', '100,00', 'non conteggiato (peso 0)']);
    expect(cells(row('Obiettivi individuali'))).toEqual(['30', '100,00', '30,00']);
    expect(cells(row('Comportamenti organizzativi'))).toEqual(['20', '90,00', '18,00']);
    expect(cells(row('Totale'))).toEqual(['100', '', '98,00']);
    expect(screen.getByTestId('scorecard-total')).toHaveTextContent('98,00');
    expect(screen.queryByTestId('scorecard-not-computable')).not.toBeInTheDocument();
  });

  it('says which components are missing when the total is not computable', async () => {
    const scorecard = segretario.scorecard!;
    await renderWith(
      <IndividualScorecardView
        data={{
          ...segretario,
          scorecard: {
            ...scorecard,
            score: null,
            computable: false,
            components: scorecard.components.map((c) => (c.component === 'behaviour' ? { ...c, score: null, contribution: null, missing: true } : { ...c, contribution: null })),
          },
        }}
      />,
    );
    expect(screen.getByTestId('scorecard-total')).toHaveTextContent('non calcolabile');
    expect(screen.getByTestId('scorecard-not-computable')).toHaveTextContent('Il totale non è calcolabile: manca il punteggio di comportamenti organizzativi.');
    const row = screen.getByRole('rowheader', { name: 'Comportamenti organizzativi' }).closest('tr')!;
    expect(cells(row)).toEqual(['20', 'mancante', '—']);
  });

  it('explains in Italian that there is no appraisal yet (not the API message)', async () => {
    await renderWith(
      <IndividualScorecardView
        data={{ appraisal: null, scorecard: null, unavailableReason: 'no_appraisal', unavailableMessage: 'no appraisal recorded for this person in this cycle: the role profile is unknown' }}
      />,
    );
    expect(screen.getByTestId('scorecard-unavailable').textContent).toMatch(/^La scheda non è ancora disponibile: manca la valutazione/);
    expect(screen.queryByText(/no appraisal recorded/)).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('names the role profile the SMVP does not define', async () => {
    await renderWith(
      <IndividualScorecardView
        data={{ appraisal: { id: 'a-2', roleProfile: 'Dirigente', behaviourScore: null, version: 1 }, scorecard: null, unavailableReason: 'unknown_profile', unavailableMessage: 'unknown profile' }}
      />,
    );
    expect(screen.getByTestId('scorecard-unavailable')).toHaveTextContent('il profilo di ruolo «Dirigente» non è tra quelli previsti');
  });
  it('explains the total in sentences: profile and weights, each component, the final 98', async () => {
    await renderWith(<IndividualScorecardView data={segretario} />);
    const section = screen.getByTestId('scorecard-explanation');
    expect(within(section).getByRole('heading', { level: 3 })).toHaveTextContent('Perché 98,00?');
    expect(sentences()).toEqual([
      "Profilo di ruolo «Segretario Generale»: il Sistema di misurazione e valutazione pesa la performance dell'ente 50%, gli obiettivi dell'unità 0%, gli obiettivi individuali 30%, i comportamenti organizzativi 20%.",
      "Performance dell'ente: punteggio 100,00, peso 50%, contributo 50,00.",
      "Obiettivi dell'unità: punteggio 100,00, peso 0%: non entra nel totale.",
      'Obiettivi individuali: punteggio 100,00, peso 30%, contributo 30,00.',
      'Comportamenti organizzativi: punteggio 90,00, peso 20%, contributo 18,00.',
      'Punteggio finale: (100,00 × 50 + 100,00 × 30 + 90,00 × 20) / 100 = 98,00.',
      "Valori mancanti nelle medie degli obiettivi dell'unità e individuali: esclusi dalla media, pesi ridistribuiti.",
    ]);
  });

  it('explains why the total is not computable, naming the missing component', async () => {
    const scorecard = segretario.scorecard!;
    const components = scorecard.components.map((c) => (c.component === 'behaviour' ? { ...c, score: null, contribution: null, missing: true } : { ...c, contribution: null }));
    await renderWith(
      <IndividualScorecardView
        data={{
          ...segretario,
          scorecard: {
            ...scorecard,
            score: null,
            computable: false,
            components,
            explanation: {
              rule: 'not-computable',
              reason: 'missing-input',
              detail: { missing: ['behaviour'] },
              components: components.map(({ component, weight, score }) => ({ component, weight, score, contribution: null })),
            },
          },
        }}
      />,
    );
    expect(within(screen.getByTestId('scorecard-explanation')).getByRole('heading', { level: 3 })).toHaveTextContent('Perché il punteggio non è calcolabile?');
    expect(sentences()).toContain("Performance dell'ente: punteggio 100,00, peso 50%.");
    expect(sentences()).toContain('Comportamenti organizzativi: punteggio mancante, peso 20%.');
    expect(sentences()).toContain('Il punteggio finale non è calcolabile: manca il punteggio di una componente con peso positivo (i comportamenti organizzativi).');
    expect(sentences()).toContain(
      'Le componenti mancanti non vengono ridistribuite sulle altre: i pesi del profilo sono fissati dal Sistema di misurazione e valutazione.',
    );
  });

  it('shows the sources of the components, and neutral names for someone else\'s scorecard', async () => {
    const scorecard = segretario.scorecard!;
    const sources: Record<ScorecardComponentName, unknown> = {
      entity: { rule: 'simple-mean', basis: 'children', terms: [{ code: '1', weight: 1, score: 100, contribution: 100 }], weightSum: 1, missingPolicy: 'exclude-and-reweight', missing: [], score: 100 },
      unit: { rule: 'not-computable', reason: 'no-children', detail: {} },
      individual: { rule: 'not-computable', reason: 'missing-children', detail: { missing: ['SG.1'] } },
      behaviour: { rule: 'behaviour-assessment', score: 90 },
    };
    await renderWith(<IndividualScorecardView own={false} data={{ ...segretario, scorecard: { ...scorecard, components: scorecard.components.map((c) => ({ ...c, explanation: sources[c.component] })) } }} />);
    const table = screen.getByRole('table', { name: 'Componenti della scheda di valutazione' });
    expect(within(table).getByRole('rowheader', { name: "Obiettivi dell'unità" })).toBeInTheDocument();
    const section = screen.getByTestId('scorecard-explanation');
    expect(section).toHaveTextContent("È la media dei gradi di raggiungimento degli obiettivi del livello dell'ente:");
    expect(section).toHaveTextContent('Media semplice degli obiettivi collegati (1 valori): 100,00.');
    expect(section).toHaveTextContent('Nessun obiettivo ha come responsabile una delle unità della persona.');
    expect(section).toHaveTextContent('Non calcolabile: mancano i risultati di SG.1.');
    expect(section).toHaveTextContent('Punteggio dei comportamenti registrato nella valutazione: 90,00.');
  });
});
