import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatScore, parseNumber, ratingTone } from '../src/format/format.js';

describe('Italian number and date formatting', () => {
  it('writes scores with a decimal comma and two decimals (95,20)', () => {
    expect(formatScore(95.2)).toBe('95,20');
    expect(formatScore(97.91111)).toBe('97,91');
    expect(formatScore(100)).toBe('100,00');
  });

  it('groups thousands with a dot in Italian', () => {
    expect(formatNumber(12345.5)).toBe('12.345,5');
  });

  it('writes a missing score as a dash, never as zero', () => {
    expect(formatScore(null)).toBe('—');
    expect(formatScore(undefined)).toBe('—');
    expect(formatScore(Number.NaN)).toBe('—');
  });

  it('writes measured values with the decimals they have', () => {
    expect(formatNumber(211)).toBe('211');
    expect(formatNumber(27.21)).toBe('27,21');
  });

  it('writes an ISO day as dd/mm/yyyy without shifting it across time zones', () => {
    expect(formatDate('2024-12-31')).toBe('31/12/2024');
    expect(formatDate('2024-06-30')).toBe('30/06/2024');
  });

  it('uses English conventions when English is chosen', () => {
    expect(formatScore(95.2, 'en-GB')).toBe('95.20');
  });

  it('reads numbers typed the Italian or the English way and refuses anything else', () => {
    expect(parseNumber('27,21')).toBe(27.21);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('27.21')).toBe(27.21);
    expect(parseNumber(' 211 ')).toBe(211);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('dodici')).toBeNull();
    expect(parseNumber('12,3,4')).toBeNull();
  });

  it('gives a rating tone that is never the only signal (the number is always written)', () => {
    expect(ratingTone(100)).toBe('success');
    expect(ratingTone(76)).toBe('warning');
    expect(ratingTone(40)).toBe('danger');
    expect(ratingTone(null)).toBe('secondary');
  });
});
