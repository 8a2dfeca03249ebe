// Numbers and dates the Italian way ("95,20", "31/12/2024") through Intl, in the language of the interface.

const LOCALES: Record<string, string> = { it: 'it-IT', en: 'en-GB' };

/** The Intl locale of an interface language (Italian unless English is chosen). */
export function localeOf(language: string | undefined): string {
  return LOCALES[language ?? 'it'] ?? 'it-IT';
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}:${min}:${max}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, format);
  }
  return format;
}

/** A score or result with two decimals: 95.2 → "95,20". Null or non-finite → the dash used in the reports. */
export function formatScore(value: number | null | undefined, locale = 'it-IT'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(locale, 2, 2).format(value);
}

/** A measured value or weight, with as many decimals as it has (up to 4): 211 → "211", 27.21 → "27,21". */
export function formatNumber(value: number | null | undefined, locale = 'it-IT'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return numberFormat(locale, 0, 4).format(value);
}

/** An ISO day "2024-12-31" → "31/12/2024" (no time zone shift: the day is read as written). */
export function formatDate(value: string | null | undefined, locale = 'it-IT'): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An instant (ISO 8601) with day and time in the browser's time zone. */
export function formatDateTime(value: string | null | undefined, locale = 'it-IT'): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date);
}

/** A value of any indicator kind: number, ISO date or yes/no. */
export function formatValue(value: unknown, locale: string, yes: string, no: string): string {
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, locale) : value;
  return '—';
}

/** Parses a number typed the Italian way ("1.234,5" or "27,21") or the English way ("27.21"); null when it is not one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  let normalised = trimmed;
  if (trimmed.includes(',')) normalised = trimmed.replace(/\./g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** The rating colour class of a score (Bootstrap Italia's semantic colours). */
export function ratingTone(score: number | null | undefined): 'success' | 'warning' | 'danger' | 'secondary' {
  if (score === null || score === undefined) return 'secondary';
  if (score >= 90) return 'success';
  if (score >= 60) return 'warning';
  return 'danger';
}
