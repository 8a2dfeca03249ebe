// Administration of a chamber: organisational units, people and their units (roles live in Keycloak).
import { useId, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { UnitSelect } from '../components/unit-select.js';
import { CreatePersonMutation, CreateUnitMutation, PeopleQuery, UnitsQuery, UpdatePersonMutation } from '../graphql/operations.js';
import type { OrgUnit, Person, UnitKind } from '../graphql/types.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';

const UNIT_KINDS: readonly UnitKind[] = ['area', 'servizio', 'ufficio', 'uo', 'staff', 'segreteria', 'azienda_speciale'];

function NewUnitForm({ units }: { units: OrgUnit[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('uo');
  const [parentId, setParentId] = useState('');
  const [result, create] = useMutation(CreateUnitMutation);
  return (
    <form
      className="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create({ code: code.trim(), name: name.trim(), kind, parentId: parentId || null }).then((r) => {
          if (!r.error) {
            setCode('');
            setName('');
          }
        });
      }}
    >
      <h3 className="h6">{t('admin.newUnit')}</h3>
      <label htmlFor={`${id}-code`}>{t('admin.unitCode')}</label>
      <input id={`${id}-code`} className="form-control form-control-sm" value={code} onChange={(e) => setCode(e.target.value)} />
      <label htmlFor={`${id}-name`}>{t('admin.unitName')}</label>
      <input id={`${id}-name`} className="form-control form-control-sm" value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-kind`}>{t('admin.unitKind')}</label>
      <select id={`${id}-kind`} className="form-select form-select-sm" value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
        {UNIT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`admin.unitKinds.${k}`)}
          </option>
        ))}
      </select>
      <UnitSelect id={`${id}-parent`} label={t('admin.unitParent')} units={units} value={parentId} onChange={setParentId} />
      <ErrorAlert error={result.error} />
      {result.data ? <p role="status">{t('admin.unitCreated')}</p> : null}
      <Button type="submit" color="primary" size="sm" className="mt-2" disabled={result.fetching || code.trim() === '' || name.trim() === ''}>
        {t('common.create')}
      </Button>
    </form>
  );
}

function NewPersonForm({ units }: { units: OrgUnit[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [unitId, setUnitId] = useState('');
  const [result, create] = useMutation(CreatePersonMutation);
  return (
    <form
      className="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create({ username: username.trim(), displayName: displayName.trim(), email: email.trim() || null, units: unitId ? [{ unitId, head: false }] : null });
      }}
    >
      <h3 className="h6">{t('admin.newPerson')}</h3>
      <label htmlFor={`${id}-username`}>{t('admin.username')}</label>
      <input id={`${id}-username`} className="form-control form-control-sm" value={username} onChange={(e) => setUsername(e.target.value)} />
      <label htmlFor={`${id}-name`}>{t('admin.displayName')}</label>
      <input id={`${id}-name`} className="form-control form-control-sm" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      <label htmlFor={`${id}-email`}>{t('admin.email')}</label>
      <input id={`${id}-email`} type="email" className="form-control form-control-sm" value={email} onChange={(e) => setEmail(e.target.value)} />
      <UnitSelect id={`${id}-unit`} label={t('admin.units')} units={units} value={unitId} onChange={setUnitId} />
      <ErrorAlert error={result.error} />
      {result.data ? <p role="status">{t('admin.personCreated')}</p> : null}
      <Button type="submit" color="primary" size="sm" className="mt-2" disabled={result.fetching || username.trim() === '' || displayName.trim() === ''}>
        {t('common.create')}
      </Button>
    </form>
  );
}

function PersonRow({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [result, update] = useMutation(UpdatePersonMutation);
  return (
    <tr>
      <th scope="row">{person.displayName}</th>
      <td>{person.username}</td>
      <td>{person.units.map((u) => (u.head ? t('admin.unitHead', { code: u.unit.code }) : u.unit.code)).join(', ')}</td>
      <td>{person.position ?? ''}</td>
      <td>
        {person.active ? t('admin.active') : t('admin.inactive')}
        <ErrorAlert error={result.error} />
      </td>
      <td>
        <Button color="primary" outline size="sm" disabled={result.fetching} onClick={() => void update({ id: person.id, version: person.version, active: !person.active })}>
          {person.active ? t('admin.deactivate') : t('admin.activate')}
        </Button>
      </td>
    </tr>
  );
}

/** /amministrazione */
export function AdministrationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.title'));
  const [units] = useQuery({ query: UnitsQuery });
  const [people] = useQuery({ query: PeopleQuery });
  const unitList = units.data?.units.edges.map((e) => e.node) ?? [];
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <section aria-labelledby="units-heading">
        <h2 id="units-heading" className="h4">
          {t('admin.units')}
        </h2>
        <ErrorAlert error={units.error} />
        {!units.data && !units.error ? <Loading /> : null}
        <div className="row g-4">
          <div className="col-lg-8">
            <table className="table table-sm">
              <caption className="visually-hidden">{t('admin.units')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.unitCode')}</th>
                  <th scope="col">{t('admin.unitName')}</th>
                  <th scope="col">{t('admin.unitKind')}</th>
                  <th scope="col">{t('admin.unitParent')}</th>
                </tr>
              </thead>
              <tbody>
                {unitList.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.code}</th>
                    <td>{u.name}</td>
                    <td>{t(`admin.unitKinds.${u.kind}`)}</td>
                    <td>{unitList.find((p) => p.id === u.parentId)?.code ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="col-lg-4">
            <NewUnitForm units={unitList} />
          </div>
        </div>
      </section>
      <section aria-labelledby="people-heading" className="mt-4">
        <h2 id="people-heading" className="h4">
          {t('admin.people')}
        </h2>
        <p className="text-secondary">{t('admin.rolesNote')}</p>
        <ErrorAlert error={people.error} />
        <div className="row g-4">
          <div className="col-lg-8">
            <table className="table table-sm">
              <caption className="visually-hidden">{t('admin.people')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.displayName')}</th>
                  <th scope="col">{t('admin.username')}</th>
                  <th scope="col">{t('admin.units')}</th>
                  <th scope="col">{t('admin.position')}</th>
                  <th scope="col">{t('common.state')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {people.data?.people.edges.map((e) => (
                  <PersonRow key={e.node.id} person={e.node} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="col-lg-4">
            <NewPersonForm units={unitList} />
          </div>
        </div>
      </section>
    </>
  );
}
