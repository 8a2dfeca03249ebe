import { useTranslation } from 'react-i18next';
import { formatScore, localeOf, ratingTone } from '../format/format.js';

/** A score with its rating colour; the number is always written, colour is never the only signal. */
export function ScoreBadge({ score, label }: { score: number | null | undefined; label?: string }) {
  const { i18n } = useTranslation();
  const tone = ratingTone(score);
  return (
    <span className={`score-badge score-${tone}`} aria-label={label}>
      {formatScore(score, localeOf(i18n.language))}
    </span>
  );
}
