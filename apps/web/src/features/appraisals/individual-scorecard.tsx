// "La mia scheda di valutazione": the person's individual scorecard (role profile, the four components with
// weight, score and contribution, the total), or why there is none yet, in plain Italian; then "Perché 98?":
// the engine's explanation of the total as sentences (explainScorecard).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { explainScorecard, type ExplanationLine } from '../../explanation/explain.js';
import { formatNumber, formatScore, localeOf } from '../../format/format.js';
import type { PersonScorecard } from '../../graphql/types.js';

function Lines({ lines }: { lines: ExplanationLine[] }) {
  return (
    <ul className="explanation-lines">
      {lines.map((line, index) => (
        <li key={index}>
          {line.text}
          {line.children && line.children.length > 0 ? <Lines lines={line.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

type Card = NonNullable<PersonScorecard['scorecard']>;

/** "Perché 98?": the role profile and its weights, each component, what is missing and how it is treated, the total. */
export function ScorecardExplanationView({ card }: { card: Card & { components: readonly { component: string; explanation?: unknown }[] } }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const id = useId();
  const lines = explainScorecard(
    { roleProfile: card.roleProfile, missingPolicy: card.missingPolicy, explanation: card.explanation, components: card.components },
    { t: (key, options) => t(key, options ?? {}), locale },
  );
  const computable = card.computable && card.score !== null;
  return (
    <section className="explanation" aria-labelledby={id} data-testid="scorecard-explanation">
      <h3 id={id} className="h5">
        {computable ? t('scorecardExplain.title', { score: formatScore(card.score, locale) }) : t('scorecardExplain.titleNotComputable')}
      </h3>
      <Lines lines={lines} />
    </section>
  );
}

/**
 * The scorecard table and its explanation. `own`: the signed-in person's scorecard ("Obiettivi della mia unità");
 * otherwise someone else's, as the appraisal screen shows it ("Obiettivi dell'unità").
 */
export function IndividualScorecardView({ data, own = true }: { data: PersonScorecard; own?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const card = data.scorecard;
  const name = (component: string) => t(own ? `mine.components.${component}` : `scorecardExplain.components.${component}`);
  if (!card) {
    const reason = data.unavailableReason ?? 'no_appraisal';
    return (
      <p className="alert alert-info" data-testid="scorecard-unavailable">
        {t(`mine.unavailable.${reason}`, { profile: data.appraisal?.roleProfile ?? '' })}
      </p>
    );
  }
  const missing = card.components.filter((c) => c.missing).map((c) => name(c.component).toLowerCase());
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
              <th scope="row">{name(c.component)}</th>
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
      <ScorecardExplanationView card={card} />
    </>
  );
}
