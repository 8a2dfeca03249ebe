// Audit item 20: a selector kept in the URL and the figures under it must never disagree with the address, not
// even for the moment between the router's history.pushState and React's render. The check runs in a microtask
// queued by pushState itself: any render the router leaves to a transition (its default) has not happened yet
// then, so the test fails on a transition and passes only when the URL and the screen commit together.
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RouterProvider, createBrowserRouter, useSearchParams } from 'react-router';
import { useSearchParamUpdater } from '../src/hooks/use-search-param-updater.js';
import { routerFlushSync } from '../src/app/router-flush-sync.js';

function YearAndIndicator() {
  const [params] = useSearchParams();
  const update = useSearchParamUpdater();
  const year = params.get('anno') ?? '2024';
  const code = params.get('codice') ?? '1.1.1';
  return (
    <>
      <label htmlFor="code">Indicatore</label>
      <select id="code" value={code} onChange={(e) => update((next) => next.set('codice', e.target.value))}>
        <option value="1.1.1">1.1.1</option>
        <option value="1.2.2">1.2.2</option>
      </select>
      <label htmlFor="year">Anno</label>
      <select id="year" value={year} onChange={(e) => update((next) => next.set('anno', e.target.value))}>
        <option value="2023">2023</option>
        <option value="2024">2024</option>
      </select>
      <p data-testid="shown">
        {code} {year}
      </p>
    </>
  );
}

/** What the screen showed right after each history entry was written: [url, shown text, selected year]. */
let seen: [string, string, string][] = [];
const originalPush = window.history.pushState.bind(window.history);
const originalReplace = window.history.replaceState.bind(window.history);

function recordAfter(write: History['pushState']): History['pushState'] {
  return (data, unused, url) => {
    write(data, unused, url);
    queueMicrotask(() => {
      const shown = document.querySelector('[data-testid="shown"]')?.textContent ?? '';
      const year = (document.getElementById('year') as HTMLSelectElement | null)?.value ?? '';
      seen.push([window.location.search, shown, year]);
    });
  };
}

/** A person's choice, dispatched as the browser does: outside React's act(), which would flush every update at once. */
function choose(label: string, value: string): void {
  const select = screen.getByLabelText<HTMLSelectElement>(label);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

const reactActEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeEach(() => {
  reactActEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
  seen = [];
  originalReplace(null, '', '/confronto');
  window.history.pushState = recordAfter(originalPush);
});
afterEach(() => {
  reactActEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
  window.history.pushState = originalPush;
});

describe('useSearchParamUpdater', () => {
  it('commits the screen in the same task as the URL: the address, the selector and the figures agree at once', async () => {
    const router = createBrowserRouter([{ path: '/confronto', element: <YearAndIndicator /> }]);
    render(<RouterProvider router={router} flushSync={routerFlushSync} />);
    await waitFor(() => expect(screen.getByTestId('shown')).toHaveTextContent('1.1.1 2024'));
    choose('Indicatore', '1.2.2');
    await settle();
    choose('Anno', '2023');
    await settle();
    choose('Anno', '2024');
    await settle();
    expect(seen).toEqual([
      ['?codice=1.2.2', '1.2.2 2024', '2024'],
      ['?codice=1.2.2&anno=2023', '1.2.2 2023', '2023'],
      ['?codice=1.2.2&anno=2024', '1.2.2 2024', '2024'],
    ]);
    expect(screen.getByTestId('shown')).toHaveTextContent('1.2.2 2024');
    router.dispose();
  });
});
