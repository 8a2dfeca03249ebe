import { compare } from './compare.js';
import type { RatingBand } from './types.js';

/** The verbal judgement ("Eccellente") of a score: the band with the highest minimum the score reaches; null below all bands. */
export function rate(score: number, bands: readonly RatingBand[]): RatingBand | null {
  let best: RatingBand | null = null;
  for (const band of bands) {
    if (compare(score, '>=', band.min) && (best === null || band.min > best.min)) best = band;
  }
  return best;
}
