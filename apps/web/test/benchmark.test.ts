import { describe, expect, it } from 'vitest';
import { HEAT_BANDS, HEAT_MISSING, boxGeometry, formatBenchmarkValue, formatPercentile, formatRank, heatTone, rankedEntries } from '../src/features/benchmarking/benchmark.js';
import type { BenchmarkEntry, BenchmarkSeries } from '../src/graphql/types.js';
import { heatMatrix } from '../src/features/benchmarking/unioncamere-page.js';

const entry = (label: string, value: number | null, rank: number | null, percentile: number | null, isSelf = false, synthetic = false): BenchmarkEntry => ({
  chamber: { id: null, code: null, name: null, label, isSelf, named: isSelf, synthetic, region: null, sizeClass: null, activeFirms: null },
  value,
  valuePer1000Firms: null,
  rank,
  percentile,
});
const series = (code: string, entries: BenchmarkEntry[]): BenchmarkSeries => ({
  kind: 'system_objective',
  code,
  year: 2024,
  title: code,
  unit: '%',
  direction: 'higher_is_better',
  normaliser: null,
  stats: { n: entries.filter((e) => e.value !== null).length, minimum: 10, q1: 20, median: 30, q3: 40, maximum: 50 },
  entries,
});

describe('benchmark figures, the Italian way', () => {
  it('writes values with a decimal comma and up to two decimals (58,07)', () => {
    expect(formatBenchmarkValue(58.07)).toBe('58,07');
    expect(formatBenchmarkValue(58.0749)).toBe('58,07');
    expect(formatBenchmarkValue(13014)).toBe('13.014');
    expect(formatBenchmarkValue(12.5)).toBe('12,5');
    expect(formatBenchmarkValue(58.07, 'en-GB')).toBe('58.07');
  });

  it('writes a missing value as a dash, never as zero', () => {
    expect(formatBenchmarkValue(null)).toBe('—');
    expect(formatBenchmarkValue(undefined)).toBe('—');
    expect(formatBenchmarkValue(Number.NaN)).toBe('—');
    expect(formatBenchmarkValue(0)).toBe('0');
  });

  it('writes ranks as "3ª su 12" in Italian and with English ordinals', () => {
    expect(formatRank(3, 12)).toBe('3ª su 12');
    expect(formatRank(1, 12, 'it')).toBe('1ª su 12');
    expect(formatRank(1, 12, 'en')).toBe('1st of 12');
    expect(formatRank(2, 12, 'en')).toBe('2nd of 12');
    expect(formatRank(3, 12, 'en')).toBe('3rd of 12');
    expect(formatRank(11, 12, 'en')).toBe('11th of 12');
    expect(formatRank(22, 30, 'en')).toBe('22nd of 30');
    expect(formatRank(null, 12)).toBe('—');
  });

  it('writes percentiles as whole numbers', () => {
    expect(formatPercentile(72.7)).toBe('73');
    expect(formatPercentile(100)).toBe('100');
    expect(formatPercentile(null)).toBe('—');
  });
});

describe('box plot geometry', () => {
  it('places the five figures from minimum to maximum across the width', () => {
    const g = boxGeometry({ n: 5, minimum: 10, q1: 20, median: 30, q3: 40, maximum: 50 }, 45, 400)!;
    expect(g).toEqual({ min: 0, q1: 100, median: 200, q3: 300, max: 400, marker: 350 });
  });

  it('widens the axis to a marker outside the range, and centres a single value', () => {
    const g = boxGeometry({ n: 3, minimum: 10, q1: 20, median: 30, q3: 40, maximum: 50 }, 0, 500)!;
    expect(g.marker).toBe(0);
    expect(g.min).toBe(100);
    expect(g.max).toBe(500);
    expect(boxGeometry({ n: 1, minimum: 7, q1: 7, median: 7, q3: 7, maximum: 7 }, 7, 200)).toMatchObject({ min: 100, median: 100, marker: 100 });
  });

  it('has nothing to draw without values, and no marker for a missing value', () => {
    expect(boxGeometry({ n: 0, minimum: null, q1: null, median: null, q3: null, maximum: null }, null, 400)).toBeNull();
    expect(boxGeometry({ n: 5, minimum: 10, q1: 20, median: 30, q3: 40, maximum: 50 }, null, 400)?.marker).toBeNull();
  });
});

describe('heat-map colour scale', () => {
  it('bands percentiles 0–20, 20–40, 40–60, 60–80, 80–100 from red to green', () => {
    expect(heatTone(0)).toBe(HEAT_BANDS[0]);
    expect(heatTone(19.9)).toBe(HEAT_BANDS[0]);
    expect(heatTone(20)).toBe(HEAT_BANDS[1]);
    expect(heatTone(50)).toBe(HEAT_BANDS[2]);
    expect(heatTone(79.99)).toBe(HEAT_BANDS[3]);
    expect(heatTone(80)).toBe(HEAT_BANDS[4]);
    expect(heatTone(100)).toBe(HEAT_BANDS[4]);
  });

  it('marks a missing value grey, never as the worst band', () => {
    expect(heatTone(null)).toBe(HEAT_MISSING);
    expect(heatTone(undefined)).toBe(HEAT_MISSING);
  });

  it('keeps the text of every band readable (contrast at least 4.5:1)', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const tone of [...HEAT_BANDS, HEAT_MISSING]) {
      const [a, b] = [luminance(tone.background), luminance(tone.color)].sort((x, y) => y - x);
      expect((a! + 0.05) / (b! + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('ranking and heat-map rows', () => {
  it('lists ranked chambers first and the ones without a value last', () => {
    const s = series('1.2.2', [entry('Camera B', null, null, null), entry('Camera A', 30, 2, 50), entry('Sondrio', 58.07, 1, 100, true)]);
    expect(rankedEntries(s).map((e) => e.chamber.label)).toEqual(['Sondrio', 'Camera A', 'Camera B']);
  });

  it('builds chambers × codes in catalogue order (1.2.2 before 1.10.1), synthetic chambers after real ones', () => {
    const m = heatMatrix([
      series('1.10.1', [entry('Camera sintetica Alpi', 1, 1, 100, false, true), entry('Camera di commercio di Sondrio', 2, 2, 0)]),
      series('1.2.2', [entry('Camera sintetica Alpi', null, null, null, false, true), entry('Camera di commercio di Sondrio', 58.07, 1, 100)]),
    ]);
    expect(m.codes.map((s) => s.code)).toEqual(['1.2.2', '1.10.1']);
    expect(m.rows.map((r) => r.label)).toEqual(['Camera di commercio di Sondrio', 'Camera sintetica Alpi']);
    expect(m.rows[0]!.cells.get('1.2.2')?.value).toBe(58.07);
    expect(m.rows[1]!.cells.get('1.2.2')?.value).toBeNull();
  });
});
