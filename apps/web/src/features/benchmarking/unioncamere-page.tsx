// For the Unioncamere analyst (who has no chamber): every chamber against the system objectives of a year as a
// heat map. It is a real table with the numbers; the colour of a cell (its percentile band, 100 = best) is a
// second cue explained by the legend. A code opens the Confronto of that indicator with every chamber named.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { can, useSession } from '../../session/session-context.js';
import { HEAT_BANDS, HEAT_MISSING, formatBenchmarkValue, formatPercentile, heatTone } from './benchmark.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { Loading } from '../../components/loading.js';
import { localeOf } from '../../format/format.js';
import { BenchmarkQuery } from '../../graphql/operations.js';
import type { BenchmarkEntry, BenchmarkSeries } from '../../graphql/types.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { useDefaultBenchmarkYear } from './benchmark-page.js';

type Row = { key: string; label: string; synthetic: boolean; cells: Map<string, BenchmarkEntry> };

/** Chambers (rows, by label) × indicators (columns, by code) of one year. */
export function heatMatrix(series: BenchmarkSeries[]): { codes: BenchmarkSeries[]; rows: Row[] } {
  const codes = [...series].sort((a, b) => a.code.localeCompare(b.code, 'it', { numeric: true }));
  const rows = new Map<string, Row>();
  for (const s of codes) {
    for (const entry of s.entries) {
      const key = entry.chamber.id ?? entry.chamber.label;
      let row = rows.get(key);
      if (!row) {
        row = { key, label: entry.chamber.label, synthetic: entry.chamber.synthetic, cells: new Map() };
        rows.set(key, row);
      }
      row.cells.set(s.code, entry);
    }
  }
  return { codes, rows: [...rows.values()].sort((a, b) => Number(a.synthetic) - Number(b.synthetic) || a.label.localeCompare(b.label, 'it')) };
}

function Legend() {
  const { t } = useTranslation();
  const bands = ['0–20', '20–40', '40–60', '60–80', '80–100'];
  return (
    <div className="heat-legend" aria-labelledby="heat-legend-title">
      <p id="heat-legend-title" className="small mb-1 fw-semibold">
        {t('unioncamere.legend')}
      </p>
      <ul className="heat-legend-list">
        {HEAT_BANDS.map((band, i) => (
          <li key={band.band}>
            <span className="heat-swatch" style={{ background: band.background, color: band.color }} aria-hidden="true">
              {bands[i]}
            </span>{' '}
            <span className="visually-hidden">{t('unioncamere.band', { range: bands[i] })}</span>
          </li>
        ))}
        <li>
          <span className="heat-swatch" style={{ background: HEAT_MISSING.background, color: HEAT_MISSING.color }} aria-hidden="true">
            —
          </span>{' '}
          {t('benchmark.missing')}
        </li>
      </ul>
      <p className="small text-secondary">{t('unioncamere.legendHelp')}</p>
    </div>
  );
}

function HeatMap({ series, year }: { series: BenchmarkSeries[]; year: number }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { codes, rows } = heatMatrix(series);
  return (
    <div className="table-responsive heat-map-wrapper" role="region" aria-labelledby="heat-caption" tabIndex={0}>
      <table className="table table-sm heat-map">
        <caption id="heat-caption">{t('unioncamere.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('benchmark.chamber')}</th>
            {codes.map((s) => (
              <th key={s.code} scope="col" className="heat-code">
                <Link to={`/confronto?tipo=system_objective&codice=${encodeURIComponent(s.code)}&anno=${year}`} title={s.title}>
                  {s.code}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="heat-chamber">
                {row.label}
                {row.synthetic ? <span className="badge benchmark-synthetic ms-1">{t('benchmark.synthetic')}</span> : null}
              </th>
              {codes.map((s) => {
                const entry = row.cells.get(s.code);
                const tone = heatTone(entry?.value === null || entry?.value === undefined ? null : entry.percentile);
                const missing = entry?.value === null || entry?.value === undefined;
                return (
                  <td
                    key={s.code}
                    className={missing ? 'heat-cell heat-missing' : 'heat-cell'}
                    style={{ background: tone.background, color: tone.color }}
                    title={missing ? t('benchmark.missing') : t('unioncamere.cellTitle', { code: s.code, percentile: formatPercentile(entry.percentile, locale) })}
                  >
                    {missing ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{t('benchmark.missing')}</span>
                      </>
                    ) : (
                      formatBenchmarkValue(entry.value, locale)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /unioncamere?anno=2024 */
export function UnioncamerePage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const defaultYear = useDefaultBenchmarkYear();
  const year = Number(params.get('anno')) || defaultYear;
  const allowed = viewer.kind === 'unioncamere' && can(viewer, 'benchmark.read');
  useDocumentTitle(t('unioncamere.title', { year }));
  const [{ data, error, fetching }] = useQuery({
    query: BenchmarkQuery,
    variables: { kind: 'system_objective', code: null, fromYear: year, toYear: year },
    pause: !allowed,
  });
  if (!allowed) {
    return (
      <>
        <h1>{t('unioncamere.title', { year })}</h1>
        <p className="alert alert-danger" role="alert">
          {t('unioncamere.refused')}
        </p>
        <Link to="/">{t('app.goHome')}</Link>
      </>
    );
  }
  const years = Array.from({ length: 5 }, (_, i) => Math.max(defaultYear, year) - i);
  return (
    <>
      <h1>{t('unioncamere.title', { year })}</h1>
      <p className="text-secondary">{t('unioncamere.intro')}</p>
      <div className="albero-selectors">
        <div className="albero-select">
          <label htmlFor={id}>{t('benchmark.year')}</label>
          <select id={id} className="form-select" value={year} onChange={(e) => setParams({ anno: e.target.value })}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ErrorAlert error={error} />
      <Legend />
      {data ? data.benchmark.length > 0 ? <HeatMap series={data.benchmark} year={year} /> : <p>{t('benchmark.noSeries')}</p> : fetching ? <Loading /> : null}
    </>
  );
}
