// OIV workspace: every objective with its computed score, overrides with a mandatory reason (set, revoke),
// and the validation of the year's Relazione.
import { useId, useMemo, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { can, useSession } from '../session/session-context.js';
import { CycleSelectors } from '../components/cycle-selectors.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { ScoreBadge } from '../components/score-badge.js';
import { formatDate, formatDateTime, formatScore, localeOf, parseNumber } from '../format/format.js';
import { OivQuery, RevokeOverrideMutation, SetOverrideMutation, ValidateReportMutation, type OivData } from '../graphql/operations.js';
import type { TreeNode } from '../graphql/types.js';
import { useSelectedCycle } from '../hooks/use-cycle.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { indexTree, matches, scoresById } from '../plan/tree.js';

/** Validation of an override: a score from 0 to 100 and a reason (i18n keys by field). */
export function validateOverride(score: string, reason: string): { score?: string; reason?: string } {
  const errors: { score?: string; reason?: string } = {};
  const value = parseNumber(score);
  if (value === null || value < 0 || value > 100) errors.score = 'oiv.scoreRange';
  if (reason.trim() === '') errors.reason = 'oiv.reasonRequired';
  return errors;
}

function OverrideForm({ node, onClose }: { node: TreeNode; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [score, setScore] = useState('');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, setOverride] = useMutation(SetOverrideMutation);
  const errors = validateOverride(score, reason);
  const show = (key: 'score' | 'reason') => (touched && errors[key] ? t(errors[key]) : null);
  return (
    <form
      noValidate
      className="override-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (errors.score) return document.getElementById(`${id}-score`)?.focus();
        if (errors.reason) return document.getElementById(`${id}-reason`)?.focus();
        void setOverride({ nodeId: node.id, score: parseNumber(score) ?? 0, reason: reason.trim() }).then((r) => {
          if (!r.error) onClose();
        });
      }}
    >
      <h3 id={`${id}-title`} className="h6">
        {t('oiv.overrideFor', { code: node.code })}
      </h3>
      <label htmlFor={`${id}-score`}>{t('oiv.overrideScore')}</label>
      <input
        id={`${id}-score`}
        className={`form-control${show('score') ? ' is-invalid' : ''}`}
        inputMode="decimal"
        value={score}
        aria-invalid={show('score') ? true : undefined}
        aria-describedby={show('score') ? `${id}-score-error` : undefined}
        onChange={(e) => setScore(e.target.value)}
      />
      {show('score') ? (
        <div id={`${id}-score-error`} className="invalid-feedback d-block">
          {show('score')}
        </div>
      ) : null}
      <label htmlFor={`${id}-reason`} className="mt-2">
        {t('oiv.overrideReason')}
      </label>
      <textarea
        id={`${id}-reason`}
        className={`form-control${show('reason') ? ' is-invalid' : ''}`}
        rows={3}
        required
        value={reason}
        aria-invalid={show('reason') ? true : undefined}
        aria-describedby={`${id}-reason-hint${show('reason') ? ` ${id}-reason-error` : ''}`}
        onChange={(e) => setReason(e.target.value)}
      />
      <small id={`${id}-reason-hint`} className="form-text">
        {t('oiv.overrideReasonHint')}
      </small>
      {show('reason') ? (
        <div id={`${id}-reason-error`} className="invalid-feedback d-block">
          {show('reason')}
        </div>
      ) : null}
      <ErrorAlert error={result.error} />
      <div className="d-flex gap-2 mt-2">
        <Button type="submit" color="primary" size="sm" disabled={result.fetching}>
          {t('common.save')}
        </Button>
        <Button type="button" color="secondary" outline size="sm" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

function Overrides({ cycle }: { cycle: OivData['cycle'] }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { viewer } = useSession();
  const [result, revoke] = useMutation(RevokeOverrideMutation);
  const active = cycle.overrides.filter((o) => o.revokedAt === null);
  return (
    <section aria-labelledby="overrides-heading" className="mt-4">
      <h2 id="overrides-heading" className="h4">
        {t('oiv.overrides')}
      </h2>
      <ErrorAlert error={result.error} />
      {active.length === 0 ? <p>{t('oiv.noOverrides')}</p> : null}
      <ul className="override-list">
        {active.map((o) => (
          <li key={o.id}>
            <p className="mb-1">
              <strong>{o.node ? t('oiv.overrideTarget', { code: o.node.code, title: o.node.title }) : t('oiv.overrideTarget', { code: o.indicator?.code ?? '', title: o.indicator?.name ?? '' })}</strong>{' '}
              <ScoreBadge score={o.score} />
            </p>
            <p className="mb-1">{o.reason}</p>
            <p className="small text-secondary">
              {t('oiv.byAndDate', { by: t(`explain.by.${o.by}`), date: t('oiv.setBy', { date: formatDateTime(o.setAt, locale) }) })}
            </p>
            {can(viewer, 'override.set') ? (
              <Button color="danger" outline size="sm" onClick={() => void revoke({ id: o.id, version: o.version })}>
                {t('oiv.revoke')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReportValidation({ cycle }: { cycle: OivData['cycle'] }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useSession();
  const [result, validate] = useMutation(ValidateReportMutation);
  const relazione = cycle.reports.find((r) => r.kind === 'relazione');
  return (
    <section aria-labelledby="report-heading" className="mt-4">
      <h2 id="report-heading" className="h4">
        {t('oiv.reports')}
      </h2>
      <ErrorAlert error={result.error} />
      {relazione?.validatedAt ? (
        <p>{t('oiv.validated', { date: formatDate(relazione.validatedAt.slice(0, 10), localeOf(i18n.language)) })}</p>
      ) : cycle.state !== 'closed' ? (
        <p>{t('oiv.validateOnlyClosed')}</p>
      ) : viewer.allowedActions.includes('report.validate') ? (
        <Button color="primary" onClick={() => void validate({ cycleId: cycle.id, version: relazione?.version ?? null })}>
          {t('oiv.validate')}
        </Button>
      ) : null}
    </section>
  );
}

function Objectives({ cycle }: { cycle: OivData['cycle'] }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const index = useMemo(() => indexTree(cycle.nodes), [cycle.nodes]);
  const scores = scoresById(cycle.scorecard.nodes);
  const ordered: { node: TreeNode; depth: number }[] = [];
  const walk = (nodes: TreeNode[], depth: number) => {
    for (const node of nodes) {
      ordered.push({ node, depth });
      walk(index.children.get(node.id) ?? [], depth + 1);
    }
  };
  walk(index.roots, 0);
  const rows = ordered.filter(({ node }) => matches(node, filter));
  return (
    <section aria-labelledby="objectives-heading" className="mt-4">
      <h2 id="objectives-heading" className="h4">
        {t('oiv.objectives')}
      </h2>
      <label htmlFor={filterId}>{t('oiv.filter')}</label>
      <input id={filterId} type="search" className="form-control mb-3" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <table className="table table-sm">
        <caption className="visually-hidden">{t('oiv.objectives')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.code')}</th>
            <th scope="col">{t('common.title')}</th>
            <th scope="col" className="text-end">
              {t('common.result')}
            </th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ node, depth }) => {
            const score = scores.get(node.id);
            return (
              <tr key={node.id}>
                <td style={{ paddingLeft: `${depth + 0.5}rem` }}>
                  <span className="node-code">{node.code}</span>
                </td>
                <td>
                  <Link to={`/obiettivi/${node.id}`}>{node.title}</Link>
                  {score?.overridden ? <span className="badge-soft ms-2">{t('oiv.overriddenBadge')}</span> : null}
                  {editing === node.id ? <OverrideForm node={node} onClose={() => setEditing(null)} /> : null}
                </td>
                <td className="text-end">
                  <ScoreBadge score={score?.result} />
                </td>
                <td>
                  {can(viewer, 'override.set') && editing !== node.id ? (
                    <Button color="primary" outline size="xs" className="btn-xs" onClick={() => setEditing(node.id)} aria-label={t('oiv.setOverrideFor', { code: node.code })}>
                      {t('oiv.setOverride')}
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** /oiv?anno=… */
export function OivPage() {
  const { t } = useTranslation();
  const selected = useSelectedCycle();
  useDocumentTitle(t('oiv.title'));
  const [{ data, error }] = useQuery({ query: OivQuery, variables: { year: selected.year ?? 0 }, pause: selected.year === undefined });
  return (
    <>
      <h1>{t('oiv.title')}</h1>
      <p>{t('oiv.intro')}</p>
      <CycleSelectors selected={selected} showPeriod={false} />
      <ErrorAlert error={error} />
      {data ? (
        <>
          <p className="text-secondary">{t('oiv.entityLine', { mean: formatScore(data.cycle.scorecard.entity?.meanOfResults), performance: formatScore(data.cycle.scorecard.entity?.performance) })}</p>
          <ReportValidation cycle={data.cycle} />
          <Overrides cycle={data.cycle} />
          <Objectives cycle={data.cycle} />
        </>
      ) : error ? null : (
        <Loading />
      )}
    </>
  );
}
