import { describe, expect, it } from 'vitest';
import { action, buildConfig } from '../test/factories.js';
import { scoreIndividual, scoreIndividualObjectives } from './individual.js';

const rounding = { decimals: 2, mode: 'half-up' } as const;
const sg = { role: 'Segretario Generale', entity: 50, unit: 0, individual: 30, behaviour: 20 };

describe('scoreIndividual', () => {
  it('mixes entity, individual objectives and behaviour by the role\'s weights, with each contribution', () => {
    const card = scoreIndividual(sg, { entity: 100, unit: null, individual: 100, behaviour: 80 }, rounding);
    expect(card.score).toBe(96);
    expect(card.explanation).toEqual({
      rule: 'individual-scorecard',
      weightSum: 100,
      score: 96,
      components: [
        { component: 'entity', weight: 50, score: 100, contribution: 50 },
        { component: 'unit', weight: 0, score: null, contribution: null },
        { component: 'individual', weight: 30, score: 100, contribution: 30 },
        { component: 'behaviour', weight: 20, score: 80, contribution: 16 },
      ],
    });
  });

  it('uses the unit component for a dirigente (27.5 / 37.5 / 15 / 20)', () => {
    const card = scoreIndividual({ role: 'dirigente', entity: 27.5, unit: 37.5, individual: 15, behaviour: 20 }, { entity: 100, unit: 90, individual: 80, behaviour: 70 }, rounding);
    expect(card.exactScore).toBeCloseTo(27.5 + 33.75 + 12 + 14, 12);
    expect(card.score).toBe(87.25);
  });

  it('is not computable when a component with a positive weight is missing, and names it', () => {
    const card = scoreIndividual(sg, { entity: 100, unit: null, individual: 100, behaviour: null }, rounding);
    expect(card).toMatchObject({ score: null, explanation: { rule: 'not-computable', reason: 'missing-input', detail: { missing: ['behaviour'] } } });
  });
});

describe('scoreIndividualObjectives', () => {
  it('combines a person\'s objectives by their weights (Segretario Generale 2024: 30/30/10/30, all 100)', () => {
    const objectives = [
      action('SG.1', 30, 97.6, 80),
      action('SG.2', 30, -21.43, -12, { direction: 'lower-is-better' }),
      action('SG.3', 10, 100, 100),
      action('SG.4', 30, 90.81, 75),
    ];
    const r = scoreIndividualObjectives(objectives, buildConfig());
    expect(r.objectives.map((o) => o.result)).toEqual([100, 100, 100, 100]);
    expect(r.result).toBe(100);
  });

  it('weights a partly met objective', () => {
    const r = scoreIndividualObjectives([action('A', 70, 100, 100), action('B', 30, 85, 100)], buildConfig());
    expect(r.result).toBe(94);
  });
});
