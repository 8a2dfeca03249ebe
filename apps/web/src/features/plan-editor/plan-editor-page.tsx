// Plan editing for the chamber administrator: levels, nodes, weights (live check that siblings sum to 100),
// indicators, targets, assignment to units and people, edits, moves and (in a draft) deletion of existing nodes
// and indicators, copy of a cycle into the next year.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { CycleSelectors } from '../../components/cycle-selectors.js';
import { can, useSession } from '../../session/session-context.js';
import { CycleWorkflow } from './cycle-workflow.js';
import { LevelsEditor } from './levels-editor.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { rereadQuery, useVersionedSave } from '../../components/form/index.js';
import { IndicatorEditList } from './indicator-edit-form.js';
import { NodeEditForm, NodeMoveForm } from './node-edit-form.js';
import { Loading } from '../../components/loading.js';
import { NodeWeights } from './node-weights.js';
import { formatNumber, localeOf, parseNumber } from '../../format/format.js';
import {
  AssignNodeMutation,
  CopyCycleMutation,
  CreateIndicatorMutation,
  CreateNodeMutation,
  PeopleQuery,
  PlanQuery,
  SetTargetMutation,
  UnitsQuery,
  type PlanData,
} from '../../graphql/operations.js';
import type { TreeNode } from '../../graphql/types.js';
import { useSelectedCycle } from '../../hooks/use-cycle.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';
import { indexTree } from '../../plan/tree.js';

type Cycle = PlanData['cycle'];

function Field({ id, label, value, onChange, type = 'text' }: { id: string; label: string; value: string; onChange: (v: string) => void; type?: string }) {
  return (
    <div className="mb-2">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} className="form-control form-control-sm" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function NewNodeForm({ cycle, parent }: { cycle: Cycle; parent: TreeNode | null }) {
  const { t } = useTranslation();
  const id = useId();
  const parentLevel = parent ? cycle.levels.find((l) => l.key === parent.levelKey) : undefined;
  const defaultLevel = cycle.levels.find((l) => l.position === (parentLevel ? parentLevel.position + 1 : 0))?.key ?? cycle.levels[0]?.key ?? '';
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [weight, setWeight] = useState('');
  const [levelKey, setLevelKey] = useState(defaultLevel);
  const [result, create] = useMutation(CreateNodeMutation);
  return (
    <form
      className="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        const sent = { code, title, weight };
        void create({ cycleId: cycle.id, parentId: parent?.id ?? null, levelKey, code: code.trim(), title: title.trim(), weight: parseNumber(weight) }).then((r) => {
          // Emptied for the next objective, unless the person has already started typing it.
          if (!r.error) {
            setCode((current) => (current === sent.code ? '' : current));
            setTitle((current) => (current === sent.title ? '' : current));
            setWeight((current) => (current === sent.weight ? '' : current));
          }
        });
      }}
    >
      <h3 className="h6">{parent ? t('plan.newNode', { code: parent.code }) : t('plan.newRoot')}</h3>
      <Field id={`${id}-code`} label={t('plan.nodeCode')} value={code} onChange={setCode} />
      <Field id={`${id}-title`} label={t('plan.nodeTitle')} value={title} onChange={setTitle} />
      <div className="mb-2">
        <label htmlFor={`${id}-level`}>{t('plan.nodeLevel')}</label>
        <select id={`${id}-level`} className="form-select form-select-sm" value={levelKey} onChange={(e) => setLevelKey(e.target.value)}>
          {cycle.levels.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <Field id={`${id}-weight`} label={t('plan.nodeWeight')} value={weight} onChange={setWeight} />
      <ErrorAlert error={result.error} />
      {result.data ? <p role="status">{t('plan.nodeCreated')}</p> : null}
      <Button type="submit" color="primary" size="sm" disabled={result.fetching || code.trim() === '' || title.trim() === ''}>
        {t('common.create')}
      </Button>
    </form>
  );
}

function NewIndicatorForm({ node, year }: { node: TreeNode; year: number }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [target, setTargetText] = useState('');
  const [created, create] = useMutation(CreateIndicatorMutation);
  const [targetResult, setTarget] = useMutation(SetTargetMutation);
  return (
    <form
      className="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        const sent = name;
        void create({ nodeId: node.id, name: name.trim() }).then(async (r) => {
          const indicatorId = r.data?.createIndicator.id;
          const value = parseNumber(target);
          if (indicatorId && value !== null) await setTarget({ indicatorId, year, values: { operator: 'gte', valueNumber: value } });
          // Emptied for the next indicator, unless the person has already started typing it.
          if (!r.error) setName((current) => (current === sent ? '' : current));
        });
      }}
    >
      <h3 className="h6">{t('plan.indicator')}</h3>
      <Field id={`${id}-name`} label={t('plan.indicatorName')} value={name} onChange={setName} />
      <Field id={`${id}-target`} label={t('plan.target', { year })} value={target} onChange={setTargetText} />
      <ErrorAlert error={created.error ?? targetResult.error} />
      {created.data ? <p role="status">{t('plan.indicatorCreated')}</p> : null}
      <Button type="submit" color="primary" size="sm" disabled={created.fetching || name.trim() === ''}>
        {t('common.create')}
      </Button>
    </form>
  );
}

/** The units and people chosen for a node. */
type Assignment = { unitIds: ReadonlySet<string>; personIds: ReadonlySet<string> };

function AssignmentForm({ node, year }: { node: TreeNode; year: number }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useClient();
  const [units] = useQuery({ query: UnitsQuery });
  const [people] = useQuery({ query: PeopleQuery });
  const [, assign] = useMutation(AssignNodeMutation);
  const unitsOf = (n: Pick<TreeNode, 'units'>): Assignment => ({ unitIds: new Set(n.units.map((u) => u.unit.id)), personIds: new Set() });
  const form = useVersionedSave({
    read: { values: unitsOf(node), version: node.version },
    // The whole assignment is sent: it replaces the node's units and people.
    diff: (_read, typed: Assignment) => ({ unitIds: [...typed.unitIds], people: [...typed.personIds].map((personId) => ({ personId, role: 'owner' as const })) }),
    isEmpty: () => false,
    send: (version, changes) => assign({ id: node.id, version, ...changes }),
    // Reads the node's current version (someone else changed it) and sends the same assignment again.
    reread: () =>
      rereadQuery(client, PlanQuery, { year }, (data) => {
        const fresh = data.cycle.nodes.find((n) => n.id === node.id);
        return fresh ? { values: unitsOf(fresh), version: fresh.version } : null;
      }),
    // The API answers with the node's new version (the next save goes with it).
    saved: (data, typed) => ({ values: typed, version: data.assignNode.version }),
    describe: (_changes, typed) => [
      { label: t('plan.assignUnits'), value: (units.data?.units.edges ?? []).filter(({ node: u }) => typed.unitIds.has(u.id)).map(({ node: u }) => u.code).join(', ') || '—' },
      { label: t('plan.assignPeople'), value: (people.data?.people.edges ?? []).filter(({ node: p }) => typed.personIds.has(p.id)).map(({ node: p }) => p.displayName).join(', ') || '—' },
    ],
  });
  const { unitIds, personIds } = form.values;
  const setUnitIds = (update: (s: ReadonlySet<string>) => ReadonlySet<string>) => form.setValues((v) => ({ ...v, unitIds: update(v.unitIds) }));
  const setPersonIds = (update: (s: ReadonlySet<string>) => ReadonlySet<string>) => form.setValues((v) => ({ ...v, personIds: update(v.personIds) }));
  const toggle = (set: ReadonlySet<string>, value: string) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };
  return (
    <form
      className="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        void form.submit();
      }}
    >
      <h3 className="h6">{t('plan.assign')}</h3>
      <fieldset>
        <legend className="h6">{t('plan.assignUnits')}</legend>
        {units.data?.units.edges.map(({ node: unit }) => (
          <div className="form-check" key={unit.id}>
            <input id={`${id}-u-${unit.id}`} className="form-check-input" type="checkbox" checked={unitIds.has(unit.id)} onChange={() => setUnitIds((s) => toggle(s, unit.id))} />
            <label htmlFor={`${id}-u-${unit.id}`} className="form-check-label">
              {t('plan.unitOption', { code: unit.code, name: unit.name })}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend className="h6">{t('plan.assignPeople')}</legend>
        {people.data?.people.edges.map(({ node: person }) => (
          <div className="form-check" key={person.id}>
            <input id={`${id}-p-${person.id}`} className="form-check-input" type="checkbox" checked={personIds.has(person.id)} onChange={() => setPersonIds((s) => toggle(s, person.id))} />
            <label htmlFor={`${id}-p-${person.id}`} className="form-check-label">
              {person.displayName}
            </label>
          </div>
        ))}
      </fieldset>
      <ErrorAlert error={form.error} />
      {form.status === 'saved' ? <p role="status">{t('plan.assigned')}</p> : null}
      <Button type="submit" color="primary" size="sm" disabled={form.saving}>
        {t('common.save')}
      </Button>
      {form.dialog}
    </form>
  );
}

function PlanBody({ cycle }: { cycle: Cycle }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useSession();
  const locale = localeOf(i18n.language);
  const selectId = useId();
  const index = useMemo(() => indexTree(cycle.nodes), [cycle.nodes]);
  const [selectedId, setSelectedId] = useState<string>('');
  // A new object each time, so that a second deletion with the same sentence moves focus again.
  const [deletedNotice, setDeletedNotice] = useState<{ text: string } | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const [copyResult, copy] = useMutation(CopyCycleMutation);
  // After a deletion the editor is back on the parent: focus goes to the choice of objective, the message follows.
  useEffect(() => {
    if (deletedNotice) selectRef.current?.focus();
  }, [deletedNotice]);
  const draft = cycle.state === 'draft';
  const selected = selectedId ? (index.byId.get(selectedId) ?? null) : null;
  const children = selected ? (index.children.get(selected.id) ?? []) : index.roots;
  const ordered: { node: TreeNode; depth: number }[] = [];
  const walk = (nodes: TreeNode[], depth: number) => {
    for (const node of nodes) {
      ordered.push({ node, depth });
      walk(index.children.get(node.id) ?? [], depth + 1);
    }
  };
  walk(index.roots, 0);
  return (
    <>
      {!draft ? <p className="alert alert-info">{t('plan.readOnly', { year: cycle.year, state: t(`cycleState.${cycle.state}`).toLowerCase() })}</p> : null}
      <CycleWorkflow cycle={cycle} />
      <section aria-labelledby="levels-heading">
        <h2 id="levels-heading" className="h4">
          {t('plan.levels')}
        </h2>
        <LevelsEditor key={cycle.id} cycle={cycle} canEdit={can(viewer, 'cycle.manage')} />
      </section>
      <section aria-labelledby="issues-heading" className="mt-3">
        <h2 id="issues-heading" className="h4">
          {t('plan.weightsIssues')}
        </h2>
        {cycle.weightIssues.length === 0 ? (
          <p>{t('plan.noIssues')}</p>
        ) : (
          <ul>
            {cycle.weightIssues.map((issue) => (
              <li key={`${issue.parentId}:${issue.of}`}>{t('plan.issueLine', { codes: issue.codes.join(', '), sum: formatNumber(issue.sum, locale) })}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="edit-heading" className="mt-3">
        <h2 id="edit-heading" className="h4">
          {t('plan.editTitle')}
        </h2>
        <label htmlFor={selectId}>{t('plan.select')}</label>
        <select
          id={selectId}
          ref={selectRef}
          className="form-select"
          value={selectedId}
          aria-describedby={deletedNotice ? `${selectId}-deleted` : undefined}
          onChange={(e) => {
            setSelectedId(e.target.value);
            setDeletedNotice(null);
          }}
        >
          <option value="">{t('plan.rootOption')}</option>
          {ordered.map(({ node, depth }) => (
            <option key={node.id} value={node.id}>
              {t('plan.nodeOption', { indent: '\u00a0\u00a0'.repeat(depth), code: node.code, title: node.title })}
            </option>
          ))}
        </select>
        <p id={`${selectId}-deleted`} role="status" className="mt-2 mb-0">
          {deletedNotice?.text}
        </p>
        {selected ? (
          <div className="row g-4 mt-1">
            <div className="col-lg-6">
              <NodeEditForm
                key={selected.id}
                nodeId={selected.id}
                cycleState={cycle.state}
                year={cycle.year}
                onDeleted={
                  can(viewer, 'node.delete')
                    ? (deleted, summary) => {
                        setSelectedId(deleted.parent?.id ?? '');
                        setDeletedNotice({ text: summary });
                      }
                    : undefined
                }
              />
              <NodeMoveForm key={`move-${selected.id}`} node={selected} index={index} levels={cycle.levels} cycleState={cycle.state} />
            </div>
            <div className="col-lg-6">
              <IndicatorEditList key={selected.id} nodeId={selected.id} cycleState={cycle.state} year={cycle.year} canDelete={can(viewer, 'indicator.delete')} />
            </div>
          </div>
        ) : null}
        <div className="row g-4 mt-1">
          <div className="col-lg-6">
            {children.length > 0 ? <NodeWeights key={selectedId} year={cycle.year} parent={selected} items={children} disabled={!draft || selected === null} /> : null}
          </div>
          <div className="col-lg-6">
            {/* Distinct keys among these siblings (the same node id twice made React keep a stale form). */}
            {draft ? <NewNodeForm key={`new-${selectedId}`} cycle={cycle} parent={selected} /> : null}
            {draft && selected ? <NewIndicatorForm node={selected} year={cycle.year} /> : null}
            {selected ? <AssignmentForm key={`assign-${selected.id}`} node={selected} year={cycle.year} /> : null}
          </div>
        </div>
      </section>
      <section aria-labelledby="copy-heading" className="mt-4">
        <h2 id="copy-heading" className="h4">
          {t('plan.copy', { year: cycle.year + 1 })}
        </h2>
        <ErrorAlert error={copyResult.error} />
        {copyResult.data ? <p role="status">{t('plan.copyDone', { year: copyResult.data.copyCycle.year })}</p> : null}
        <Button color="primary" outline onClick={() => void copy({ fromCycleId: cycle.id, year: cycle.year + 1 })} disabled={copyResult.fetching}>
          {t('plan.copy', { year: cycle.year + 1 })}
        </Button>
      </section>
    </>
  );
}

/** /piano?anno=… */
export function PlanEditorPage() {
  const { t } = useTranslation();
  const selected = useSelectedCycle();
  useDocumentTitle(t('plan.title', { year: selected.year ?? '' }));
  const [{ data, error }] = useQuery({ query: PlanQuery, variables: { year: selected.year ?? 0 }, pause: selected.year === undefined });
  return (
    <>
      <h1>{t('plan.title', { year: selected.year ?? '' })}</h1>
      <p>{t('plan.intro')}</p>
      <CycleSelectors selected={selected} showPeriod={false} />
      <ErrorAlert error={error} />
      {data ? <PlanBody key={data.cycle.id} cycle={data.cycle} /> : error ? null : <Loading />}
    </>
  );
}
