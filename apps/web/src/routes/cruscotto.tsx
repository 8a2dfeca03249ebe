// Cruscotto: the four BSC perspectives, the entity figures, the strategy map, the trend across years, exports.
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { Button, Card, CardBody } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../session/session-context.js';
import { CycleSelectors } from '../components/cycle-selectors.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { ScoreBadge } from '../components/score-badge.js';
import { formatDate, formatScore, localeOf } from '../format/format.js';
import { CruscottoQuery, TrendQuery, type CruscottoData } from '../graphql/operations.js';
import type { NodeScore, TreeNode } from '../graphql/types.js';
import { useSelectedCycle } from '../hooks/use-cycle.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { indexTree, scoresById, type TreeIndex } from '../plan/tree.js';

const TrendChart = lazy(() => import('../components/charts/trend-chart.js').then((m) => ({ default: m.TrendChart })));

type Cycle = CruscottoData['cycle'];

function PerspectiveCard({ node, score }: { node: TreeNode; score: NodeScore | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Card className="perspective-card shadow-sm" aria-labelledby={headingId} tag="article">
      <CardBody>
        <h3 id={headingId} className="h6 perspective-name">
          <Link to={`/obiettivi/${node.id}`}>{node.title}</Link>
        </h3>
        <p className="perspective-score" data-testid={`perspective-${node.code}`}>
          <ScoreBadge score={score?.result} label={t('common.score')} />
        </p>
      </CardBody>
    </Card>
  );
}

function EntityFigures({ cycle }: { cycle: Cycle }) {
  const { t, i18n } = useTranslation();
  const entity = cycle.scorecard.entity;
  const locale = localeOf(i18n.language);
  return (
    <section aria-labelledby="entity-heading" className="entity-figures">
      <h2 id="entity-heading" className="h4">
        {t('cruscotto.entity')}
      </h2>
      <dl className="entity-grid">
        <div>
          <dt>{t('cruscotto.entityMean')}</dt>
          <dd data-testid="entity-mean" className="entity-number">
            {formatScore(entity?.meanOfResults, locale)}
          </dd>
        </div>
        <div>
          <dt>{t('cruscotto.entityPerformance')}</dt>
          <dd data-testid="entity-performance" className="entity-number">
            {formatScore(entity?.performance, locale)}
          </dd>
          {entity?.rating ? <dd className="entity-rating">{t('cruscotto.rating', { rating: entity.rating })}</dd> : null}
        </div>
      </dl>
    </section>
  );
}

function StrategyColumn({ root, index, scores }: { root: TreeNode; index: TreeIndex; scores: Map<string, NodeScore> }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const children = index.children.get(root.id) ?? [];
  return (
    <li className="strategy-column">
      <p className="strategy-root">
        <Link to={`/obiettivi/${root.id}`}>{root.title}</Link> <ScoreBadge score={scores.get(root.id)?.result} />
      </p>
      <ul className="strategy-objectives">
        {children.map((child) => {
          const score = scores.get(child.id);
          return (
            <li key={child.id} className="strategy-objective">
              <Link to={`/obiettivi/${child.id}`}>
                <span className="node-code">{child.code}</span> {child.title}
              </Link>
              <span className="strategy-figures">
                <ScoreBadge score={score?.result} />
                {score?.achievement !== null && score?.achievement !== undefined ? (
                  <span className="strategy-achievement">{t('cruscotto.achievement', { value: formatScore(score.achievement, locale) })}</span>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

function StrategyMap({ roots, index, scores }: { roots: TreeNode[]; index: TreeIndex; scores: Map<string, NodeScore> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="map-heading" className="mt-4">
      <h2 id="map-heading" className="h4">
        {t('cruscotto.strategyMap')}
      </h2>
      <p className="text-secondary">{t('cruscotto.strategyMapIntro')}</p>
      <ul className="strategy-map">
        {roots.map((root) => (
          <StrategyColumn key={root.id} root={root} index={index} scores={scores} />
        ))}
      </ul>
    </section>
  );
}

function Trend() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { cycles } = useSession();
  const [{ data, error }] = useQuery({ query: TrendQuery });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  const drafts = new Set(cycles.filter((c) => c.state === 'draft').map((c) => c.id));
  const rows = data.cycles
    .filter((c) => !drafts.has(c.id))
    .sort((a, b) => a.year - b.year)
    .map((c) => ({ year: c.year, mean: c.scorecard.entity?.meanOfResults ?? null, performance: c.scorecard.entity?.performance ?? null }));
  return (
    <section aria-labelledby="trend-heading" className="mt-4">
      <h2 id="trend-heading" className="h4">
        {t('cruscotto.trend')}
      </h2>
      <div className="row">
        <div className="col-lg-7">
          <Suspense fallback={<Loading />}>
            <TrendChart rows={rows} />
          </Suspense>
        </div>
        <div className="col-lg-5">
          <table className="table table-sm">
            <caption>{t('cruscotto.trend')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cruscotto.trendYear')}</th>
                <th scope="col">{t('cruscotto.trendMean')}</th>
                <th scope="col">{t('cruscotto.trendPerformance')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.year}>
                  <th scope="row">{row.year}</th>
                  <td>{formatScore(row.mean, locale)}</td>
                  <td>{formatScore(row.performance, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function Exports({ cycle, chamber }: { cycle: Cycle; chamber: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (kind: 'xlsx' | 'pdf') => {
    setBusy(true);
    try {
      const { exportCruscotto } = await import('../exports/export-cruscotto.js');
      await exportCruscotto(kind, { cycle, chamber, t: (key, options) => t(key, options ?? {}), locale: localeOf(i18n.language) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="albero-exports" aria-busy={busy}>
      <Button color="primary" outline size="sm" disabled={busy} onClick={() => void run('xlsx')}>
        {t('cruscotto.exportXlsx')}
      </Button>
      <Button color="primary" outline size="sm" disabled={busy} onClick={() => void run('pdf')}>
        {t('cruscotto.exportPdf')}
      </Button>
      {busy ? <span role="status">{t('cruscotto.exporting')}</span> : null}
    </div>
  );
}

function CruscottoBody({ cycle, chamber }: { cycle: Cycle; chamber: string }) {
  const { t, i18n } = useTranslation();
  // The end-to-end suite reads this mark: the figures are on screen and the page responds.
  useEffect(() => {
    performance.mark('albero:cruscotto-ready');
  }, []);
  const index = indexTree(cycle.nodes);
  const scores = scoresById(cycle.scorecard.nodes);
  // The top of the tree people read the cycle by: BSC perspectives (seed 001) or the chamber's first level
  // (areas, strategic lines); individual objectives at the root are not part of it.
  const topLevel = cycle.levels.find((l) => l.kind === 'perspective') ?? [...cycle.levels].sort((a, b) => a.position - b.position).find((l) => l.kind !== 'individual');
  const roots = topLevel ? index.roots.filter((r) => r.levelKey === topLevel.key) : index.roots;
  const rootsHeading = topLevel?.kind === 'perspective' || !topLevel ? t('cruscotto.perspectives') : t('cruscotto.topLevel', { level: topLevel.name.toLowerCase() });
  const warnings = cycle.scorecard.warnings.filter((w) => w.kind === 'weights-do-not-sum-to-100');
  return (
    <>
      <p className="text-secondary">
        {cycle.scorecard.periodDate
          ? t('cruscotto.cycleStateAt', { state: t(`cycleState.${cycle.state}`), date: formatDate(cycle.scorecard.periodDate, localeOf(i18n.language)) })
          : t('cruscotto.cycleState', { state: t(`cycleState.${cycle.state}`) })}
      </p>
      {warnings.length > 0 ? (
        <p className="alert alert-warning" role="note">
          {t('cruscotto.warnings', { codes: warnings.map((w) => w.code).join(', ') })}
        </p>
      ) : null}
      <Exports cycle={cycle} chamber={chamber} />
      <section aria-labelledby="perspectives-heading">
        <h2 id="perspectives-heading" className="h4">
          {rootsHeading}
        </h2>
        <div className="perspective-grid">
          {roots.map((node) => (
            <PerspectiveCard key={node.id} node={node} score={scores.get(node.id)} />
          ))}
        </div>
      </section>
      <EntityFigures cycle={cycle} />
      <StrategyMap roots={roots} index={index} scores={scores} />
      <Trend />
    </>
  );
}

/** /cruscotto?anno=2024&periodo=… */
export function CruscottoPage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const selected = useSelectedCycle();
  useDocumentTitle(selected.year === undefined ? undefined : t('cruscotto.title', { year: selected.year }));
  const [{ data, error, fetching }] = useQuery({
    query: CruscottoQuery,
    variables: { year: selected.year ?? 0, periodId: selected.period?.id ?? null },
    pause: selected.year === undefined,
  });
  if (selected.year === undefined) return <p>{t('cruscotto.noCycles')}</p>;
  return (
    <>
      <h1>{t('cruscotto.title', { year: selected.year })}</h1>
      <CycleSelectors selected={selected} />
      <ErrorAlert error={error} />
      {data ? <CruscottoBody cycle={data.cycle} chamber={viewer.chamber?.name ?? ''} /> : fetching ? <Loading /> : null}
    </>
  );
}
