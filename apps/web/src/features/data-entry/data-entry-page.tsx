// Data entry: what the person must enter or correct in the open periods (and by when), the review queue of
// managers (approve, or reject with a reason), and for the administrator the opening and closing of periods.
import { useId, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { can, useSession } from '../../session/session-context.js';
import { CycleSelectors } from '../../components/cycle-selectors.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { Loading } from '../../components/loading.js';
import { MeasurementForm } from './measurement-form.js';
import { formatDate, formatDateTime, formatValue, localeOf } from '../../format/format.js';
import {
  AddPeriodMutation,
  ApproveMeasurementMutation,
  ClosePeriodMutation,
  MyObjectivesQuery,
  OpenPeriodMutation,
  RejectMeasurementMutation,
  ReviewQueueQuery,
} from '../../graphql/operations.js';
import type { PendingEntry, ReviewItem } from '../../graphql/types.js';
import { useSelectedCycle } from '../../hooks/use-cycle.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';

/** Groups pending entries by due date (or period) for the "what is missing and by when" summary. */
export function missingByDate(pending: PendingEntry[]): { date: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const entry of pending) {
    const date = entry.dueDate ?? entry.period.dueDate ?? entry.period.periodDate;
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return [...counts.entries()].map(([date, count]) => ({ date, count })).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

function PendingList({ cycleId }: { cycleId: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [{ data, error }, refetch] = useQuery({ query: MyObjectivesQuery, variables: { cycleId }, requestPolicy: 'cache-and-network' });
  // A submitted value leaves the list: the confirmation stays here, where the person is looking.
  const [notice, setNotice] = useState<string | null>(null);
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  const pending = data.myObjectives.flatMap((o) => o.pending.map((p) => ({ ...p, node: o.node })));
  const unique = [...new Map(pending.map((p) => [`${p.indicator.id}:${p.period.id}`, p])).values()];
  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading" className="h4">
        {t('entry.missingTitle')}
      </h2>
      <p role="status" aria-live="polite" className={notice ? 'alert alert-success' : 'visually-hidden'}>
        {notice}
      </p>
      {unique.length === 0 ? <p>{t('entry.nothingPending')}</p> : null}
      <ul className="missing-summary">
        {missingByDate(unique).map((group) => (
          <li key={group.date ?? 'none'}>
            {group.date ? t('entry.missingBy', { count: group.count, date: formatDate(group.date, locale) }) : t('entry.missingNoDate', { count: group.count })}
          </li>
        ))}
      </ul>
      {unique.map((entry) => (
        <div key={`${entry.indicator.id}:${entry.period.id}`} className="pending-entry">
          <p className="mb-1">
            <span className={`badge-soft next-${entry.next}`}>{t(`entry.next.${entry.next}`)}</span>{' '}
            <Link to={`/obiettivi/${entry.node.id}`}>
              <span className="node-code">{entry.node.code}</span> {entry.node.title}
            </Link>
          </p>
          <p className="mb-2">
            <Link to={`/indicatori/${entry.indicator.id}`}>{entry.indicator.name}</Link>
          </p>
          <MeasurementForm
            indicator={entry.indicator}
            period={entry.period}
            measurement={entry.measurement}
            onDone={() => {
              setNotice(t('entry.submittedNamed', { name: entry.indicator.name }));
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        </div>
      ))}
    </section>
  );
}

function RejectForm({ item, onCancel }: { item: ReviewItem; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, reject] = useMutation(RejectMeasurementMutation);
  const invalid = reason.trim() === '';
  return (
    <form
      className="reject-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!invalid) void reject({ id: item.id, version: item.version, reason: reason.trim() });
      }}
    >
      <label htmlFor={`${id}-reason`}>{t('entry.rejectReason')}</label>
      <textarea
        id={`${id}-reason`}
        className={`form-control${touched && invalid ? ' is-invalid' : ''}`}
        value={reason}
        required
        aria-invalid={touched && invalid ? true : undefined}
        aria-describedby={`${id}-hint${touched && invalid ? ` ${id}-error` : ''}`}
        onChange={(e) => setReason(e.target.value)}
      />
      <small id={`${id}-hint`} className="form-text">
        {t('entry.rejectReasonHint')}
      </small>
      {touched && invalid ? (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {t('oiv.reasonRequired')}
        </div>
      ) : null}
      <ErrorAlert error={result.error} />
      <div className="d-flex gap-2 mt-2">
        <Button type="submit" color="danger" size="sm" disabled={result.fetching}>
          {t('entry.confirmReject')}
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function ReviewRow({ item }: { item: ReviewItem }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [rejecting, setRejecting] = useState(false);
  const [approval, approve] = useMutation(ApproveMeasurementMutation);
  return (
    <li className="review-item">
      <p className="mb-1">
        <Link to={`/indicatori/${item.indicator.id}`}>
          <span className="node-code">{item.indicator.node.code}</span> {item.indicator.name}
        </Link>
      </p>
      <p className="mb-1">
        {t('entry.reviewValue', {
          date: formatDate(item.period.periodDate, locale),
          value: formatValue(item.valueNumber ?? item.valueDate ?? item.valueBoolean ?? item.inputs, locale, t('common.yes'), t('common.no')),
          unit: item.indicator.unit ?? '',
        })}
      </p>
      {item.submittedAt ? (
        <p className="small text-secondary">
          {item.submittedByName
            ? t('entry.submittedByNamed', { who: item.submittedByName, when: formatDateTime(item.submittedAt, locale) })
            : t('entry.submittedBy', { when: formatDateTime(item.submittedAt, locale) })}
        </p>
      ) : null}
      <ErrorAlert error={approval.error} />
      {item.enteredByViewer ? (
        <p className="small review-own-value">{t('entry.ownValue')}</p>
      ) : rejecting ? (
        <RejectForm item={item} onCancel={() => setRejecting(false)} />
      ) : (
        <div className="d-flex gap-2">
          <Button color="success" size="sm" disabled={approval.fetching} onClick={() => void approve({ id: item.id, version: item.version })}>
            {t('entry.approve')}
          </Button>
          <Button color="danger" outline size="sm" onClick={() => setRejecting(true)}>
            {t('entry.reject')}
          </Button>
        </div>
      )}
    </li>
  );
}

function ReviewQueue({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: ReviewQueueQuery, variables: { cycleId }, requestPolicy: 'cache-and-network' });
  return (
    <section aria-labelledby="review-heading" className="mt-4">
      <h2 id="review-heading" className="h4">
        {t('entry.review')}
      </h2>
      <p className="text-secondary">{t('entry.reviewIntro')}</p>
      <ErrorAlert error={error} />
      {!data ? <Loading /> : data.measurements.edges.length === 0 ? <p>{t('entry.noReview')}</p> : null}
      <ul className="review-list">
        {data?.measurements.edges.map((edge) => (
          <ReviewRow key={edge.node.id} item={edge.node} />
        ))}
      </ul>
    </section>
  );
}

function AddPeriodForm({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [periodDate, setPeriodDate] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [result, addPeriod] = useMutation(AddPeriodMutation);
  return (
    <form
      className="plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (periodDate) void addPeriod({ cycleId, periodDate, dueDate: dueDate || null });
      }}
    >
      <h3 className="h6">{t('entry.addPeriod')}</h3>
      <div className="d-flex flex-wrap gap-3 align-items-end">
        <div>
          <label htmlFor={`${id}-date`}>{t('entry.periodDate')}</label>
          <input id={`${id}-date`} type="date" className="form-control form-control-sm" value={periodDate} onChange={(e) => setPeriodDate(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-due`}>{t('entry.dueDate')}</label>
          <input id={`${id}-due`} type="date" className="form-control form-control-sm" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </div>
        <Button type="submit" color="primary" size="sm" disabled={result.fetching || periodDate === ''}>
          {t('entry.addPeriod')}
        </Button>
      </div>
      <ErrorAlert error={result.error} />
    </form>
  );
}

function PeriodManagement() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { cycle } = useSelectedCycle();
  const [openResult, openPeriod] = useMutation(OpenPeriodMutation);
  const [closeResult, closePeriod] = useMutation(ClosePeriodMutation);
  if (!cycle) return null;
  const periods = [...cycle.periods].sort((a, b) => a.periodDate.localeCompare(b.periodDate));
  return (
    <section aria-labelledby="periods-heading" className="mt-4">
      <h2 id="periods-heading" className="h4">
        {t('entry.manageTitle')}
      </h2>
      <ErrorAlert error={openResult.error ?? closeResult.error} />
      <ul className="period-list">
        {periods.map((p) => (
          <li key={p.id}>
            {t('entry.periodLine', { date: formatDate(p.periodDate, locale), state: t(`periodState.${p.state}`) })}{' '}
            {p.state === 'planned' ? (
              <Button color="primary" size="sm" onClick={() => void openPeriod({ id: p.id, version: p.version })}>
                {t('entry.openPeriod', { date: formatDate(p.periodDate, locale) })}
              </Button>
            ) : null}
            {p.state === 'open' ? (
              <Button color="primary" outline size="sm" onClick={() => void closePeriod({ id: p.id, version: p.version })}>
                {t('entry.closePeriod', { date: formatDate(p.periodDate, locale) })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <AddPeriodForm cycleId={cycle.id} />
    </section>
  );
}

/** /inserimento?anno=… */
export function DataEntryPage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const selected = useSelectedCycle();
  useDocumentTitle(t('entry.title'));
  if (!selected.cycle) return <p>{t('cruscotto.noCycles')}</p>;
  const openPeriods = selected.cycle.periods.filter((p) => p.state === 'open');
  return (
    <>
      <h1>{t('entry.title')}</h1>
      <p>{t('entry.intro')}</p>
      <CycleSelectors selected={selected} showPeriod={false} />
      {openPeriods.length === 0 ? <p className="alert alert-info">{t('entry.noOpenPeriods')}</p> : null}
      {can(viewer, 'measurement.enter', true) ? <PendingList cycleId={selected.cycle.id} /> : null}
      {can(viewer, 'measurement.review', true) ? <ReviewQueue cycleId={selected.cycle.id} /> : null}
      {can(viewer, 'cycle.manage') ? <PeriodManagement /> : null}
    </>
  );
}
