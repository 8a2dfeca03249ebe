// WCAG 2.1 AA, what a machine can check (axe-core): the main screens have no violation.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { wcagViolations } from './support/axe.js';
import { launchBrowser, newContext, signIn, type BrowserSession } from './support/browser.js';

const { webUrl } = inject('stack');
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await launchBrowser();
  page = await signIn(await newContext(session.browser), webUrl, 'admin.so', '/cruscotto?anno=2024');
});
afterAll(async () => {
  await session.close();
});

const SCREENS: [string, string, string][] = [
  ['cruscotto', '/cruscotto?anno=2024', '[data-testid="perspective-P2"]'],
  ['albero', '/albero?anno=2024', 'table'],
  ['inserimento', '/inserimento?anno=2024', 'h1'],
  ['miei obiettivi', '/miei-obiettivi?anno=2024', 'h1'],
  ['area OIV', '/oiv?anno=2024', 'table'],
  ['piano', '/piano?anno=2024', 'h2'],
  ['amministrazione', '/amministrazione', 'table tbody tr'],
];

describe('automatic WCAG 2.1 AA checks', () => {
  it.each(SCREENS)('%s has no violation', async (_name, path, ready) => {
    await page.goto(`${webUrl}${path}`);
    await page.waitForSelector('#navigazione');
    await page.waitForSelector(ready);
    await page.waitForLoadState('networkidle');
    expect(await wcagViolations(page)).toEqual([]);
  });

  it('an objective and an indicator with its chart have no violation', async () => {
    await page.goto(`${webUrl}/albero?anno=2024`);
    await page.getByLabel('Cerca per codice o titolo').fill('1.3.2');
    await page.locator('a', { hasText: 'Incidenza delle mediazioni con esito positivo' }).first().click();
    await page.waitForURL(/\/obiettivi\//);
    await page.locator('.explanation').first().waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.locator('section[aria-labelledby="indicators-heading"] a').first().click();
    await page.waitForURL(/\/indicatori\//);
    await page.locator('.recharts-wrapper').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
  });

  it('works with the keyboard alone: expand a branch of the tree, follow a link, focus moves to the content', async () => {
    await page.goto(`${webUrl}/albero?anno=2024`);
    const toggle = page.getByRole('button', { name: 'Espandi P2' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Comprimi P2' }).getAttribute('aria-expanded')).toBe('true');
    // Tab order: the title of P2, the toggle of objective 3, the title of objective 3.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Qualità dei processi');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/obiettivi\//);
    await page.waitForFunction(() => document.activeElement?.id === 'contenuto');
    await page.waitForFunction(() => document.title === '3 Qualità dei processi — Albero');
  });

  it('the public page has no violation', async () => {
    const anonymous = await (await newContext(session.browser)).newPage();
    await anonymous.goto(`${webUrl}/pubblico/so/2024`);
    await anonymous.waitForSelector('[data-testid="entity-mean"]');
    expect(await wcagViolations(anonymous)).toEqual([]);
  });
});
