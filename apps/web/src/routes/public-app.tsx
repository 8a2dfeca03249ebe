// The public page of a chamber's published cycle (Amministrazione trasparente), readable without login:
// /pubblico/:chamber/:year. Its own urql client, no token, no keycloak-js.
import { useId, useMemo } from 'react';
import { Header, HeaderBrand, HeaderContent, Headers } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { RouterProvider, createBrowserRouter, useNavigate, useParams } from 'react-router';
import { Provider, useQuery } from 'urql';
import { PageError } from '../components/page-error.js';
import { ExplanationView } from '../components/explanation-view.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { Loading } from '../components/loading.js';
import { ScoreBadge } from '../components/score-badge.js';
import { formatDate, formatNumber, formatScore, formatValue, localeOf } from '../format/format.js';
import { createPublicClient } from '../graphql/client.js';
import { PublicReportQuery, PublishedCyclesQuery } from '../graphql/operations.js';
import type { PublicNode, PublicReport } from '../graphql/types.js';
import { routerFlushSync } from '../app/router-flush-sync.js';

function PublicNodeRow({ node, byParent, levels, depth }: { node: PublicNode; byParent: Map<string | null, PublicNode[]>; levels: Map<string, string>; depth: number }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const children = byParent.get(node.code) ?? [];
  return (
    <li className={`public-node depth-${Math.min(depth, 4)}`}>
      <details open={depth < 1}>
        <summary>
          <span className="node-code">{node.code}</span> {node.title} <ScoreBadge score={node.result} />
          {node.achievement !== null ? <span className="strategy-achievement">{t('cruscotto.achievement', { value: formatScore(node.achievement, locale) })}</span> : null}
        </summary>
        <p className="small text-secondary">{t('public.levelAndWeight', { level: levels.get(node.level) ?? node.level, weight: formatNumber(node.weight, locale) })}</p>
        {node.explanation ? <ExplanationView title={t('node.why', { score: formatScore(node.result, locale) })} explanation={node.explanation} /> : null}
        {node.indicators.length > 0 ? (
          <table className="table table-sm">
            <caption>{t('node.indicators')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('indicator.target')}</th>
                <th scope="col">{t('indicator.value')}</th>
                <th scope="col">{t('common.score')}</th>
              </tr>
            </thead>
            <tbody>
              {node.indicators.map((indicator, i) => (
                <tr key={`${indicator.code ?? ''}${i}`}>
                  <th scope="row">{indicator.name}</th>
                  <td>{indicator.target ?? t('common.notAvailable')}</td>
                  <td>{formatValue(indicator.value, locale, t('common.yes'), t('common.no'))}</td>
                  <td>{formatScore(indicator.score, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {children.length > 0 ? (
          <ul className="public-tree">
            {children.map((child) => (
              <PublicNodeRow key={child.code} node={child} byParent={byParent} levels={levels} depth={depth + 1} />
            ))}
          </ul>
        ) : null}
      </details>
    </li>
  );
}

function ReportView({ report }: { report: PublicReport }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const levels = new Map(report.levels.map((l) => [l.key, l.name]));
  const byParent = new Map<string | null, PublicNode[]>();
  for (const node of report.nodes) {
    const list = byParent.get(node.parentCode) ?? [];
    list.push(node);
    byParent.set(node.parentCode, list);
  }
  return (
    <>
      <h1>{t('public.title', { chamber: report.chamber.name, year: report.year })}</h1>
      <p>{t('public.intro')}</p>
      {report.resolutionNumber && report.resolutionDate ? <p>{t('public.resolution', { number: report.resolutionNumber, date: formatDate(report.resolutionDate, locale) })}</p> : null}
      {report.periodDate ? <p>{t('public.periodDate', { date: formatDate(report.periodDate, locale) })}</p> : null}
      <section aria-labelledby="entity-heading" className="entity-figures">
        <h2 id="entity-heading" className="h4">
          {t('cruscotto.entity')}
        </h2>
        <dl className="entity-grid">
          <div>
            <dt>{t('cruscotto.entityMean')}</dt>
            <dd className="entity-number" data-testid="entity-mean">
              {formatScore(report.entity?.meanOfResults, locale)}
            </dd>
          </div>
          <div>
            <dt>{t('cruscotto.entityPerformance')}</dt>
            <dd className="entity-number" data-testid="entity-performance">
              {formatScore(report.entity?.performance, locale)}
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading" className="h4">
          {t('public.plan')}
        </h2>
        <ul className="public-tree">
          {(byParent.get(null) ?? []).map((node) => (
            <PublicNodeRow key={node.code} node={node} byParent={byParent} levels={levels} depth={0} />
          ))}
        </ul>
      </section>
    </>
  );
}

/** The chamber's published years (only those), latest first: choosing one opens its page. */
function PublishedYears({ chamber, year }: { chamber: string; year: number }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [{ data }] = useQuery({ query: PublishedCyclesQuery, variables: { chamberCode: chamber }, pause: chamber === '' });
  const cycles = data?.publishedCycles ?? [];
  if (cycles.length === 0) return null;
  const years = [...cycles].sort((a, b) => b.year - a.year);
  const known = years.some((c) => c.year === year);
  return (
    <div className="public-years mb-3">
      <label htmlFor={id}>{t('public.yearSelect')}</label>
      <select id={id} className="form-select w-auto" value={known ? String(year) : ''} onChange={(e) => e.target.value && void navigate(`/pubblico/${chamber}/${e.target.value}`, { flushSync: true })}>
        {known ? null : <option value="">{t('public.yearChoose')}</option>}
        {years.map((c) => (
          <option key={c.year} value={c.year}>
            {t('public.yearOption', { year: c.year, title: c.title })}
          </option>
        ))}
      </select>
    </div>
  );
}

function PublicReportPage() {
  const { chamber = '', year = '' } = useParams();
  const [{ data, error }] = useQuery({ query: PublicReportQuery, variables: { chamberCode: chamber, year: Number(year) } });
  return (
    <>
      <PublishedYears chamber={chamber} year={Number(year)} />
      {error ? <PageError error={error} /> : !data ? <Loading /> : <ReportView report={data.publicReport} />}
    </>
  );
}

function PublicFrame() {
  const { t } = useTranslation();
  return (
    <>
      <a className="visually-hidden-focusable" href="#contenuto">
        {t('app.skipToContent')}
      </a>
      <header>
        <Headers>
          <Header type="center" small>
            <HeaderContent>
              <HeaderBrand href="/" tag="a">
                <span className="albero-brand">
                  <span className="albero-brand-title">{t('app.name')}</span>
                  <span className="albero-brand-tagline">{t('app.tagline')}</span>
                </span>
              </HeaderBrand>
              <div className="ms-auto d-flex align-items-center gap-2">
                <LanguageSwitch />
                <a className="btn btn-sm btn-outline-light" href="/">
                  {t('public.signIn')}
                </a>
              </div>
            </HeaderContent>
          </Header>
        </Headers>
      </header>
      <main id="contenuto" className="container-xxl py-4" tabIndex={-1}>
        <PublicReportPage />
      </main>
      <footer className="albero-footer">
        <div className="container-xxl">{t('app.footer')}</div>
      </footer>
    </>
  );
}

/** The public application (no login). */
export function PublicApp() {
  const client = useMemo(() => createPublicClient(), []);
  const router = useMemo(() => createBrowserRouter([{ path: '/pubblico/:chamber/:year', element: <PublicFrame /> }, { path: '*', element: <PublicFrame /> }]), []);
  return (
    <Provider value={client}>
      <RouterProvider router={router} flushSync={routerFlushSync} />
    </Provider>
  );
}
