// The signed-in routes; every screen is a lazily loaded chunk so that the first load stays small.
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './layout.js';
import { useSession } from '../session/session-context.js';

function Home() {
  const { viewer } = useSession();
  const home = viewer.kind === 'member' ? '/cruscotto' : viewer.kind === 'unioncamere' ? '/unioncamere' : '/piattaforma';
  return <Navigate to={home} replace />;
}

export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Home /> },
      { path: 'cruscotto', lazy: () => import('../routes/cruscotto.js').then((m) => ({ Component: m.CruscottoPage })) },
      { path: 'albero', lazy: () => import('../routes/tree.js').then((m) => ({ Component: m.TreePage })) },
      { path: 'obiettivi/:nodeId', lazy: () => import('../routes/node-detail.js').then((m) => ({ Component: m.NodeDetailPage })) },
      { path: 'indicatori/:indicatorId', lazy: () => import('../routes/indicator-detail.js').then((m) => ({ Component: m.IndicatorDetailPage })) },
      { path: 'inserimento', lazy: () => import('../features/data-entry/data-entry-page.js').then((m) => ({ Component: m.DataEntryPage })) },
      { path: 'miei-obiettivi', lazy: () => import('../routes/my-objectives.js').then((m) => ({ Component: m.MyObjectivesPage })) },
      { path: 'valutazioni', lazy: () => import('../features/appraisals/appraisals-page.js').then((m) => ({ Component: m.AppraisalsPage })) },
      { path: 'oiv', lazy: () => import('../routes/oiv.js').then((m) => ({ Component: m.OivPage })) },
      { path: 'piano', lazy: () => import('../features/plan-editor/plan-editor-page.js').then((m) => ({ Component: m.PlanEditorPage })) },
      { path: 'amministrazione', lazy: () => import('../routes/administration.js').then((m) => ({ Component: m.AdministrationPage })) },
      { path: 'piattaforma', lazy: () => import('../routes/platform.js').then((m) => ({ Component: m.PlatformPage })) },
      { path: 'confronto', lazy: () => import('../features/benchmarking/benchmark-page.js').then((m) => ({ Component: m.BenchmarkPage })) },
      { path: 'unioncamere', lazy: () => import('../features/benchmarking/unioncamere-page.js').then((m) => ({ Component: m.UnioncamerePage })) },
      { path: '*', lazy: () => import('../routes/not-found.js').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
];

/** The browser router of the signed-in application. */
export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
