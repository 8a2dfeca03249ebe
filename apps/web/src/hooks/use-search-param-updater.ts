// Updates of the query string that never lose an earlier one.
//
// React Router's functional `setSearchParams(fn)` hands `fn` the parameters of the render that created the setter,
// not the latest URL (remix-run/react-router#9757). Navigations run in a React transition, so when someone changes
// two selectors quickly (indicator, then year) the second update can be computed from a render that has not yet
// seen the first, and the first choice is silently dropped. This hook merges every update into the URL the router
// has already committed to the browser's history, which is always current.
//
// The navigation is committed with `flushSync`: the router pushes the new URL to the history and React renders
// the screen for it in the same task, so the address, the selectors and the figures under them never disagree.
// In a transition (the router's default) the URL led the screen by one render: for a moment the address said
// `anno=2024` while the selector and the ranking still showed 2023 (audit item 20). `flushSync` needs the
// router to be given ReactDOM's `flushSync` (`<RouterProvider flushSync>` in signed-in-app.tsx and public-app.tsx).
import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';

export type SearchParamUpdate = (params: URLSearchParams) => void;

/** Returns `update(mutate, { replace })`: `mutate` edits a copy of the latest query string. */
export function useSearchParamUpdater(): (mutate: SearchParamUpdate, options?: { replace?: boolean }) => void {
  const navigate = useNavigate();
  const location = useLocation();
  return useCallback(
    (mutate, options) => {
      // Browser routers keep window.location in step with history.pushState; other routers (tests) fall back to
      // the location of this render.
      const live = typeof window !== 'undefined' && window.location.pathname === location.pathname ? window.location.search : location.search;
      const next = new URLSearchParams(live);
      mutate(next);
      const search = next.toString();
      void navigate({ pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash }, { replace: options?.replace ?? false, flushSync: true });
    },
    [navigate, location.pathname, location.search, location.hash],
  );
}
