// An indicator: algorithm, baseline, targets by year with thresholds (an original target beside its revisions),
// measurements by period, a chart of value against the target in force and thresholds, "perché 76?", data
// entry for the open periods, and for the administrator of an approved plan the revisions (rimodulazioni).
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { can, useSession } from '../session/session-context.js';
import { PageError } from '../components/page-error.js';
import { ExplanationView } from '../components/explanation-view.js';
import { Loading } from '../components/loading.js';
import { MeasurementForm } from '../features/data-entry/measurement-form.js';
import { ReviseTargetForm, targetText, yearTargets } from '../features/revisions/revise-target-form.js';
import { RevisionsPanel, revisionsOpen } from '../features/revisions/revisions-panel.js';
import { ScoreBadge } from '../components/score-badge.js';
import { TargetEditor } from '../features/plan-editor/target-editor.js';
import { formatDate, formatNumber, formatScore, formatValue, localeOf } from '../format/format.js';
import { IndicatorQuery } from '../graphql/operations.js';
import type { IndicatorDetail, Measurement } from '../graphql/types.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';

const IndicatorChart = lazy(() => import('../components/charts/indicator-chart.js').then((m) => ({ default: m.IndicatorChart })));

function measuredValue(m: Measurement): unknown {
  return m.valueNumber ?? m.valueDate ?? m.valueBoolean;
}

function TargetsTable({ indicator }: { indicator: IndicatorDetail }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const yes = t('common.yes');
  const no = t('common.no');
  const years = [...new Set(indicator.targets.map((x) => x.year))].sort((a, b) => a - b);
  // Each year: the original target, then its revisions in order; only the one in force is not struck.
  const rows = years.flatMap((year) => {
    const { original, revised, inForce } = yearTargets(indicator.targets, year);
    return [...(original ? [original] : []), ...revised].map((target) => ({ target, superseded: target !== inForce, hasRevisions: revised.length > 0 }));
  });
  const cell = (text: string, superseded: boolean) =>
    superseded && text !== t('common.notAvailable') ? (
      <>
        <s>{text}</s>
        <span className="visually-hidden"> ({t('revision.notInForce')})</span>
      </>
    ) : (
      text
    );
  return (
    <table className="table table-sm targets-table">
      <caption>{t('indicator.targets')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.year')}</th>
          <th scope="col">{t('indicator.target')}</th>
          <th scope="col">{t('indicator.threshold80')}</th>
          <th scope="col">{t('indicator.threshold60')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ target, superseded, hasRevisions }) => (
          <tr key={target.id} className={target.revision ? 'target-revised' : hasRevisions ? 'target-original' : undefined}>
            <th scope="row">
              {target.year}
              {target.revision ? <span className="badge-soft ms-1">{t('indicator.revised')}</span> : hasRevisions ? <span className="badge-soft ms-1">{t('revision.original')}</span> : null}
            </th>
            <td>
              {cell(targetText(target, locale, t), superseded)}
              {target.revision ? <div className="small">{t('revision.revisedNote', { date: formatDate(target.revision.revisedOn, locale), reason: target.revision.reason })}</div> : null}
            </td>
            <td>{cell(formatValue(target.threshold80Number ?? target.threshold80Date, locale, yes, no), superseded)}</td>
            <td>{cell(formatValue(target.threshold60Number ?? target.threshold60Date, locale, yes, no), superseded)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MeasurementsTable({ indicator }: { indicator: IndicatorDetail }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const rows = [...indicator.measurements].sort((a, b) => a.period.periodDate.localeCompare(b.period.periodDate));
  if (rows.length === 0) return <p>{t('indicator.noMeasurements')}</p>;
  return (
    <table className="table table-sm">
      <caption>{t('indicator.measurements')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('common.period')}</th>
          <th scope="col">{t('indicator.value')}</th>
          <th scope="col">{t('indicator.status')}</th>
          <th scope="col">{t('indicator.note')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <th scope="row">{formatDate(m.period.periodDate, locale)}</th>
            <td>{m.label ?? formatValue(measuredValue(m), locale, t('common.yes'), t('common.no'))}</td>
            <td>{t(`measurementStatus.${m.status}`)}</td>
            <td>{m.rejectionReason ?? m.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Chart({ indicator, year }: { indicator: IndicatorDetail; year: number | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  if (indicator.valueType !== 'number') return null;
  // The target in force (the latest revision's, else the original), as the score uses it.
  const target = (year === undefined ? undefined : yearTargets(indicator.targets, year).inForce) ?? indicator.targets[0];
  const points = [...indicator.measurements]
    .sort((a, b) => a.period.periodDate.localeCompare(b.period.periodDate))
    .map((m) => ({ label: formatDate(m.period.periodDate, locale), value: m.valueNumber }));
  if (points.length === 0) return null;
  return (
    <section aria-labelledby="chart-heading" className="mt-4">
      <h2 id="chart-heading" className="h5">
        {t('indicator.chart')}
      </h2>
      <p className="visually-hidden">{t('indicator.chartAlt')}</p>
      <Suspense fallback={<Loading />}>
        <IndicatorChart points={points} target={target?.valueNumber ?? null} threshold80={target?.threshold80Number ?? null} threshold60={target?.threshold60Number ?? null} />
      </Suspense>
    </section>
  );
}

function TargetEditing({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  const { viewer, cycles } = useSession();
  const cycle = cycles.find((c) => c.id === indicator.node.cycleId);
  if (!cycle || cycle.state !== 'draft' || !can(viewer, 'target.manage') || indicator.valueType !== 'number') return null;
  const target = indicator.targets.find((x) => x.year === cycle.year && x.revision === null);
  return (
    <section aria-labelledby="targets-edit-heading" className="mt-4">
      <h2 id="targets-edit-heading" className="h5">
        {t('plan.editTargets')}
      </h2>
      <TargetEditor indicatorId={indicator.id} year={cycle.year} target={target} />
    </section>
  );
}

/** Rimodulazione (approved plan, chamber administrator): the cycle's revisions, and this indicator's target revised under one. */
function Revisions({ indicator }: { indicator: IndicatorDetail }) {
  const { viewer, cycles } = useSession();
  const cycle = cycles.find((c) => c.id === indicator.node.cycleId);
  if (!cycle || !revisionsOpen(cycle.state)) return null;
  return (
    <>
      {can(viewer, 'cycle.manage') ? <RevisionsPanel cycleId={cycle.id} year={cycle.year} /> : null}
      {can(viewer, 'target.manage') ? <ReviseTargetForm indicator={indicator} cycleId={cycle.id} year={cycle.year} /> : null}
    </>
  );
}

function DataEntry({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  const { viewer, cycles } = useSession();
  const cycle = cycles.find((c) => c.id === indicator.node.cycleId);
  const open = (cycle?.periods ?? []).filter((p) => p.state === 'open');
  if (!can(viewer, 'measurement.enter', true) || open.length === 0) return null;
  return (
    <section aria-labelledby="entry-heading" className="mt-4 entry-box">
      <h2 id="entry-heading" className="h5">
        {t('entry.title')}
      </h2>
      {open.map((period) => (
        <MeasurementForm
          key={period.id}
          indicator={indicator}
          period={period}
          measurement={indicator.measurements.find((m) => m.periodId === period.id) ?? null}
        />
      ))}
    </section>
  );
}

/** /indicatori/:indicatorId */
export function IndicatorDetailPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { indicatorId = '' } = useParams();
  const { cycles } = useSession();
  const [{ data, error }] = useQuery({ query: IndicatorQuery, variables: { id: indicatorId, periodId: null } });
  useDocumentTitle(data?.indicator.name);
  if (error) return <PageError error={error} />;
  if (!data) return <Loading />;
  const indicator = data.indicator;
  const year = cycles.find((c) => c.id === indicator.node.cycleId)?.year;
  const baseline = indicator.baselineLabel ?? formatValue(indicator.baselineNumber ?? indicator.baselineDate ?? indicator.baselineBoolean, locale, t('common.yes'), t('common.no'));
  return (
    <article aria-labelledby="indicator-title">
      <p className="breadcrumb-line">
        <Link to={`/obiettivi/${indicator.node.id}`}>{t('indicator.ofNode', { code: indicator.node.code, title: indicator.node.title })}</Link>
      </p>
      <h1 id="indicator-title">
        {indicator.code ? <span className="node-code">{indicator.code}</span> : null} {indicator.name}
      </h1>
      <div className="row g-4">
        <div className="col-lg-6">
          <dl className="detail-list">
            <dt>{t('indicator.algorithm')}</dt>
            <dd>{indicator.algorithm ?? t('common.notAvailable')}</dd>
            {indicator.formula ? (
              <>
                <dt>{t('indicator.formula')}</dt>
                <dd>
                  <code>{indicator.formula}</code>
                </dd>
              </>
            ) : null}
            <dt>{t('indicator.unit')}</dt>
            <dd>{indicator.unit ?? t('common.notAvailable')}</dd>
            <dt>{t('indicator.direction')}</dt>
            <dd>{t(`indicator.directions.${indicator.direction}`)}</dd>
            <dt>{t('indicator.method')}</dt>
            <dd>{indicator.scoringMethod ? t(`indicator.methods.${indicator.scoringMethod}`) : t('indicator.defaultMethod')}</dd>
            <dt>{t('indicator.baseline')}</dt>
            <dd>{indicator.baselineYear ? t('indicator.baselineOf', { value: baseline, year: indicator.baselineYear }) : baseline}</dd>
            <dt>{t('common.weight')}</dt>
            <dd>{formatNumber(indicator.weight, locale)}</dd>
            {indicator.dataSource ? (
              <>
                <dt>{t('indicator.source')}</dt>
                <dd>{indicator.dataSource}</dd>
              </>
            ) : null}
            <dt>{t('indicator.score')}</dt>
            <dd data-testid="indicator-score">
              <ScoreBadge score={indicator.score?.score} />
            </dd>
          </dl>
        </div>
        <div className="col-lg-6">
          <ExplanationView title={indicator.score?.score === null || indicator.score?.score === undefined ? t('explain.whyNone') : t('indicator.why', { score: formatScore(indicator.score.score, locale) })} explanation={indicator.score?.explanation} />
        </div>
      </div>
      <TargetsTable indicator={indicator} />
      <MeasurementsTable indicator={indicator} />
      <Chart indicator={indicator} year={year} />
      <TargetEditing indicator={indicator} />
      <Revisions indicator={indicator} />
      <DataEntry indicator={indicator} />
    </article>
  );
}
