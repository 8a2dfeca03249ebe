// Debian's Chromium through playwright-core (no browser download), and the sign-in through the real login page.
import { appendFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import playwright, { type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { REPO_ROOT } from '@albero/db';
import { watchContext } from './diagnostics.js';

export const SCREENSHOTS = join(REPO_ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type BrowserSession = { browser: Browser; close(): Promise<void> };

/** The GraphQL requests (POSTs to the API) of one browser page, by the path of the screen that sent them. */
export type PageRequests = { file: string; page: number; total: number; byPath: Record<string, number> };
export const GRAPHQL_REQUESTS = join(REPO_ROOT, 'test-results/graphql-requests.jsonl');
const pageRequests: PageRequests[] = [];

/** The figures of the pages opened so far by this test file (docs/decisions/0016 reads them). */
export function graphqlRequests(): readonly PageRequests[] {
  return pageRequests;
}

function countGraphqlRequests(page: Page, apiUrl: string): void {
  const figures: PageRequests = { file: basename(expect.getState().testPath ?? 'unknown'), page: pageRequests.length + 1, total: 0, byPath: {} };
  pageRequests.push(figures);
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().startsWith(apiUrl)) return;
    const path = new URL(page.url()).pathname;
    figures.total++;
    figures.byPath[path] = (figures.byPath[path] ?? 0) + 1;
  });
}

/** Appends this file's figures to test-results/graphql-requests.jsonl, one line per page. */
async function saveGraphqlRequests(): Promise<void> {
  if (pageRequests.length === 0) return;
  await mkdir(join(REPO_ROOT, 'test-results'), { recursive: true });
  await appendFile(GRAPHQL_REQUESTS, pageRequests.map((figures) => `${JSON.stringify(figures)}\n`).join(''));
  pageRequests.length = 0;
}

/**
 * Launches headless Chromium. playwright-core refuses an explicit --user-data-dir for launch(): it gives every
 * launch a fresh temporary profile of its own (removed on close), which is what the flag would do.
 */
export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  return {
    browser,
    async close() {
      await saveGraphqlRequests();
      await browser.close();
    },
  };
}

/**
 * A new context (its own cookies: its own identity-provider session) sized like a laptop screen; the GraphQL
 * requests of each of its pages are counted (graphqlRequests()).
 */
export async function newContext(browser: Browser, viewport = { width: 1366, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'it-IT', timezoneId: 'Europe/Rome', acceptDownloads: true });
  const { apiUrl } = inject('stack');
  context.on('page', (page) => countGraphqlRequests(page, apiUrl));
  // A failed journey leaves a screenshot and what its pages heard (support/diagnostics.ts).
  watchContext(context);
  return context;
}

/** Opens a path of the web app as `username` (password demo), signing in on the identity provider's page. */
export async function signIn(context: BrowserContext, webUrl: string, username: string, path = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${webUrl}${path}`);
  await page.waitForSelector('#username', { timeout: 30_000 });
  await page.fill('#username', username);
  await page.fill('#password', 'demo');
  await Promise.all([page.waitForURL((url) => url.toString().startsWith(webUrl), { timeout: 30_000 }), page.click('button[type=submit]')]);
  // The application's frame (not the "signing in" message, which shows while keycloak-js exchanges the code).
  await page.waitForSelector('#navigazione', { timeout: 30_000 });
  await page.waitForSelector('main#contenuto h1', { timeout: 30_000 });
  return page;
}

/** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * One Chromium for a test file's journeys (launched before them, closed after), and `as(user, path)`, which
 * signs the user in through the real login page in a fresh browser context and opens the path.
 */
export function useBrowser(webUrl: string): { as: (username: string, path?: string) => Promise<Page>; browser: () => Browser } {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  const browser = () => {
    if (!session) throw new Error('useBrowser: the browser is not launched yet (use it inside a test)');
    return session.browser;
  };
  return { browser, as: async (username, path = '/') => signIn(await newContext(browser()), webUrl, username, path) };
}
