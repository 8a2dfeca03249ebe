// Valutazioni individuali: the people whose individual scorecard the signed-in user may consult in the chosen
// cycle (the administration and the OIV: everyone; a manager: the people of their units and of the units below;
// never oneself), one person's scorecard with its explanation in sentences and, for the administration, the
// appraisal form (role profile, behaviour score, note). Everyone else is refused in plain Italian.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { can, useSession } from '../../session/session-context.js';
import { AppraisalForm } from './appraisal-form.js';
import { CycleSelectors } from '../../components/cycle-selectors.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { IndividualScorecardView } from './individual-scorecard.js';
import { Loading } from '../../components/loading.js';
import { formatDate, localeOf } from '../../format/format.js';
import {
  AppraisalPeopleQuery,
  CycleRoleProfilesQuery,
  PersonScorecardQuery,
  roleProfilesOf,
  type AppraisalPerson,
  type AppraisalUnit,
} from './appraisal-operations.js';
import type { Viewer } from '../../graphql/types.js';
import { useSelectedCycle } from '../../hooks/use-cycle.js';
import { useDocumentTitle } from '../../hooks/use-document-title.js';

/** Whether the viewer may consult anyone's scorecard (API: scorecard.read, everywhere or on their units). */
export function mayConsultScorecards(viewer: Viewer): boolean {
  return viewer.kind === 'member' && can(viewer, 'scorecard.read', true);
}

/** The units given and every unit below them. */
function unitsAndBelow(roots: readonly string[], units: readonly AppraisalUnit[]): Set<string> {
  const found = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) {
      if (u.parentId !== null && found.has(u.parentId) && !found.has(u.id)) {
        found.add(u.id);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * The active people whose scorecard the viewer may consult, by name: everyone with scorecard.read everywhere
 * (administration, OIV); with it on their units only (managers), the people of the viewer's units or of the
 * units below them. Never the viewer: nobody appraises themself (their own scorecard is on "I miei obiettivi").
 */
export function consultablePeople(viewer: Viewer, people: readonly AppraisalPerson[], units: readonly AppraisalUnit[]): AppraisalPerson[] {
  const me = viewer.person?.id;
  const others = people.filter((p) => p.active && p.id !== me);
  let allowed: AppraisalPerson[] = [];
  if (can(viewer, 'scorecard.read')) allowed = others;
  else if (can(viewer, 'scorecard.read', true)) {
    const mine = people.find((p) => p.id === me)?.units.map((u) => u.unit.id) ?? [];
    const scope = unitsAndBelow(mine, units);
    allowed = others.filter((p) => p.units.some((u) => scope.has(u.unit.id)));
  }
  return [...allowed].sort((a, b) => a.displayName.localeCompare(b.displayName, 'it'));
}

function PeopleTable({ people, selectedId }: { people: AppraisalPerson[]; selectedId: string | null }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const hrefOf = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('persona', id);
    return `?${next.toString()}`;
  };
  if (people.length === 0) return <p>{t('appraisal.noPeople')}</p>;
  return (
    <table className="table" data-testid="appraisal-people">
      <caption>{t('appraisal.peopleCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('appraisal.colPerson')}</th>
          <th scope="col">{t('appraisal.colPosition')}</th>
          <th scope="col">{t('appraisal.colUnits')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id} className={p.id === selectedId ? 'table-active' : undefined}>
            <th scope="row">
              <Link to={hrefOf(p.id)} aria-current={p.id === selectedId ? 'true' : undefined}>
                {p.displayName}
              </Link>
              {p.id === selectedId ? <span className="visually-hidden"> {t('appraisal.selected')}</span> : null}
            </th>
            <td>{p.position ?? '—'}</td>
            <td>{p.units.map((u) => u.unit.name).join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PersonScorecardSection({ person, cycleId, year }: { person: AppraisalPerson; cycleId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useSession();
  const mayRecord = can(viewer, 'appraisal.manage');
  const [card, reexecute] = useQuery({ query: PersonScorecardQuery, variables: { personId: person.id, cycleId }, requestPolicy: 'cache-and-network' });
  const [cycle] = useQuery({ query: CycleRoleProfilesQuery, variables: { cycleId }, pause: !mayRecord });
  const data = card.data?.personScorecard;
  const profiles = roleProfilesOf(cycle.data?.cycle.smvp);
  return (
    <section aria-labelledby="appraisal-person-heading" className="mt-4" data-testid="appraisal-person">
      <h2 id="appraisal-person-heading" className="h3">
        {t('appraisal.scorecardOf', { name: person.displayName })}
      </h2>
      <ErrorAlert error={card.error} />
      {!data ? (
        card.error ? null : <Loading />
      ) : (
        <>
          {data.periodDate ? <p className="text-secondary">{t('appraisal.periodNote', { date: formatDate(data.periodDate, localeOf(i18n.language)) })}</p> : null}
          <IndividualScorecardView data={data} own={false} />
          {!mayRecord ? (
            <p className="alert alert-info mt-3">{t('appraisal.readOnly')}</p>
          ) : cycle.error ? (
            <ErrorAlert error={cycle.error} />
          ) : !cycle.data ? (
            <Loading />
          ) : profiles.length === 0 ? (
            <p className="alert alert-warning mt-3">{t('appraisal.noProfiles')}</p>
          ) : (
            <AppraisalForm
              key={`${person.id}:${cycleId}`}
              personId={person.id}
              personName={person.displayName}
              cycleId={cycleId}
              year={year}
              profiles={profiles}
              appraisal={data.appraisal}
              onSaved={() => reexecute({ requestPolicy: 'network-only' })}
            />
          )}
        </>
      )}
    </section>
  );
}

/** /valutazioni?anno=&persona= */
export function AppraisalsPage() {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const selected = useSelectedCycle();
  const [params] = useSearchParams();
  const allowed = mayConsultScorecards(viewer);
  useDocumentTitle(t('appraisal.title'));
  const [{ data, error }] = useQuery({ query: AppraisalPeopleQuery, pause: !allowed, requestPolicy: 'cache-and-network' });
  if (!allowed) {
    return (
      <>
        <h1>{t('appraisal.title')}</h1>
        <p className="alert alert-danger" role="alert" data-testid="appraisal-refused">
          {t('appraisal.refused')}
        </p>
        <Link to="/">{t('app.goHome')}</Link>
      </>
    );
  }
  const people = data ? consultablePeople(viewer, data.people.edges.map((e) => e.node), data.units.edges.map((e) => e.node)) : [];
  const personId = params.get('persona');
  const person = people.find((p) => p.id === personId);
  const cycle = selected.cycle;
  return (
    <>
      <h1>{t('appraisal.title')}</h1>
      <p>{t('appraisal.intro')}</p>
      <CycleSelectors selected={selected} showPeriod={false} />
      <ErrorAlert error={error} />
      <h2 className="h4">{t('appraisal.peopleTitle')}</h2>
      {!data ? error ? null : <Loading /> : <PeopleTable people={people} selectedId={person?.id ?? null} />}
      {data && personId && !person ? <p className="alert alert-warning">{t('appraisal.unknownPerson')}</p> : null}
      {data && !personId && people.length > 0 ? <p className="text-secondary">{t('appraisal.choose')}</p> : null}
      {person && cycle ? <PersonScorecardSection key={`${person.id}:${cycle.id}`} person={person} cycleId={cycle.id} year={cycle.year} /> : null}
    </>
  );
}
