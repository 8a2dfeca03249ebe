// The cycle's life for the chamber administrator: approval by the Giunta (resolution), closing after the
// monitoring, publication once the OIV has validated the Relazione.
import { useId, useState } from 'react';
import { Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useSession } from '../../session/session-context.js';
import { ApproveCycleMutation, CloseCycleMutation, PublishCycleMutation } from '../../graphql/operations.js';
import type { CycleState } from '../../graphql/types.js';
import { ErrorAlert } from '../../components/error-alert.js';

export function CycleWorkflow({ cycle }: { cycle: { id: string; year: number; state: CycleState; version: number } }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const id = useId();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [approval, approve] = useMutation(ApproveCycleMutation);
  const [closing, close] = useMutation(CloseCycleMutation);
  const [publication, publish] = useMutation(PublishCycleMutation);
  const chamber = viewer.chamber?.code.toLowerCase();
  return (
    <section aria-labelledby={`${id}-title`} className="mt-4">
      <h2 id={`${id}-title`} className="h4">
        {t('workflow.title')}
      </h2>
      <p>{t('workflow.state', { state: t(`cycleState.${cycle.state}`).toLowerCase() })}</p>
      <ErrorAlert error={approval.error ?? closing.error ?? publication.error} />
      {cycle.state === 'draft' ? (
        <form
          className="plan-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (number.trim() && date) void approve({ id: cycle.id, version: cycle.version, resolutionNumber: number.trim(), resolutionDate: date });
          }}
        >
          <p>{t('workflow.approveIntro')}</p>
          <div className="d-flex flex-wrap gap-3 align-items-end">
            <div>
              <label htmlFor={`${id}-number`}>{t('workflow.resolutionNumber')}</label>
              <input id={`${id}-number`} className="form-control form-control-sm" value={number} onChange={(e) => setNumber(e.target.value)} />
            </div>
            <div>
              <label htmlFor={`${id}-date`}>{t('workflow.resolutionDate')}</label>
              <input id={`${id}-date`} type="date" className="form-control form-control-sm" value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
            <Button type="submit" color="primary" size="sm" disabled={approval.fetching || !number.trim() || !date}>
              {t('workflow.approve')}
            </Button>
          </div>
        </form>
      ) : null}
      {cycle.state === 'approved' || cycle.state === 'monitoring' ? (
        <>
          <p>{t('workflow.closeIntro')}</p>
          <Button color="primary" outline disabled={closing.fetching} onClick={() => void close({ id: cycle.id, version: cycle.version })}>
            {t('workflow.close', { year: cycle.year })}
          </Button>
        </>
      ) : null}
      {cycle.state === 'closed' ? (
        <>
          <p>{t('workflow.publishIntro')}</p>
          <Button color="primary" disabled={publication.fetching} onClick={() => void publish({ id: cycle.id, version: cycle.version })}>
            {t('workflow.publish', { year: cycle.year })}
          </Button>
        </>
      ) : null}
      {cycle.state === 'published' && chamber ? (
        <p>
          <a href={`/pubblico/${chamber}/${cycle.year}`}>{t('workflow.publicPage')}</a>
        </p>
      ) : null}
    </section>
  );
}
