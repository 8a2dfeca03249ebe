// Benchmarking helpers: figures of a comparison the Italian way ("58,07", "3ª su 12"), the geometry of a box
// plot and the colour scale of the heat map (colour is a second cue: the number is always written).
import type { BenchmarkSeries, BenchmarkStats } from '../../graphql/types.js';

const formats = new Map<string, Intl.NumberFormat>();
function decimals(locale: string, max: number): Intl.NumberFormat {
  const key = `${locale}:${max}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: max });
    formats.set(key, format);
  }
  return format;
}

/** An indicator's value with up to two decimals: 58.07 → "58,07", 13014 → "13.014". Missing → "—", never 0. */
export function formatBenchmarkValue(value: number | null | undefined, locale = 'it-IT'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return decimals(locale, 2).format(value);
}

/** A rank among the chambers with a value: "3ª su 12" (Italian), "3rd of 12" (English); missing → "—". */
export function formatRank(rank: number | null | undefined, of: number, language = 'it'): string {
  if (rank === null || rank === undefined) return '—';
  if (language.startsWith('en')) {
    const tens = rank % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[rank % 10] ?? 'th';
    return `${rank}${suffix} of ${of}`;
  }
  return `${rank}ª su ${of}`;
}

/** A percentile (100 = best) as a whole number: 72.7 → "73"; missing → "—". */
export function formatPercentile(percentile: number | null | undefined, locale = 'it-IT'): string {
  if (percentile === null || percentile === undefined || !Number.isFinite(percentile)) return '—';
  return decimals(locale, 0).format(Math.round(percentile));
}

export type BoxGeometry = { min: number; q1: number; median: number; q3: number; max: number; marker: number | null };

/**
 * Where the five figures of a box plot (and the highlighted chamber's value) fall on a horizontal axis of
 * `width` units, with the axis spanning minimum to maximum (and the marker, should it lie outside). Null when
 * the statistics have no values.
 */
export function boxGeometry(stats: BenchmarkStats, marker: number | null | undefined, width: number): BoxGeometry | null {
  const { minimum, q1, median, q3, maximum } = stats;
  if (minimum === null || q1 === null || median === null || q3 === null || maximum === null) return null;
  const low = Math.min(minimum, marker ?? minimum);
  const high = Math.max(maximum, marker ?? maximum);
  const span = high - low;
  const x = (v: number) => (span === 0 ? width / 2 : ((v - low) / span) * width);
  return { min: x(minimum), q1: x(q1), median: x(median), q3: x(q3), max: x(maximum), marker: marker === null || marker === undefined ? null : x(marker) };
}

export type HeatTone = { band: number; background: string; color: string };

/** Five bands of percentile (100 = best) from red to green, each with text meeting 4.5:1; missing: grey. */
export const HEAT_BANDS: readonly HeatTone[] = [
  { band: 0, background: '#a4262c', color: '#ffffff' },
  { band: 1, background: '#f4b183', color: '#1a1a1a' },
  { band: 2, background: '#fff2a8', color: '#1a1a1a' },
  { band: 3, background: '#a9d8b8', color: '#1a1a1a' },
  { band: 4, background: '#1b6e3c', color: '#ffffff' },
];
export const HEAT_MISSING: HeatTone = { band: -1, background: '#f2f2f2', color: '#4d4d4d' };

/** The colour of a heat-map cell by its percentile: 0–20, 20–40, 40–60, 60–80, 80–100 (100 in the top band). */
export function heatTone(percentile: number | null | undefined): HeatTone {
  if (percentile === null || percentile === undefined || !Number.isFinite(percentile)) return HEAT_MISSING;
  const band = Math.min(4, Math.max(0, Math.floor(percentile / 20)));
  return HEAT_BANDS[band]!;
}

/** The highlighted chamber of a series (the caller's own), if it is in it. */
export function selfEntry(series: BenchmarkSeries | undefined) {
  return series?.entries.find((e) => e.chamber.isSelf);
}

/** Entries ranked first (1 = best), then the chambers without a value, by label. */
export function rankedEntries(series: BenchmarkSeries) {
  return [...series.entries].sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return a.chamber.label.localeCompare(b.chamber.label, 'it');
  });
}
