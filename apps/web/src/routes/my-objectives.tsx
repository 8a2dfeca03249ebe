// I miei obiettivi: what the signed-in person owns or must report, with their individual scorecard.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CycleSelectors } from '../components/cycle-selectors.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { ScoreBadge } from '../components/score-badge.js';
import { IndividualScorecardView } from '../features/appraisals/individual-scorecard.js';
import { formatDate, localeOf } from '../format/format.js';
import { MyObjectivesQuery, MyScorecardQuery } from '../graphql/operations.js';
import type { MyObjective } from '../graphql/types.js';
import { useSelectedCycle } from '../hooks/use-cycle.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';

function ObjectiveRow({ objective }: { objective: MyObjective }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <tr>
      <th scope="row">
        <Link to={`/obiettivi/${objective.node.id}`}>
          <span className="node-code">{objective.node.code}</span> {objective.node.title}
        </Link>
      </th>
      <td>{objective.reasons.map((r) => t(`mine.reasons.${r}`)).join(', ')}</td>
      <td className="text-end">
        <ScoreBadge score={objective.node.score?.result} />
      </td>
      <td>
        {objective.pending.length === 0 ? (
          t('mine.noPending')
        ) : (
          <ul className="list-unstyled mb-0">
            {objective.pending.map((p) => (
              <li key={`${p.indicator.id}:${p.period.id}`}>
                <Link to={`/indicatori/${p.indicator.id}`}>
                  {t('mine.pendingLine', { next: t(`entry.next.${p.next}`), date: formatDate(p.dueDate ?? p.period.periodDate, locale) })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** /miei-obiettivi?anno=… */
export function MyObjectivesPage() {
  const { t } = useTranslation();
  const selected = useSelectedCycle();
  useDocumentTitle(t('mine.title'));
  const [{ data, error }] = useQuery({ query: MyObjectivesQuery, variables: { cycleId: selected.cycle?.id ?? null }, requestPolicy: 'cache-and-network' });
  const cycleId = selected.cycle?.id ?? '';
  const [scorecard] = useQuery({ query: MyScorecardQuery, variables: { cycleId }, pause: cycleId === '', requestPolicy: 'cache-and-network' });
  return (
    <>
      <h1>{t('mine.title')}</h1>
      <p>{t('mine.intro')}</p>
      <CycleSelectors selected={selected} showPeriod={false} />
      <section aria-labelledby="scorecard-heading" className="entity-figures">
        <h2 id="scorecard-heading" className="h4">
          {t('mine.scorecardTitle')}
        </h2>
        <p className="text-secondary">{t('mine.scorecardLead')}</p>
        <ErrorAlert error={scorecard.error} />
        {scorecard.data ? <IndividualScorecardView data={scorecard.data.myScorecard} /> : scorecard.error || cycleId === '' ? null : <Loading />}
      </section>
      <h2 className="h4 mt-4">{t('mine.objectivesTitle')}</h2>
      <ErrorAlert error={error} />
      {!data ? (
        error ? null : <Loading />
      ) : data.myObjectives.length === 0 ? (
        <p>{t('mine.none')}</p>
      ) : (
        <>
          <table className="table">
            <caption>{t('mine.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.title')}</th>
                <th scope="col">{t('mine.why')}</th>
                <th scope="col" className="text-end">
                  {t('common.result')}
                </th>
                <th scope="col">{t('mine.pending')}</th>
              </tr>
            </thead>
            <tbody>
              {data.myObjectives.map((objective) => (
                <ObjectiveRow key={objective.node.id} objective={objective} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
