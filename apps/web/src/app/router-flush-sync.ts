// ReactDOM's flushSync in the shape React Router's <RouterProvider flushSync> expects (what `react-router/dom`
// passes; imported from there, Vitest would load a second copy of the router and its contexts). With it, a
// navigation made with `{ flushSync: true }` renders in the same task as its history entry: see
// hooks/use-search-param-updater.ts.
import { flushSync } from 'react-dom';

export function routerFlushSync(fn: () => unknown): undefined {
  flushSync(fn);
}
