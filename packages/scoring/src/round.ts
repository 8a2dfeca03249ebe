import type { Rounding } from './types.js';

// Rounding is decided on the decimal the value stands for, not on its binary approximation:
// 97.605 is stored as 97.60499999999999687…, yet a controller (and a spreadsheet, which works to
// 15 significant digits) rounds it half-up to 97.61. So the value is first read as a decimal with
// 15 significant digits, then rounded on those digits. That read costs a string conversion, so it
// is done only when the value is close to a rounding boundary (a tie for the half modes, an integer
// for down/up); everywhere else the scaled binary value decides the same way, cheaply.
//
// Modes, as in spreadsheets (ROUND, ROUNDDOWN, ROUNDUP) and for negative values symmetric around zero:
// half-up = half away from zero; half-even = half to the even digit (banker's rounding);
// down = towards zero (truncate); up = away from zero.

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Rounds a value to the configured decimals and mode, deciding on its 15-significant-digit decimal reading. */
export function round(value: number, rounding: Rounding): number {
  const { decimals, mode } = rounding;
  if (!Number.isFinite(value)) return value;
  const factor = POW10[decimals];
  if (factor === undefined || !Number.isInteger(decimals)) throw new RangeError(`decimals must be an integer 0-15, got ${decimals}`);
  const negative = value < 0;
  const scaled = (negative ? -value : value) * factor;
  const floor = Math.floor(scaled);
  const frac = scaled - floor;
  // How far the 15-digit reading may lie from the binary value, in units of the last kept decimal.
  const slack = scaled * 1e-14 + 1e-12;
  let q: number;
  if (mode === 'down' || mode === 'up') {
    if (frac < slack || 1 - frac < slack) return decimalRound(value, decimals, mode);
    q = mode === 'down' ? floor : floor + 1;
  } else {
    if (Math.abs(frac - 0.5) < slack) return decimalRound(value, decimals, mode);
    q = frac > 0.5 ? floor + 1 : floor;
  }
  if (q === 0) return 0;
  return negative ? -q / factor : q / factor;
}

// The slow, exact path: round the 15-significant-digit decimal reading of value digit by digit.
function decimalRound(value: number, decimals: number, mode: Rounding['mode']): number {
  const negative = value < 0;
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential(14).split('e');
  const digits = Number(mantissa.replace('.', '')); // 15 digits, < 2^53, exact
  const shift = Number(exponentText) - 14 + decimals; // value × 10^decimals = digits × 10^shift
  if (shift >= 0) return value;
  let q: number;
  let rest: number;
  let half: number;
  if (-shift > 15) {
    q = 0;
    rest = digits;
    half = Infinity;
  } else {
    const divisor = POW10[-shift] ?? 1;
    q = Math.floor(digits / divisor);
    rest = digits - q * divisor;
    half = divisor / 2;
  }
  switch (mode) {
    case 'down':
      break;
    case 'up':
      if (rest > 0) q += 1;
      break;
    case 'half-up':
      if (rest >= half) q += 1;
      break;
    case 'half-even':
      if (rest > half || (rest === half && q % 2 === 1)) q += 1;
      break;
  }
  if (q === 0) return 0;
  const result = Number(`${q}e-${decimals}`);
  return negative ? -result : result;
}
