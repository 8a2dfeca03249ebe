// Confronto: where the chamber stands among its peers on a system objective or a financial ratio of a year
// (box plot with the chamber highlighted, ranking, trend against the median), with size-class and region
// filters. Peers are anonymised ("Camera XXXXXX") unless they share their name; the Unioncamere analyst sees
// every chamber named. The chamber's administrator decides whether peers see its name.
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSearchParamUpdater } from '../../hooks/use-search-param-updater.js';
import { useClient, useMutation, useQuery } from 'urql';
import { can, useSession } from '../../session/session-context.js';
import { formatBenchmarkValue, formatPercentile, formatRank, rankedEntries, selfEntry } from './benchmark.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { rereadQuery, useVersionedSave } from '../../components/form/index.js';
import { Loading } from '../../components/loading.js';
import { localeOf } from '../../format/format.js';
import { BenchmarkCataloguesQuery, BenchmarkQuery, BenchmarkSharingQuery, SetBenchmarkNameSharingMutation } from '../../graphql/operations.js';
import type { BenchmarkEntry, BenchmarkKind, BenchmarkSeries } from '../../graphql/types.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';

const BoxPlotChart = lazy(() => import('./benchmark-charts.js').then((m) => ({ default: m.BoxPlotChart })));
const BenchmarkTrendChart = lazy(() => import('./benchmark-charts.js').then((m) => ({ default: m.BenchmarkTrendChart })));

/** The latest year with a published Unioncamere catalogue in the demo data; used when a year has none. */
export const CATALOGUE_FALLBACK_YEAR = 2024;
/** How many years the trend shows (the chosen one and the two before it). */
const TREND_YEARS = 3;

/** The year benchmarks open on: the latest cycle that is not a draft, else the latest catalogue. */
export function useDefaultBenchmarkYear(): number {
  const { cycles } = useSession();
  return cycles.find((c) => c.state !== 'draft')?.year ?? CATALOGUE_FALLBACK_YEAR;
}

/** A value, or "—" with the words "dato mancante" (never 0). */
export function BenchmarkValue({ value }: { value: number | null }) {
  const { t, i18n } = useTranslation();
  if (value === null) {
    return (
      <span className="benchmark-missing">
        <span aria-hidden="true">—</span> <span className="small text-secondary">{t('benchmark.missing')}</span>
      </span>
    );
  }
  return <>{formatBenchmarkValue(value, localeOf(i18n.language))}</>;
}

function ChamberLabel({ entry }: { entry: BenchmarkEntry }) {
  const { t } = useTranslation();
  return (
    <>
      {entry.chamber.label}
      {entry.chamber.isSelf ? <span className="badge bg-primary ms-2">{t('benchmark.yourChamber')}</span> : null}
      {entry.chamber.synthetic ? <span className="badge benchmark-synthetic ms-2">{t('benchmark.synthetic')}</span> : null}
    </>
  );
}

function Filters({ year, years, kind, code, sizeClass, region, regions, setParam }: {
  year: number;
  years: number[];
  kind: BenchmarkKind;
  code: string | undefined;
  sizeClass: string;
  region: string;
  regions: string[];
  setParam: (name: string, value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [{ data, error }] = useQuery({ query: BenchmarkCataloguesQuery, variables: { year } });
  const [fallback] = useQuery({ query: BenchmarkCataloguesQuery, variables: { year: CATALOGUE_FALLBACK_YEAR }, pause: !data || data.systemObjectives.length > 0 });
  const objectives = data?.systemObjectives.length ? data.systemObjectives : (fallback.data?.systemObjectives ?? []);
  const options =
    kind === 'system_objective'
      ? [...objectives].sort((a, b) => a.code.localeCompare(b.code, 'it', { numeric: true })).map((o) => ({ code: o.code, title: o.title }))
      : [...(data?.financialRatios ?? [])].sort((a, b) => a.position - b.position).map((r) => ({ code: r.code, title: r.title }));
  return (
    <form className="albero-selectors benchmark-filters" onSubmit={(e) => e.preventDefault()}>
      <ErrorAlert error={error} />
      <div className="albero-select">
        <label htmlFor={`${id}-kind`}>{t('benchmark.kind')}</label>
        <select id={`${id}-kind`} className="form-select" value={kind} onChange={(e) => setParam('tipo', e.target.value)}>
          <option value="system_objective">{t('benchmark.kinds.system_objective')}</option>
          <option value="financial_ratio">{t('benchmark.kinds.financial_ratio')}</option>
        </select>
      </div>
      <div className="albero-select benchmark-indicator-select">
        <label htmlFor={`${id}-code`}>{t('benchmark.indicator')}</label>
        <select id={`${id}-code`} className="form-select" value={code ?? ''} onChange={(e) => setParam('codice', e.target.value)}>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.code} — {o.title}
            </option>
          ))}
        </select>
      </div>
      <div className="albero-select">
        <label htmlFor={`${id}-year`}>{t('benchmark.year')}</label>
        <select id={`${id}-year`} className="form-select" value={year} onChange={(e) => setParam('anno', e.target.value)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="albero-select">
        <label htmlFor={`${id}-size`}>{t('benchmark.sizeClass')}</label>
        <select id={`${id}-size`} className="form-select" value={sizeClass} onChange={(e) => setParam('classe', e.target.value)}>
          <option value="">{t('benchmark.allSizes')}</option>
          {[...(data?.sizeClasses ?? [])]
            .sort((a, b) => a.position - b.position)
            .map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
        </select>
      </div>
      <div className="albero-select">
        <label htmlFor={`${id}-region`}>{t('benchmark.region')}</label>
        <select id={`${id}-region`} className="form-select" value={region} onChange={(e) => setParam('regione', e.target.value)}>
          <option value="">{t('benchmark.allRegions')}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function Summary({ series }: { series: BenchmarkSeries }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const self = selfEntry(series);
  const { stats } = series;
  const fmt = (v: number | null) => formatBenchmarkValue(v, locale);
  return (
    <section aria-labelledby="benchmark-box-heading" className="mt-4">
      <h2 id="benchmark-box-heading" className="h4">
        {t('benchmark.distribution')}
      </h2>
      {self ? (
        <dl className="entity-grid benchmark-self-figures" data-testid="benchmark-self">
          <div>
            <dt>{self.chamber.label}</dt>
            <dd className="entity-number">
              <BenchmarkValue value={self.value} />
            </dd>
          </div>
          <div>
            <dt>{t('benchmark.rank')}</dt>
            <dd className="entity-number" data-testid="benchmark-rank">
              {formatRank(self.rank, stats.n, i18n.language)}
            </dd>
          </div>
          <div>
            <dt>{t('benchmark.percentile')}</dt>
            <dd className="entity-number">{formatPercentile(self.percentile, locale)}</dd>
          </div>
        </dl>
      ) : null}
      <div className="row g-4 align-items-start">
        <div className="col-lg-7">
          {stats.n > 0 ? (
            <Suspense fallback={<Loading />}>
              <BoxPlotChart stats={stats} value={self?.value ?? null} valueLabel={self?.chamber.label ?? null} />
            </Suspense>
          ) : (
            <p>{t('benchmark.noValues')}</p>
          )}
        </div>
        <div className="col-lg-5">
          <table className="table table-sm">
            <caption>{t('benchmark.distributionCaption', { code: series.code, year: series.year })}</caption>
            <tbody>
              <tr><th scope="row">{t('benchmark.n')}</th><td>{stats.n}</td></tr>
              <tr><th scope="row">{t('benchmark.minimum')}</th><td>{fmt(stats.minimum)}</td></tr>
              <tr><th scope="row">{t('benchmark.q1')}</th><td>{fmt(stats.q1)}</td></tr>
              <tr><th scope="row">{t('benchmark.median')}</th><td>{fmt(stats.median)}</td></tr>
              <tr><th scope="row">{t('benchmark.q3')}</th><td>{fmt(stats.q3)}</td></tr>
              <tr><th scope="row">{t('benchmark.maximum')}</th><td>{fmt(stats.maximum)}</td></tr>
              {self ? (
                <tr className="benchmark-self-row">
                  <th scope="row">{self.chamber.label}</th>
                  <td><BenchmarkValue value={self.value} /></td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function Ranking({ series }: { series: BenchmarkSeries }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const per1000 = series.normaliser === 'active_firms' || series.entries.some((e) => e.valuePer1000Firms !== null);
  return (
    <section aria-labelledby="benchmark-ranking-heading" className="mt-4">
      <h2 id="benchmark-ranking-heading" className="h4">
        {t('benchmark.ranking')}
      </h2>
      <table className="table table-sm benchmark-ranking">
        <caption>{t('benchmark.rankingCaption', { code: series.code, year: series.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('benchmark.rank')}</th>
            <th scope="col">{t('benchmark.chamber')}</th>
            <th scope="col" className="text-end">{t('benchmark.value')}{series.unit ? ` (${series.unit})` : ''}</th>
            {per1000 ? <th scope="col" className="text-end">{t('benchmark.per1000')}</th> : null}
            <th scope="col" className="text-end">{t('benchmark.percentile')}</th>
          </tr>
        </thead>
        <tbody>
          {rankedEntries(series).map((entry, i) => (
            <tr key={`${entry.chamber.label}-${i}`} className={entry.chamber.isSelf ? 'table-primary benchmark-self-row' : undefined} aria-current={entry.chamber.isSelf ? 'true' : undefined}>
              <td>{entry.rank === null ? '—' : formatRank(entry.rank, series.stats.n, i18n.language)}</td>
              <th scope="row" className="benchmark-chamber">
                <ChamberLabel entry={entry} />
              </th>
              <td className="text-end"><BenchmarkValue value={entry.value} /></td>
              {per1000 ? <td className="text-end">{formatBenchmarkValue(entry.valuePer1000Firms, locale)}</td> : null}
              <td className="text-end">{formatPercentile(entry.percentile, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Trend({ all, code }: { all: BenchmarkSeries[]; code: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const series = all.filter((s) => s.code === code).sort((a, b) => a.year - b.year);
  const selfLabel = series.map(selfEntry).find((e) => e !== undefined)?.chamber.label ?? null;
  const rows = series.map((s) => ({ year: s.year, self: selfEntry(s)?.value ?? null, median: s.stats.median }));
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="benchmark-trend-heading" className="mt-4">
      <h2 id="benchmark-trend-heading" className="h4">
        {t('benchmark.trend')}
      </h2>
      <div className="row g-4 align-items-start">
        <div className="col-lg-7">
          <Suspense fallback={<Loading />}>
            <BenchmarkTrendChart rows={rows} selfLabel={selfLabel} />
          </Suspense>
        </div>
        <div className="col-lg-5">
          <table className="table table-sm">
            <caption>{t('benchmark.trendCaption', { code })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('benchmark.year')}</th>
                {selfLabel ? <th scope="col" className="text-end">{selfLabel}</th> : null}
                <th scope="col" className="text-end">{t('benchmark.median')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.year}>
                  <th scope="row">{r.year}</th>
                  {selfLabel ? <td className="text-end"><BenchmarkValue value={r.self} /></td> : null}
                  <td className="text-end">{formatBenchmarkValue(r.median, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** The administrator's choice: whether peers see the chamber's name (CONFLICT: read again and resend). */
function NameSharing() {
  const { t } = useTranslation();
  const id = useId();
  const client = useClient();
  const [{ data, error }] = useQuery({ query: BenchmarkSharingQuery });
  const [saved, save] = useMutation(SetBenchmarkNameSharingMutation);
  const chamber = data?.viewer.chamber;
  const form = useVersionedSave({
    read: { values: chamber?.shareNameInBenchmark ?? false, version: chamber?.version ?? 0 },
    // The switch sends its new state at once (form.save).
    diff: (_read, typed: boolean) => typed,
    send: (version, share) => save({ share, version }),
    reread: () =>
      rereadQuery(client, BenchmarkSharingQuery, {}, (fresh) => (fresh.viewer.chamber ? { values: fresh.viewer.chamber.shareNameInBenchmark, version: fresh.viewer.chamber.version } : null)),
    describe: (share) => [{ label: t('benchmark.shareName'), value: share ? t('common.yes') : t('common.no') }],
  });
  if (!chamber) return <ErrorAlert error={error} />;
  return (
    <div className="form-check form-switch benchmark-sharing mt-3">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="form-check-input"
        checked={chamber.shareNameInBenchmark}
        disabled={form.saving}
        aria-describedby={`${id}-help`}
        onChange={(e) => void form.save(e.target.checked, chamber.version)}
      />
      <label className="form-check-label" htmlFor={id}>
        {t('benchmark.shareName')}
      </label>
      <p id={`${id}-help`} className="small text-secondary mb-0">
        {t('benchmark.shareNameHelp')}
      </p>
      {saved.data && !saved.error ? <p role="status" className="small">{t(saved.data.setBenchmarkNameSharing.shareNameInBenchmark ? 'benchmark.shared' : 'benchmark.notShared')}</p> : null}
      <ErrorAlert error={form.error} />
      {form.dialog}
    </div>
  );
}

/** /confronto?tipo=&codice=&anno=&classe=&regione= */
export function BenchmarkPage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const [params] = useSearchParams();
  const update = useSearchParamUpdater();
  const defaultYear = useDefaultBenchmarkYear();
  const allowed = can(viewer, 'benchmark.read');
  const year = Number(params.get('anno')) || defaultYear;
  const kind: BenchmarkKind = params.get('tipo') === 'financial_ratio' ? 'financial_ratio' : 'system_objective';
  const code = params.get('codice') ?? undefined;
  const sizeClass = params.get('classe') ?? '';
  const region = params.get('regione') ?? '';
  useDocumentTitle(t('benchmark.title'));
  const [{ data, error, fetching }] = useQuery({
    query: BenchmarkQuery,
    variables: { kind, code: code ?? null, fromYear: year - TREND_YEARS + 1, toYear: year, sizeClass: sizeClass || null, region: region || null },
    pause: !allowed || code === undefined,
  });
  const [catalogue] = useQuery({ query: BenchmarkCataloguesQuery, variables: { year }, pause: !allowed || code !== undefined });
  // Without a code in the URL, the first indicator of the catalogue (system objectives by code, ratios by position).
  const firstCode =
    kind === 'system_objective'
      ? [...(catalogue.data?.systemObjectives ?? [])].sort((a, b) => a.code.localeCompare(b.code, 'it', { numeric: true }))[0]?.code
      : [...(catalogue.data?.financialRatios ?? [])].sort((a, b) => a.position - b.position)[0]?.code;
  const [regionsSeen] = useState(() => new Set<string>());
  useEffect(() => {
    if (code !== undefined || firstCode === undefined) return;
    // Only when the URL still has no code: a choice made meanwhile wins over the default.
    update((next) => {
      if (!next.has('codice')) next.set('codice', firstCode);
    }, { replace: true });
  }, [code, firstCode, update]);
  if (!allowed) {
    return (
      <>
        <h1>{t('benchmark.title')}</h1>
        <p className="alert alert-danger" role="alert">
          {t('benchmark.refused')}
        </p>
        <Link to="/">{t('app.goHome')}</Link>
      </>
    );
  }
  const setParam = (name: string, value: string) =>
    update((next) => {
      if (value === '') next.delete(name);
      else next.set(name, value);
      if (name === 'tipo') next.delete('codice');
    });
  const series = data?.benchmark.find((s) => s.year === year && s.code === code);
  for (const s of data?.benchmark ?? []) for (const e of s.entries) if (e.chamber.region) regionsSeen.add(e.chamber.region);
  if (viewer.chamber && region) regionsSeen.add(region);
  const years = Array.from({ length: 5 }, (_, i) => Math.max(defaultYear, year) - i);
  return (
    <>
      <h1>{t('benchmark.title')}</h1>
      <p className="text-secondary">{t(viewer.kind === 'unioncamere' ? 'benchmark.introAnalyst' : 'benchmark.introChamber')}</p>
      <Filters year={year} years={years} kind={kind} code={code} sizeClass={sizeClass} region={region} regions={[...regionsSeen].sort((a, b) => a.localeCompare(b, 'it'))} setParam={setParam} />
      {can(viewer, 'benchmark.shareName') ? <NameSharing /> : null}
      <ErrorAlert error={error ?? catalogue.error} />
      {series ? (
        <>
          <h2 className="h3 mt-4" data-testid="benchmark-indicator">
            {series.code} — {series.title} ({series.year})
          </h2>
          <Summary series={series} />
          <Ranking series={series} />
          <Trend all={data?.benchmark ?? []} code={series.code} />
        </>
      ) : fetching || (code === undefined && !catalogue.error) ? (
        <Loading />
      ) : data ? (
        <p>{t('benchmark.noSeries')}</p>
      ) : null}
    </>
  );
}
