// The signed-in application: urql client with the session's token, the viewer and their cycles, the router.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { Provider, useQuery } from 'urql';
import type { Session } from '../auth/keycloak.js';
import { ErrorAlert } from '../components/error-alert.js';
import { Loading } from '../components/loading.js';
import { createApiClient } from '../graphql/client.js';
import { CyclesQuery, ViewerQuery } from '../graphql/operations.js';
import { createAppRouter } from './routes.js';
import { SessionContext, type SessionState } from '../session/session-context.js';
import { routerFlushSync } from './router-flush-sync.js';

const context = { additionalTypenames: ['Cycle'] };

function SessionLoader({ session }: { session: Session }) {
  const { t } = useTranslation();
  const [viewerResult] = useQuery({ query: ViewerQuery });
  const viewer = viewerResult.data?.viewer;
  const [cyclesResult] = useQuery({ query: CyclesQuery, pause: viewer?.kind !== 'member', context });
  const router = useMemo(() => createAppRouter(), []);
  const state = useMemo<SessionState | null>(
    () => (viewer ? { session, viewer, cycles: [...(cyclesResult.data?.cycles ?? [])].sort((a, b) => b.year - a.year) } : null),
    [session, viewer, cyclesResult.data],
  );
  const error = viewerResult.error ?? cyclesResult.error;
  if (error) {
    return (
      <main id="contenuto" className="container py-5">
        <h1>{t('errors.title')}</h1>
        <ErrorAlert error={error} />
      </main>
    );
  }
  if (!state || (viewer?.kind === 'member' && !cyclesResult.data)) {
    return (
      <main id="contenuto" className="container py-5">
        <Loading />
      </main>
    );
  }
  return (
    <SessionContext.Provider value={state}>
      <RouterProvider router={router} flushSync={routerFlushSync} />
    </SessionContext.Provider>
  );
}

/** Everything behind the login. */
export function SignedInApp({ session }: { session: Session }) {
  const client = useMemo(() => createApiClient(session), [session]);
  return (
    <Provider value={client}>
      <SessionLoader session={session} />
    </Provider>
  );
}
