// An objective: its place in the tree, units and people, indicators, score and "perché 76?".
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageError } from '../components/page-error.js';
import { ExplanationView } from '../components/explanation-view.js';
import { Loading } from '../components/loading.js';
import { ScoreBadge } from '../components/score-badge.js';
import { formatNumber, formatScore, localeOf } from '../format/format.js';
import { NodeQuery } from '../graphql/operations.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';

/** /obiettivi/:nodeId */
export function NodeDetailPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { nodeId = '' } = useParams();
  const [{ data, error }] = useQuery({ query: NodeQuery, variables: { id: nodeId, periodId: null } });
  useDocumentTitle(data ? t('node.documentTitle', { code: data.node.code, title: data.node.title }) : undefined);
  if (error) return <PageError error={error} />;
  if (!data) return <Loading />;
  const node = data.node;
  const score = node.score;
  return (
    <article aria-labelledby="node-title">
      <p className="breadcrumb-line">
        {node.parent ? (
          <Link to={`/obiettivi/${node.parent.id}`}>
            {t('node.parentLink', { code: node.parent.code, title: node.parent.title })}
          </Link>
        ) : (
          <Link to="/albero">{t('nav.albero')}</Link>
        )}
      </p>
      <h1 id="node-title">
        <span className="node-code">{node.code}</span> {node.title}
      </h1>
      <p className="text-secondary">
        {t('node.levelAndWeight', { level: node.level.name, weight: formatNumber(node.weight, locale) })}
      </p>
      {node.description ? <p>{node.description}</p> : null}
      <div className="row g-4">
        <div className="col-lg-6">
          <dl className="detail-list">
            <dt>{t('common.result')}</dt>
            <dd data-testid="node-result">
              <ScoreBadge score={score?.result} />
            </dd>
            {score?.achievement !== null && score?.achievement !== undefined ? (
              <>
                <dt>{t('node.ownTarget')}</dt>
                <dd>{t('cruscotto.achievement', { value: formatScore(score.achievement, locale) })}</dd>
              </>
            ) : null}
            {score?.rating ? (
              <>
                <dt>{t('node.rating')}</dt>
                <dd>{score.rating}</dd>
              </>
            ) : null}
            <dt>{t('common.units')}</dt>
            <dd>{node.units.length > 0 ? node.units.map((u) => u.unit.name).join(', ') : t('common.none')}</dd>
            <dt>{t('node.people')}</dt>
            <dd>{node.people.length > 0 ? node.people.map((p) => t('node.personRole', { name: p.person.displayName, role: t(`node.ownerRole.${p.role}`) })).join(', ') : t('common.none')}</dd>
          </dl>
        </div>
        <div className="col-lg-6">
          <ExplanationView title={score?.result === null || score?.result === undefined ? t('explain.whyNone') : t('node.why', { score: formatScore(score.result, locale) })} explanation={score?.explanation} />
          {score?.achievementExplanation ? (
            <ExplanationView title={t('node.whyAchievement', { score: formatScore(score.achievement, locale) })} explanation={score.achievementExplanation} />
          ) : null}
        </div>
      </div>
      {node.children.length > 0 ? (
        <section aria-labelledby="children-heading" className="mt-4">
          <h2 id="children-heading" className="h4">
            {t('node.children')}
          </h2>
          <ul className="link-list-plain">
            {node.children.map((child) => (
              <li key={child.id}>
                <Link to={`/obiettivi/${child.id}`}>
                  <span className="node-code">{child.code}</span> {child.title}
                </Link>{' '}
                <span className="text-secondary">
                  {t('node.childWeight', { weight: formatNumber(child.weight, locale) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {node.indicators.length > 0 ? (
        <section aria-labelledby="indicators-heading" className="mt-4">
          <h2 id="indicators-heading" className="h4">
            {t('node.indicators')}
          </h2>
          <ul className="link-list-plain">
            {node.indicators.map((indicator) => (
              <li key={indicator.id}>
                <Link to={`/indicatori/${indicator.id}`}>
                  {indicator.code ? <span className="node-code">{indicator.code}</span> : null} {indicator.name}
                </Link>
                {indicator.algorithm ? <div className="text-secondary small">{indicator.algorithm}</div> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
