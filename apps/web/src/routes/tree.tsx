// Albero della performance: drill-down at any depth, with codes, weights, units, scores and the state of
// data entry for the selected period; search by code or title.
import { useId, useMemo, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CycleSelectors } from '../components/cycle-selectors.js';
import { PageError } from '../components/page-error.js';
import { Loading } from '../components/loading.js';
import { ScoreBadge } from '../components/score-badge.js';
import { formatNumber, localeOf } from '../format/format.js';
import { CruscottoQuery, EntryStateQuery } from '../graphql/operations.js';
import type { Level, MeasurementStatus, NodeScore, TreeNode } from '../graphql/types.js';
import { useSelectedCycle } from '../hooks/use-cycle.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';
import { indexTree, scoresById, visibleForSearch, type TreeIndex } from '../plan/tree.js';

type EntryCounts = { missing: number; pending: number };

type RowContext = {
  index: TreeIndex;
  scores: Map<string, NodeScore>;
  levels: Map<string, Level>;
  entry: Map<string, MeasurementStatus>;
  expanded: Set<string>;
  visible: Set<string> | null;
  toggle: (id: string) => void;
};

function entryCounts(node: TreeNode, entry: Map<string, MeasurementStatus>): EntryCounts {
  let missing = 0;
  let pending = 0;
  for (const indicator of node.indicators) {
    const status = entry.get(indicator.id);
    if (status === 'submitted') pending += 1;
    else if (status !== 'approved') missing += 1;
  }
  return { missing, pending };
}

function EntryState({ node, entry }: { node: TreeNode; entry: Map<string, MeasurementStatus> }) {
  const { t } = useTranslation();
  if (node.indicators.length === 0) return null;
  const { missing, pending } = entryCounts(node, entry);
  if (missing === 0 && pending === 0) return <span className="entry-state entry-ok">{t('tree.entryComplete')}</span>;
  return (
    <span className="entry-state entry-todo">
      {missing > 0 ? t('tree.entryMissing', { count: missing }) : null}
      {missing > 0 && pending > 0 ? <br /> : null}
      {pending > 0 ? t('tree.entryPending', { count: pending }) : null}
    </span>
  );
}

function TreeRow({ node, depth, ctx }: { node: TreeNode; depth: number; ctx: RowContext }) {
  const { t, i18n } = useTranslation();
  const children = (ctx.index.children.get(node.id) ?? []).filter((c) => ctx.visible === null || ctx.visible.has(c.id));
  const open = ctx.visible !== null || ctx.expanded.has(node.id);
  const score = ctx.scores.get(node.id);
  return (
    <>
      <tr>
        <td style={{ paddingLeft: `${depth * 1.25 + 0.5}rem` }}>
          {children.length > 0 ? (
            <button
              type="button"
              className="tree-toggle"
              aria-expanded={open}
              aria-label={t(open ? 'tree.collapse' : 'tree.expand', { code: node.code })}
              onClick={() => ctx.toggle(node.id)}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            </button>
          ) : (
            <span className="tree-toggle-spacer" />
          )}
          <span className="node-code">{node.code}</span>
        </td>
        <td>
          <Link to={`/obiettivi/${node.id}`}>{node.title}</Link>
          <span className="tree-level">{ctx.levels.get(node.levelKey)?.name}</span>
        </td>
        <td className="text-end">{formatNumber(node.weight, localeOf(i18n.language))}</td>
        <td>{node.units.map((u) => u.unit.code).join(', ')}</td>
        <td className="text-end">
          <ScoreBadge score={score?.result} />
        </td>
        <td>
          <EntryState node={node} entry={ctx.entry} />
        </td>
      </tr>
      {open ? children.map((child) => <TreeRow key={child.id} node={child} depth={depth + 1} ctx={ctx} />) : null}
    </>
  );
}

/** /albero?anno=2024&periodo=… */
export function TreePage() {
  const { t } = useTranslation();
  const selected = useSelectedCycle();
  useDocumentTitle(selected.year === undefined ? undefined : t('tree.title', { year: selected.year }));
  const searchId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [{ data, error }] = useQuery({ query: CruscottoQuery, variables: { year: selected.year ?? 0, periodId: selected.period?.id ?? null }, pause: selected.year === undefined });
  const [entryResult] = useQuery({
    query: EntryStateQuery,
    variables: { cycleId: data?.cycle.id ?? '', periodId: selected.period?.id ?? data?.cycle.scorecard.periodId ?? '' },
    pause: !data,
  });
  const index = useMemo(() => (data ? indexTree(data.cycle.nodes) : null), [data]);
  const visible = useMemo(() => (index ? visibleForSearch(index, query) : null), [index, query]);
  if (error) return <PageError error={error} />;
  if (!data || !index) return <Loading />;
  const entry = new Map((entryResult.data?.measurements.edges ?? []).map((e) => [e.node.indicatorId, e.node.status]));
  const ctx: RowContext = {
    index,
    scores: scoresById(data.cycle.scorecard.nodes),
    levels: new Map(data.cycle.levels.map((l) => [l.key, l])),
    entry,
    expanded,
    visible,
    toggle: (id) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
  };
  const roots = index.roots.filter((r) => visible === null || visible.has(r.id));
  return (
    <>
      <h1>{t('tree.title', { year: data.cycle.year })}</h1>
      <CycleSelectors selected={selected} />
      <div className="tree-tools">
        <div className="tree-search">
          <label htmlFor={searchId}>{t('tree.search')}</label>
          <input id={searchId} type="search" className="form-control" value={query} aria-describedby={hintId} onChange={(e) => setQuery(e.target.value)} />
          <small id={hintId} className="form-text">
            {t('tree.searchHint')}
          </small>
        </div>
        <Button color="primary" outline size="sm" onClick={() => setExpanded(new Set(index.byId.keys()))}>
          {t('tree.expandAll')}
        </Button>
        <Button color="primary" outline size="sm" onClick={() => setExpanded(new Set())}>
          {t('tree.collapseAll')}
        </Button>
      </div>
      <p role="status" aria-live="polite" className="visually-hidden">
        {visible ? t('tree.results', { count: [...visible].filter((id) => index.byId.get(id) && query !== '').length }) : ''}
      </p>
      {roots.length === 0 ? <p>{t('tree.noResults')}</p> : null}
      <div className="table-responsive">
        <table className="table table-sm tree-table">
          <caption className="visually-hidden">{t('tree.title', { year: data.cycle.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.code')}</th>
              <th scope="col">{t('common.title')}</th>
              <th scope="col" className="text-end">
                {t('common.weight')}
              </th>
              <th scope="col">{t('common.units')}</th>
              <th scope="col" className="text-end">
                {t('common.result')}
              </th>
              <th scope="col">{t('tree.entry')}</th>
            </tr>
          </thead>
          <tbody>
            {roots.map((root) => (
              <TreeRow key={root.id} node={root} depth={0} ctx={ctx} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
