// Sondrio 2024 as the people who use it see it: the published figures on the cruscotto, the tree, "perché
// 76?" on operational objective 1.3, the OIV override on 1.3.2, and the speed figures of the cruscotto.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, screenshot, signIn, type BrowserSession } from './support/browser.js';
import { RESULTS } from './support/global-setup.js';

const { webUrl, bundle } = inject('stack');
let session: BrowserSession;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  session = await launchBrowser();
  context = await newContext(session.browser);
  page = await signIn(context, webUrl, 'admin.so', '/cruscotto?anno=2024');
});
afterAll(async () => {
  await session.close();
});

async function textOf(selector: string): Promise<string> {
  await page.waitForSelector(selector);
  return ((await page.textContent(selector)) ?? '').trim();
}

describe('the cruscotto of Sondrio 2024', () => {
  it('shows the published figures of the four perspectives and of the entity', async () => {
    await page.waitForSelector('[data-testid="perspective-P2"]');
    expect(await textOf('[data-testid="perspective-P1"]')).toBe('97,80');
    expect(await textOf('[data-testid="perspective-P2"]')).toBe('95,20');
    expect(await textOf('[data-testid="perspective-P3"]')).toBe('100,00');
    expect(await textOf('[data-testid="perspective-P4"]')).toBe('100,00');
    expect(await textOf('[data-testid="entity-mean"]')).toBe('97,91');
    expect(await textOf('[data-testid="entity-performance"]')).toBe('100,00');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Cruscotto 2024');
    await screenshot(page, 'cruscotto-so-2024');
  });

  it('offers the three monitoring periods and the years of the chamber', async () => {
    const periods = await page.getByLabel('Periodo di monitoraggio').locator('option').allTextContents();
    expect(periods).toEqual(['30/06/2024 — Chiuso', '30/09/2024 — Chiuso', '31/12/2024 — Chiuso']);
    const years = await page.getByLabel('Anno del ciclo').locator('option').allTextContents();
    // Other journeys may have opened a period of 2020 or copied 2024 into a draft 2025.
    expect(years).toContain('2024 — Pubblicato');
    expect(years.some((y) => y.startsWith('2020 — '))).toBe(true);
  });

  it('has a skip link, landmarks and a labelled main navigation', async () => {
    expect(await page.locator('a[href="#contenuto"]').count()).toBe(1);
    expect(await page.locator('main#contenuto').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Navigazione principale' }).count()).toBe(1);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Vai al contenuto principale');
  });

  it('is interactive quickly (figures measured, reported in docs/web.md)', async () => {
    const fresh = await context.newPage();
    const began = Date.now();
    await fresh.goto(`${webUrl}/cruscotto?anno=2024`);
    await fresh.waitForSelector('[data-testid="perspective-P2"]');
    const wallMs = Date.now() - began;
    const timing = await fresh.evaluate(() => {
      const mark = performance.getEntriesByName('albero:cruscotto-ready')[0];
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { readyMs: mark?.startTime ?? null, domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null };
    });
    const figures = { ...timing, wallMsIncludingSsoRedirect: wallMs, bundle };
    await writeFile(join(RESULTS, 'web-speed.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`web speed: ${JSON.stringify(figures)}`);
    expect(timing.readyMs).not.toBeNull();
    await fresh.close();
  });
});

describe('the tree and the explanations', () => {
  it('finds an objective by code and shows weights, units and scores', async () => {
    await page.goto(`${webUrl}/albero?anno=2024`);
    await page.getByLabel('Cerca per codice o titolo').fill('1.3');
    await page.waitForSelector('text=Regolazione del mercato');
    await screenshot(page, 'albero-so-2024-ricerca');
    const row = page.locator('tr', { hasText: 'Regolazione del mercato' }).first();
    expect(await row.textContent()).toContain('76,00');
  });

  it('explains why operational objective 1.3 scores 76', async () => {
    await page.locator('a', { hasText: 'Regolazione del mercato' }).first().click();
    await page.waitForSelector('text=Perché 76,00?');
    const explanation = (await page.locator('.explanation').first().textContent()) ?? '';
    expect(explanation).toContain('Media ponderata degli obiettivi collegati: 76,00');
    expect(explanation).toContain('1.3.1: punteggio 80,00 × peso 80% = 64,00');
    expect(explanation).toContain('1.3.2: punteggio 60,00 × peso 20% = 12,00');
    await screenshot(page, 'obiettivo-1-3-perche-76');
  });

  it('shows the OIV override of 1.3.2 beside the computed score, with its reason', async () => {
    await page.locator('a', { hasText: '1.3.2' }).first().click();
    await page.waitForSelector('h1');
    await page.locator('section[aria-labelledby="indicators-heading"] a').first().click();
    await page.waitForURL(/\/indicatori\//);
    await page.waitForSelector('text=Perché 60,00?');
    const explanation = (await page.locator('.explanation').first().textContent()) ?? '';
    expect(explanation).toContain("stabilito dall'OIV");
    expect(explanation).toContain('al posto del punteggio calcolato 0,00');
    expect(explanation).toContain('Valore misurato 27,21, target ≥ 40.');
    await page.locator('.recharts-wrapper').waitFor();
    await screenshot(page, 'indicatore-1-3-2-override');
  });
});

describe('the public page', () => {
  it('shows the published plan and figures of Sondrio 2024 without login', async () => {
    const anonymous = await newContext(session.browser);
    const pub = await anonymous.newPage();
    await pub.goto(`${webUrl}/pubblico/so/2024`);
    await pub.waitForSelector('[data-testid="entity-mean"]');
    expect((await pub.textContent('[data-testid="entity-mean"]'))?.trim()).toBe('97,91');
    expect((await pub.textContent('[data-testid="entity-performance"]'))?.trim()).toBe('100,00');
    expect(await pub.textContent('h1')).toBe('Camera di commercio di Sondrio — Performance 2024');
    expect(pub.url()).toBe(`${webUrl}/pubblico/so/2024`);
    await screenshot(pub, 'pubblico-so-2024');
    await anonymous.close();
  });
});
