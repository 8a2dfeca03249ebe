// "Perché 76?": every rule kind of the engine's explanations becomes Italian sentences with the right numbers.
import type {
  AchievementExplanation,
  BandsExplanation,
  IndividualScorecard,
  BinaryExplanation,
  DeadlineExplanation,
  MeanExplanation,
  NotComputableExplanation,
  OverrideExplanation,
  ProportionalExplanation,
  QualitativeExplanation,
  StepExplanation,
} from '@albero/scoring';
import { beforeAll, describe, expect, it } from 'vitest';
import { explain, explainScorecard, explanationText, type ScorecardFacts, type Translate } from '../src/explanation/explain.js';
import { initI18n } from '../src/i18n/i18n.js';
import { italianI18n } from './support.js';

let t: Translate;
let tEnglish: Translate;
beforeAll(async () => {
  const i18n = await italianI18n();
  t = (key, options) => i18n.t(key, options ?? {});
  const english = await initI18n('en');
  tEnglish = (key, options) => english.t(key, options ?? {});
});
const text = (e: Parameters<typeof explain>[0]) => explanationText(explain(e, { t, locale: 'it-IT' }));

// Sondrio 2024, action 1.3.1: 211 requests against a target of 220 → 80 (thresholds from the SMVP bands).
const step131: StepExplanation = {
  rule: 'step',
  value: 211,
  source: { kind: 'entered' },
  target: { operator: '>=', value: 220, source: 'original', label: '220' },
  thresholds: { t80: 176, t60: 132, source: 'bands', bands: { threshold80: 80, threshold60: 60 } },
  met: 't80',
  score: 80,
};

// Operational 1.3 = 80 % × 80 + 20 % × 60 = 76.
const mean13: MeanExplanation = {
  rule: 'weighted-mean',
  basis: 'children',
  terms: [
    { code: '1.3.1', weight: 80, score: 80, contribution: 64 },
    { code: '1.3.2', weight: 20, score: 60, contribution: 12 },
  ],
  weightSum: 100,
  missingPolicy: 'not-computable',
  missing: [],
  score: 76,
};

describe('the explanation of a score in Italian', () => {
  it('explains the weighted mean of 1.3 term by term (80 × 80 % + 60 × 20 % = 76)', () => {
    expect(text(mean13)).toBe(
      [
        'Media ponderata degli obiettivi collegati: 76,00 (somma dei pesi 100).',
        '  1.3.1: punteggio 80,00 × peso 80% = 64,00',
        '  1.3.2: punteggio 60,00 × peso 20% = 12,00',
      ].join('\n'),
    );
  });

  it('explains the step method when only the 80 % threshold is met (211 against 220 → 80)', () => {
    const lines = text(step131);
    expect(lines).toContain('Valore misurato 211, target ≥ 220.');
    expect(lines).toContain("Il target non è raggiunto ma è raggiunta la soglia dell'80% (176): punteggio 80,00.");
    expect(lines).toContain("Le soglie sono l'80% e il 60% del target, come prevede il sistema di misurazione.");
  });

  it.each([
    ['target', 'Il target è raggiunto: punteggio 100,00.'],
    ['t60', 'Il target e la soglia dell\'80% (176) non sono raggiunti; è raggiunta la soglia del 60% (132): punteggio 60,00.'],
    ['none', 'Non è raggiunta neppure la soglia del 60% (132): punteggio 0,00.'],
  ] as const)('explains the step method when %s is met', (met, sentence) => {
    const score = met === 'target' ? 100 : met === 't60' ? 60 : 0;
    expect(text({ ...step131, met, score })).toContain(sentence);
  });

  it('explains an OIV override beside the computed score and its reason (1.3.2: 0 → 60)', () => {
    const override: OverrideExplanation = {
      rule: 'override',
      computed: 0,
      computedExplanation: {
        ...step131,
        value: 27.21,
        target: { operator: '>=', value: 40, source: 'original', threshold60: 30 },
        thresholds: { t80: null, t60: 30, source: 'explicit' },
        met: 'none',
        score: 0,
      },
      score: 60,
      reason: "Acquisito il parere dell'OIV, si considera raggiunto al 60%.",
      by: 'oiv',
      date: '2025-04-30',
    };
    const lines = text(override);
    expect(lines).toContain("Punteggio 60,00 stabilito dall'OIV il 30/04/2025, al posto del punteggio calcolato 0,00.");
    expect(lines).toContain("Motivazione: Acquisito il parere dell'OIV, si considera raggiunto al 60%.");
    expect(lines).toContain('  Valore misurato 27,21, target ≥ 40.');
    expect(lines).toContain('  Non è raggiunta neppure la soglia del 60% (30): punteggio 0,00.');
  });

  it('explains the simple mean of a perspective (Processi: 97,60; 100; 88 → 95,20)', () => {
    const perspective: MeanExplanation = {
      rule: 'simple-mean',
      basis: 'children',
      terms: [
        { code: '3', weight: 1, score: 97.6, contribution: 32.53 },
        { code: '4', weight: 1, score: 100, contribution: 33.33 },
        { code: '5', weight: 1, score: 88, contribution: 29.33 },
      ],
      weightSum: 3,
      missingPolicy: 'not-computable',
      missing: [],
      score: 95.2,
    };
    expect(text(perspective)).toBe(['Media semplice degli obiettivi collegati (3 valori): 95,20.', '  3: 97,60', '  4: 100,00', '  5: 88,00'].join('\n'));
  });

  it('names the missing terms and the chamber\'s rule for them, never counting them silently', () => {
    const withMissing: MeanExplanation = {
      ...mean13,
      rule: 'weighted-mean',
      terms: [mean13.terms[0]!, { code: '1.3.2', weight: 20, score: null, contribution: null }],
      weightSum: 80,
      missingPolicy: 'exclude-and-reweight',
      missing: ['1.3.2'],
      score: 80,
    };
    const lines = text(withMissing);
    expect(lines).toContain('  1.3.2: valore mancante');
    expect(lines).toContain('Mancano i valori di 1.3.2; regola applicata: esclusi dalla media, pesi ridistribuiti.');
  });

  it('warns when the declared weights do not sum to 100', () => {
    expect(text({ ...mean13, warning: { kind: 'weights-do-not-sum-to-100', declaredSum: 90 } })).toContain(
      'Attenzione: i pesi dichiarati sommano a 90 invece di 100; la media divide per la loro somma.',
    );
  });

  it('explains a proportional score, capped at 100 when the target is exceeded', () => {
    const proportional: ProportionalExplanation = {
      rule: 'proportional',
      value: 45,
      source: { kind: 'entered' },
      target: { operator: '>=', value: 50, source: 'original' },
      ratio: 0.9,
      met: false,
      capped: false,
      score: 90,
    };
    expect(text(proportional)).toContain('Il punteggio è proporzionale: 90,00% del target, punteggio 90,00.');
    expect(text({ ...proportional, value: 60, ratio: 1.2, met: true, capped: true, score: 100 })).toContain(
      'Il target è superato (120,00% del target): punteggio limitato a 100,00.',
    );
  });

  it('explains a yes/no indicator', () => {
    const binary: BinaryExplanation = { rule: 'binary', value: true, source: { kind: 'entered' }, target: { operator: '=', value: true, source: 'original' }, met: true, score: 100 };
    expect(text(binary)).toBe('Valore Sì, target = Sì: raggiunto, punteggio 100,00.');
  });

  it('explains a deadline with dates written the Italian way', () => {
    const deadline: DeadlineExplanation = {
      rule: 'deadline',
      value: '2024-10-15',
      source: { kind: 'entered' },
      target: { operator: '<=', value: '2024-09-30', source: 'original' },
      thresholds: { t80: '2024-10-31', t60: '2024-11-30', source: 'explicit' },
      met: 't80',
      score: 80,
    };
    const lines = text(deadline);
    expect(lines).toContain('Realizzato il 15/10/2024, scadenza ≤ 30/09/2024.');
    expect(lines).toContain("La scadenza non è rispettata ma entro la soglia dell'80% (31/10/2024): punteggio 80,00.");
  });

  it('explains a band table', () => {
    const bands: BandsExplanation = {
      rule: 'bands',
      value: 85,
      source: { kind: 'entered' },
      target: { operator: '>=', value: 100, source: 'original' },
      percentOfTarget: 85,
      bands: [{ minPercentOfTarget: 80, score: 70 }],
      band: { minPercentOfTarget: 80, score: 70 },
      met: false,
      score: 70,
    };
    expect(text(bands)).toContain('Valore misurato 85, pari al 85,00% del target ≥ 100.');
    expect(text(bands)).toContain("Rientra nella fascia che parte dal 80% del target: punteggio 70,00.");
  });

  it('explains a qualitative judgement', () => {
    const qualitative: QualitativeExplanation = { rule: 'qualitative', value: 4, source: { kind: 'entered' }, score: 80 };
    expect(text(qualitative)).toBe('Valutazione qualitativa 4: punteggio 80,00.');
  });

  it('explains a value computed by formula from its inputs', () => {
    const formula: StepExplanation = { ...step131, source: { kind: 'formula', formula: 'iscritte / attive * 100', inputs: { iscritte: 347, attive: 10000 } }, value: 3.47, met: 'target', score: 100 };
    expect(text(formula)).toContain('Il valore è calcolato con la formula iscritte / attive * 100 da: iscritte = 347; attive = 10.000.');
  });

  it('explains a tolerance that decided "met" with its reason (1.1.1: 3,47 against 3,50)', () => {
    const tolerated: StepExplanation = {
      ...step131,
      value: 3.47,
      target: { operator: '>=', value: 3.5, source: 'original' },
      met: 'target',
      score: 100,
      tolerance: { absolute: 0.05, allowed: 0.05, distance: 0.03, applied: true, reason: 'Come nella Relazione 2024.' },
    };
    expect(text(tolerated)).toContain('Il target è considerato raggiunto grazie a una tolleranza di 0,05 (scarto 0,03). Motivazione: Come nella Relazione 2024.');
  });

  it('explains a revised target and keeps the original', () => {
    const revised: StepExplanation = {
      ...step131,
      target: { operator: '>=', value: 200, source: 'revised', original: { value: 220 }, revision: { date: '2024-07-15', reason: 'Rimodulazione di metà anno' } },
      met: 'target',
      score: 100,
    };
    expect(text(revised)).toContain('Target rimodulato il 15/07/2024 (in origine 220). Motivazione: Rimodulazione di metà anno');
  });

  it('explains why a score is not computable', () => {
    const missing: NotComputableExplanation = { rule: 'not-computable', reason: 'missing-input', detail: { variable: 'imprese_attive' } };
    expect(text(missing)).toBe('Non calcolabile: manca il valore della variabile imprese_attive.');
    const children: NotComputableExplanation = { rule: 'not-computable', reason: 'missing-children', detail: { missing: ['1.3.1', '1.3.2'] } };
    expect(text(children)).toBe('Non calcolabile: mancano i risultati di 1.3.1, 1.3.2.');
  });

  it('explains the achievement of a strategic objective (97,60 against ≥ 80 → 100)', () => {
    const achievement: AchievementExplanation = {
      rule: 'achievement',
      result: 97.6,
      target: { operator: '>=', value: 80, source: 'original' },
      met: true,
      method: 'proportional',
      achievement: 100,
    };
    expect(text(achievement)).toBe('Risultato misurato 97,60, target ≥ 80: raggiunto, grado di raggiungimento 100,00.');
  });

  it('says so when there is no explanation', () => {
    expect(text(null)).toBe('Nessuna spiegazione disponibile.');
  });
});

// The individual scorecard (rule individual-scorecard): Sondrio 2024's Segretario Generale, profile 50/0/30/20,
// entity 100, individual objectives SG.1–SG.4 (30/30/10/30) 100, behaviour 90: 50 + 30 + 18 = 98.
const segretario: IndividualScorecard['explanation'] = {
  rule: 'individual-scorecard',
  components: [
    { component: 'entity', weight: 50, score: 100, contribution: 50 },
    { component: 'unit', weight: 0, score: 100, contribution: null },
    { component: 'individual', weight: 30, score: 100, contribution: 30 },
    { component: 'behaviour', weight: 20, score: 90, contribution: 18 },
  ],
  weightSum: 100,
  score: 98,
};
const individualMean: MeanExplanation = {
  rule: 'weighted-mean',
  basis: 'children',
  terms: [
    { code: 'SG.1', weight: 30, score: 100, contribution: 30 },
    { code: 'SG.2', weight: 30, score: 100, contribution: 30 },
    { code: 'SG.3', weight: 10, score: 100, contribution: 10 },
    { code: 'SG.4', weight: 30, score: 100, contribution: 30 },
  ],
  weightSum: 100,
  missingPolicy: 'exclude-and-reweight',
  missing: [],
  score: 100,
};
const card = (facts: ScorecardFacts, translate: Translate = t, locale = 'it-IT') => explanationText(explainScorecard(facts, { t: translate, locale }));

describe('the explanation of an individual scorecard', () => {
  it('names the profile and its weights, each component with score, weight and contribution, and the total 98', () => {
    expect(card({ roleProfile: 'Segretario Generale', missingPolicy: 'exclude-and-reweight', explanation: segretario })).toBe(
      [
        "Profilo di ruolo «Segretario Generale»: il Sistema di misurazione e valutazione pesa la performance dell'ente 50%, gli obiettivi dell'unità 0%, gli obiettivi individuali 30%, i comportamenti organizzativi 20%.",
        "Performance dell'ente: punteggio 100,00, peso 50%, contributo 50,00.",
        "Obiettivi dell'unità: punteggio 100,00, peso 0%: non entra nel totale.",
        'Obiettivi individuali: punteggio 100,00, peso 30%, contributo 30,00.',
        'Comportamenti organizzativi: punteggio 90,00, peso 20%, contributo 18,00.',
        'Punteggio finale: (100,00 × 50 + 100,00 × 30 + 90,00 × 20) / 100 = 98,00.',
        "Valori mancanti nelle medie degli obiettivi dell'unità e individuali: esclusi dalla media, pesi ridistribuiti.",
      ].join('\n'),
    );
  });

  it('explains where each component comes from when the API sends the components\' explanations', () => {
    const lines = card({
      roleProfile: 'Segretario Generale',
      explanation: segretario,
      components: [
        { component: 'entity', explanation: { rule: 'not-computable', reason: 'missing-input', detail: { message: 'the SMVP names no entity level' } } },
        { component: 'unit', explanation: { rule: 'not-computable', reason: 'no-children', detail: {} } },
        { component: 'individual', explanation: individualMean },
        { component: 'behaviour', explanation: { rule: 'behaviour-assessment', score: 90 } },
      ],
    });
    expect(lines).toContain("Performance dell'ente: punteggio 100,00, peso 50%, contributo 50,00.\n  Il Sistema di misurazione e valutazione non indica il livello su cui si calcola la performance dell'ente.");
    expect(lines).toContain("Obiettivi dell'unità: punteggio 100,00, peso 0%: non entra nel totale.\n  Nessun obiettivo ha come responsabile una delle unità della persona.");
    expect(lines).toContain(
      [
        'Obiettivi individuali: punteggio 100,00, peso 30%, contributo 30,00.',
        '  È la media ponderata dei risultati degli obiettivi individuali assegnati alla persona:',
        '    Media ponderata degli obiettivi collegati: 100,00 (somma dei pesi 100).',
        '      SG.1: punteggio 100,00 × peso 30% = 30,00',
        '      SG.2: punteggio 100,00 × peso 30% = 30,00',
        '      SG.3: punteggio 100,00 × peso 10% = 10,00',
        '      SG.4: punteggio 100,00 × peso 30% = 30,00',
      ].join('\n'),
    );
    expect(lines).toContain('Comportamenti organizzativi: punteggio 90,00, peso 20%, contributo 18,00.\n  Punteggio dei comportamenti registrato nella valutazione: 90,00.');
    // No missing-value policy given: no sentence about it.
    expect(lines).not.toContain('Valori mancanti');
  });

  it('computes a P.O. profile (25/35/15/25) term by term: 25 + 28 + 13,5 + 17,5 = 84', () => {
    const po: IndividualScorecard['explanation'] = {
      rule: 'individual-scorecard',
      components: [
        { component: 'entity', weight: 25, score: 100, contribution: 25 },
        { component: 'unit', weight: 35, score: 80, contribution: 28 },
        { component: 'individual', weight: 15, score: 90, contribution: 13.5 },
        { component: 'behaviour', weight: 25, score: 70, contribution: 17.5 },
      ],
      weightSum: 100,
      score: 84,
    };
    const lines = card({ roleProfile: 'P.O.', explanation: po, missingPolicy: 'count-as-zero' });
    expect(lines).toContain("Obiettivi dell'unità: punteggio 80,00, peso 35%, contributo 28,00.");
    expect(lines).toContain('Obiettivi individuali: punteggio 90,00, peso 15%, contributo 13,50.');
    expect(lines).toContain('Punteggio finale: (100,00 × 25 + 80,00 × 35 + 90,00 × 15 + 70,00 × 25) / 100 = 84,00.');
    expect(lines).toContain("Valori mancanti nelle medie degli obiettivi dell'unità e individuali: contati come zero.");
  });

  it('says which component is missing and that it is not redistributed (dirigente 27,5/37,5/15/20 without behaviour)', () => {
    const dirigente: IndividualScorecard['explanation'] = {
      rule: 'not-computable',
      reason: 'missing-input',
      detail: { missing: ['behaviour'] },
      components: [
        { component: 'entity', weight: 27.5, score: 100, contribution: null },
        { component: 'unit', weight: 37.5, score: 95.2, contribution: null },
        { component: 'individual', weight: 15, score: 100, contribution: null },
        { component: 'behaviour', weight: 20, score: null, contribution: null },
      ],
    };
    const lines = card({
      roleProfile: 'dirigente',
      missingPolicy: 'not-computable',
      explanation: dirigente,
      components: [{ component: 'behaviour', explanation: { rule: 'not-computable', reason: 'missing-input', detail: { message: 'no behaviour score in the appraisal' } } }],
    });
    expect(lines).toBe(
      [
        "Profilo di ruolo «dirigente»: il Sistema di misurazione e valutazione pesa la performance dell'ente 27,5%, gli obiettivi dell'unità 37,5%, gli obiettivi individuali 15%, i comportamenti organizzativi 20%.",
        "Performance dell'ente: punteggio 100,00, peso 27,5%.",
        "Obiettivi dell'unità: punteggio 95,20, peso 37,5%.",
        'Obiettivi individuali: punteggio 100,00, peso 15%.',
        'Comportamenti organizzativi: punteggio mancante, peso 20%.',
        '  I comportamenti organizzativi non sono ancora stati valutati.',
        'Il punteggio finale non è calcolabile: manca il punteggio di una componente con peso positivo (i comportamenti organizzativi).',
        'Le componenti mancanti non vengono ridistribuite sulle altre: i pesi del profilo sono fissati dal Sistema di misurazione e valutazione.',
        "Valori mancanti nelle medie degli obiettivi dell'unità e individuali: il punteggio non si calcola.",
      ].join('\n'),
    );
  });

  it('names every missing component, and a profile without weights', () => {
    const twoMissing: IndividualScorecard['explanation'] = {
      rule: 'not-computable',
      reason: 'missing-input',
      detail: { missing: ['entity', 'individual'] },
      components: [
        { component: 'entity', weight: 50, score: null, contribution: null },
        { component: 'unit', weight: 0, score: null, contribution: null },
        { component: 'individual', weight: 30, score: null, contribution: null },
        { component: 'behaviour', weight: 20, score: 90, contribution: null },
      ],
    };
    const lines = card({ roleProfile: 'Segretario Generale', explanation: twoMissing });
    expect(lines).toContain("Obiettivi dell'unità: peso 0%, non entra nel totale.");
    expect(lines).toContain(
      "Il punteggio finale non è calcolabile: mancano i punteggi di componenti con peso positivo (la performance dell'ente, gli obiettivi individuali).",
    );
    const zero: IndividualScorecard['explanation'] = {
      rule: 'not-computable',
      reason: 'zero-weights',
      detail: { missing: [] },
      components: (['entity', 'unit', 'individual', 'behaviour'] as const).map((component) => ({ component, weight: 0, score: 100, contribution: null })),
    };
    expect(card({ roleProfile: 'vuoto', explanation: zero })).toContain('Il punteggio finale non è calcolabile: il profilo di ruolo non dà peso ad alcuna componente.');
  });

  it('is what explain() gives for the scorecard rules too (without the profile\'s name)', () => {
    expect(text(segretario).split('\n')[0]).toBe(
      "Pesi del profilo di ruolo: la performance dell'ente 50%, gli obiettivi dell'unità 0%, gli obiettivi individuali 30%, i comportamenti organizzativi 20%.",
    );
    expect(text(segretario)).toContain('Punteggio finale: (100,00 × 50 + 100,00 × 30 + 90,00 × 20) / 100 = 98,00.');
    const notComputable: IndividualScorecard['explanation'] = {
      rule: 'not-computable',
      reason: 'missing-input',
      detail: { missing: ['behaviour'] },
      components: segretario.components.map((c) => (c.component === 'behaviour' ? { ...c, score: null, contribution: null } : { ...c, contribution: null })),
    };
    expect(text(notComputable)).toContain('manca il punteggio di una componente con peso positivo (i comportamenti organizzativi).');
    expect(explainScorecard({ explanation: { rule: 'step' } }, { t, locale: 'it-IT' })).toEqual([{ text: 'Nessuna spiegazione disponibile.' }]);
  });

  it('speaks English with English numbers (behaviour 85,5: 50 + 30 + 17,1 = 97,1)', () => {
    const english: IndividualScorecard['explanation'] = {
      ...segretario,
      components: segretario.components.map((c) => (c.component === 'behaviour' ? { ...c, score: 85.5, contribution: 17.1 } : c)),
      score: 97.1,
    };
    const lines = card({ roleProfile: 'Segretario Generale', missingPolicy: 'exclude-and-reweight', explanation: english }, tEnglish, 'en-GB');
    expect(lines).toContain(
      'Role profile “Segretario Generale”: the measurement and evaluation system weighs the performance of the chamber 50%, the objectives of the unit 0%, the individual objectives 30%, organisational behaviour 20%.',
    );
    expect(lines).toContain('Objectives of the unit: score 100.00, weight 0%: not counted in the total.');
    expect(lines).toContain('Organisational behaviour: score 85.50, weight 20%, contribution 17.10.');
    expect(lines).toContain('Final score: (100.00 × 50 + 100.00 × 30 + 85.50 × 20) / 100 = 97.10.');
    expect(lines).toContain("Missing values in the means of the unit's and individual objectives: left out of the mean, weights redistributed.");
  });
});
