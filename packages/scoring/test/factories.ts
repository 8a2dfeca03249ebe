// Builders for engine input in tests: sensible defaults, overridable per test.
import type { IndicatorInput, NodeInput, ScoringConfig } from '../src/types.js';

/** The Sondrio 2024 SMVP: step 80/60, not-computable, 2 decimals half-up, BSC levels. */
export function buildConfig(overrides: Partial<ScoringConfig> = {}): ScoringConfig {
  return {
    defaultMethod: 'step',
    stepBands: { threshold80: 80, threshold60: 60 },
    missingPolicy: 'not-computable',
    rounding: { decimals: 2, mode: 'half-up' },
    rollupFrom: 'unrounded',
    achievementMethod: 'proportional',
    levels: {
      prospettiva: { aggregation: 'simple-mean', kind: 'perspective' },
      strategico: { aggregation: 'weighted-mean', kind: 'strategic' },
      operativo: { aggregation: 'weighted-mean', kind: 'operational' },
      azione: { aggregation: 'weighted-mean', kind: 'action' },
    },
    entityLevel: 'strategico',
    ratingBands: [
      { min: 90, label: 'Eccellente' },
      { min: 75, label: 'Buono' },
      { min: 60, label: 'Sufficiente' },
      { min: 0, label: 'Insufficiente' },
    ],
    ...overrides,
  };
}

export function buildIndicator(overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    code: 'i',
    weight: 100,
    direction: 'higher-is-better',
    valueType: 'number',
    target: { operator: '>=', value: 100 },
    value: 100,
    ...overrides,
  };
}

/** An action node with one indicator: value against target, step method by default. */
export function action(code: string, weight: number, value: number | null, target: number, extra: Partial<IndicatorInput> = {}): NodeInput {
  return {
    code,
    weight,
    level: 'azione',
    indicators: [
      buildIndicator({
        code,
        value,
        target: { operator: extra.direction === 'lower-is-better' ? '<=' : '>=', value: target },
        ...extra,
      }),
    ],
    children: [],
  };
}

export function node(code: string, level: string, weight: number, children: NodeInput[], extra: Partial<NodeInput> = {}): NodeInput {
  return { code, level, weight, indicators: [], children, ...extra };
}
