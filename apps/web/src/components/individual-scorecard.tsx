// "La mia scheda di valutazione": the person's individual scorecard (role profile, the four components with
// weight, score and contribution, the total), or why there is none yet, in plain Italian.
import { useTranslation } from 'react-i18next';
import { formatNumber, formatScore, localeOf } from '../format/format.js';
import type { PersonScorecard } from '../graphql/types.js';

export function IndividualScorecardView({ data }: { data: PersonScorecard }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const card = data.scorecard;
  if (!card) {
    const reason = data.unavailableReason ?? 'no_appraisal';
    return (
      <p className="alert alert-info" data-testid="scorecard-unavailable">
        {t(`mine.unavailable.${reason}`, { profile: data.appraisal?.roleProfile ?? '' })}
      </p>
    );
  }
  const missing = card.components.filter((c) => c.missing).map((c) => t(`mine.components.${c.component}`).toLowerCase());
  return (
    <>
      <p>{t('mine.roleProfile', { profile: card.roleProfile })}</p>
      <table className="table scorecard-table" data-testid="scorecard-table">
        <caption>{t('mine.componentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mine.colComponent')}</th>
            <th scope="col" className="text-end">
              {t('mine.colWeight')}
            </th>
            <th scope="col" className="text-end">
              {t('mine.colScore')}
            </th>
            <th scope="col" className="text-end">
              {t('mine.colContribution')}
            </th>
          </tr>
        </thead>
        <tbody>
          {card.components.map((c) => (
            <tr key={c.component}>
              <th scope="row">{t(`mine.components.${c.component}`)}</th>
              <td className="text-end">{formatNumber(c.weight, locale)}</td>
              <td className="text-end">{c.missing ? t('mine.missingScore') : formatScore(c.score, locale)}</td>
              <td className="text-end">{c.weight === 0 ? t('mine.notCounted') : formatScore(c.contribution, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('mine.total')}</th>
            <td className="text-end">{formatNumber(card.components.reduce((sum, c) => sum + c.weight, 0), locale)}</td>
            <td />
            <td className="text-end fw-bold" data-testid="scorecard-total">
              {card.computable && card.score !== null ? formatScore(card.score, locale) : t('mine.notComputableShort')}
            </td>
          </tr>
        </tfoot>
      </table>
      {!card.computable || card.score === null ? (
        <p className="alert alert-warning" data-testid="scorecard-not-computable">
          {missing.length > 0 ? t('mine.notComputable', { components: missing.join(', ') }) : t('mine.notComputableNoDetail')}
        </p>
      ) : null}
    </>
  );
}
