// What a failed journey leaves behind, so that a failure on CI can be understood without running it again: for
// every page still open, a full-page screenshot (test-results/failures/) and, on stderr, its URL, the alerts on
// screen and the last things it heard (GraphQL errors by operation and code, HTTP errors, console errors,
// uncaught exceptions).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { REPO_ROOT } from '@albero/db';

export const FAILURES = join(REPO_ROOT, 'test-results/failures');
const KEPT = 40;

type Watched = { page: Page; events: string[] };
const watched = new Set<Watched>();

const time = () => new Date().toISOString().slice(11, 23);

function remember(entry: Watched, event: string): void {
  entry.events.push(`${time()} ${event}`);
  if (entry.events.length > KEPT) entry.events.shift();
}

function watchPage(page: Page): void {
  const entry: Watched = { page, events: [] };
  watched.add(entry);
  page.on('close', () => watched.delete(entry));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) remember(entry, `navigated ${frame.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') remember(entry, `console error: ${message.text().slice(0, 300)}`);
  });
  page.on('pageerror', (error) => remember(entry, `uncaught: ${error.message.slice(0, 300)}`));
  page.on('requestfailed', (request) => remember(entry, `request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    const request = response.request();
    if (response.status() >= 400) remember(entry, `HTTP ${response.status()} ${request.method()} ${response.url()}`);
    if (request.method() !== 'POST' || !response.url().endsWith('/graphql')) return;
    const body = request.postDataJSON() as { operationName?: string } | null;
    const operation = body?.operationName ?? '(anonymous)';
    response
      .json()
      .then((json: { errors?: { message: string; extensions?: { code?: string } }[] }) => {
        const errors = json.errors ?? [];
        remember(entry, errors.length === 0 ? `graphql ${operation} ok` : `graphql ${operation} errors: ${errors.map((e) => `${e.extensions?.code ?? '?'} ${e.message}`).join(' | ').slice(0, 400)}`);
      })
      .catch(() => remember(entry, `graphql ${operation}: unreadable answer (${response.status()})`));
  });
}

/** Follows every page of the context (called by newContext in browser.ts). */
export function watchContext(context: BrowserContext): void {
  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
}

const slug = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  await mkdir(FAILURES, { recursive: true });
  const name = slug(`${context.task.file.name}-${context.task.name}`);
  let index = 0;
  for (const entry of [...watched]) {
    if (entry.page.isClosed()) continue;
    index += 1;
    const file = join(FAILURES, `${name}-${index}.png`);
    const shot = await entry.page.screenshot({ path: file, fullPage: true, timeout: 10_000 }).then(
      () => file,
      (error: Error) => `no screenshot (${error.message})`,
    );
    const alerts = await entry.page
      .locator('[role=alert], .alert, .invalid-feedback')
      .allTextContents()
      .catch(() => []);
    process.stderr.write(
      [
        `\n[e2e failure] ${context.task.name} — page ${index}: ${entry.page.url()}`,
        `  screenshot: ${shot}`,
        `  alerts on screen: ${alerts.map((a) => a.trim()).filter(Boolean).join(' | ') || '(none)'}`,
        '  last events:',
        ...entry.events.map((e) => `    ${e}`),
        '',
      ].join('\n'),
    );
  }
});
