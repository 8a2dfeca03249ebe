// For the platform operator: the subscribed chambers (subscribe, suspend, resume). The Unioncamere analyst
// sees the links to the chambers' public pages.
import { useId, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../session/session-context.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { formatDate, localeOf } from '../format/format.js';
import { ChambersQuery, ResumeChamberMutation, SubscribeChamberMutation, SuspendChamberMutation } from '../graphql/operations.js';
import type { Chamber } from '../graphql/types.js';
import { useDocumentTitle } from '../hooks/use-document-title.js';

function ChamberRow({ chamber }: { chamber: Chamber }) {
  const { t, i18n } = useTranslation();
  const [suspended, suspend] = useMutation(SuspendChamberMutation);
  const [resumed, resume] = useMutation(ResumeChamberMutation);
  const active = chamber.subscriptionStatus === 'active' || chamber.subscriptionStatus === 'trial';
  return (
    <tr>
      <th scope="row">{chamber.code}</th>
      <td>{chamber.name}</td>
      <td>{chamber.region ?? ''}</td>
      <td>
        {t(`platform.statuses.${chamber.subscriptionStatus}`)}
        {chamber.subscribedAt ? <div className="small text-secondary">{t('platform.since', { date: formatDate(chamber.subscribedAt.slice(0, 10), localeOf(i18n.language)) })}</div> : null}
        <ErrorAlert error={suspended.error ?? resumed.error} />
      </td>
      <td>
        {active ? (
          <Button color="danger" outline size="sm" onClick={() => void suspend({ id: chamber.id, version: chamber.version })}>
            {t('platform.suspend')}
          </Button>
        ) : (
          <Button color="primary" size="sm" onClick={() => void resume({ id: chamber.id, version: chamber.version })}>
            {t('platform.resume')}
          </Button>
        )}
      </td>
    </tr>
  );
}

function SubscribeForm() {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [result, subscribe] = useMutation(SubscribeChamberMutation);
  return (
    <form
      className="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        void subscribe({ code: code.trim().toLowerCase(), name: name.trim(), region: region.trim() || null });
      }}
    >
      <h2 className="h5">{t('platform.subscribe')}</h2>
      <label htmlFor={`${id}-code`}>{t('platform.code')}</label>
      <input id={`${id}-code`} className="form-control form-control-sm" value={code} onChange={(e) => setCode(e.target.value)} />
      <label htmlFor={`${id}-name`}>{t('common.name')}</label>
      <input id={`${id}-name`} className="form-control form-control-sm" value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-region`}>{t('platform.region')}</label>
      <input id={`${id}-region`} className="form-control form-control-sm" value={region} onChange={(e) => setRegion(e.target.value)} />
      <ErrorAlert error={result.error} />
      {result.data ? <p role="status">{t('platform.subscribed')}</p> : null}
      <Button type="submit" color="primary" size="sm" className="mt-2" disabled={result.fetching || code.trim() === '' || name.trim() === ''}>
        {t('common.create')}
      </Button>
    </form>
  );
}

function Chambers() {
  const { t } = useTranslation();
  const [{ data, error }] = useQuery({ query: ChambersQuery });
  return (
    <div className="row g-4">
      <div className="col-lg-8">
        <ErrorAlert error={error} />
        {!data && !error ? <Loading /> : null}
        <table className="table table-sm">
          <caption>{t('platform.chambers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('platform.code')}</th>
              <th scope="col">{t('common.name')}</th>
              <th scope="col">{t('platform.region')}</th>
              <th scope="col">{t('platform.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data?.chambers.edges.map((e) => (
              <ChamberRow key={e.node.id} chamber={e.node} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="col-lg-4">
        <SubscribeForm />
      </div>
    </div>
  );
}

/** /piattaforma */
export function PlatformPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('platform.title'));
  const { viewer } = useSession();
  return (
    <>
      <h1>{t('platform.title')}</h1>
      {viewer.kind === 'platform' ? <Chambers /> : <p>{t('platform.analystIntro')}</p>}
      <section aria-labelledby="public-heading" className="mt-4">
        <h2 id="public-heading" className="h5">
          {t('platform.publicPages')}
        </h2>
        <ul>
          <li>
            <a href="/pubblico/so/2024">{t('platform.publicExample')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
