// Benchmarking in the browser: the Unioncamere analyst sees every chamber named on the heat map and drills down
// to one indicator; a chamber's administrator sees Sondrio highlighted among anonymised peers; staff do not
// compare (navigation hidden, direct URL refused in plain Italian).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { wcagViolations } from './support/axe.js';
import { launchBrowser, newContext, screenshot, signIn, type BrowserSession } from './support/browser.js';

const { webUrl } = inject('stack');
let session: BrowserSession;

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session.close();
});

const SYNTHETIC_NAMES = ['Camera sintetica Alpi', 'Camera sintetica Bassa', 'Camera sintetica Metropoli'];

describe('benchmarking', () => {
  it('shows Unioncamere every chamber named on the 2024 heat map, and the 1.2.2 drill-down', async () => {
    const page = await signIn(await newContext(session.browser), webUrl, 'unioncamere');
    // Home of the analyst, who has no chamber: the dashboard, with the shell working.
    expect(await page.textContent('main h1')).toBe('Confronto tra le Camere 2024');
    expect(await page.textContent('header')).toContain('Unioncamere');
    const nav = await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link').allTextContents();
    expect(nav).toEqual(expect.arrayContaining(['Confronto tra le Camere', 'Confronto']));

    const table = page.locator('table.heat-map');
    await table.waitFor();
    const chambers = await table.locator('tbody th[scope=row]').allTextContents();
    expect(chambers.some((c) => c.startsWith('Camera di commercio di Sondrio'))).toBe(true);
    expect(chambers.some((c) => c.startsWith('Camera sintetica Metropoli'))).toBe(true);
    expect(chambers.some((c) => /^Camera [0-9A-F]{6}$/.test(c))).toBe(false);
    expect(chambers.length).toBeGreaterThanOrEqual(12);
    // 25 system objectives of 2024 as columns (plus the chamber column).
    expect(await table.locator('thead th').count()).toBe(26);
    const sondrio = table.locator('tbody tr', { hasText: 'Camera di commercio di Sondrio' });
    expect(await sondrio.locator('td').count()).toBe(25);
    expect(await sondrio.textContent()).toContain('58,07');
    // Missing cells are marked, never 0.
    expect(await table.locator('td.heat-missing').count()).toBeGreaterThan(0);
    expect(await table.locator('td.heat-missing').first().textContent()).toContain('dato mancante');
    await page.waitForLoadState('networkidle');
    expect(await wcagViolations(page)).toEqual([]);
    // The page does not scroll sideways: the wide table scrolls inside its own region.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await screenshot(page, 'unioncamere-heatmap-2024');

    await table.getByRole('link', { name: '1.2.2', exact: true }).click();
    await page.waitForURL(/\/confronto\?.*codice=1\.2\.2/);
    const ranking = page.locator('table.benchmark-ranking');
    await ranking.waitFor();
    expect(await page.getByTestId('benchmark-indicator').textContent()).toContain('1.2.2');
    const sondrioRow = ranking.locator('tbody tr', { hasText: 'Camera di commercio di Sondrio' });
    expect(await sondrioRow.textContent()).toContain('58,07');
    const labels = await ranking.locator('tbody th[scope=row]').allTextContents();
    expect(labels.some((l) => l.includes('Camera sintetica'))).toBe(true);
    expect(labels.some((l) => /^Camera [0-9A-F]{6}/.test(l))).toBe(false);
    await screenshot(page, 'unioncamere-confronto-1-2-2');
  });

  it("shows Sondrio's administrator its own value highlighted among anonymised peers", async () => {
    const page = await signIn(await newContext(session.browser), webUrl, 'admin.so');
    const nav = page.getByRole('navigation', { name: 'Navigazione principale' });
    await nav.getByRole('link', { name: 'Confronto', exact: true }).click();
    await page.waitForURL(/\/confronto/);
    // Two choices in quick succession: the second must not drop the first.
    await page.getByLabel('Indicatore', { exact: true }).selectOption('1.2.2');
    await page.getByLabel('Anno', { exact: true }).selectOption('2023');
    await page.waitForURL(/codice=1\.2\.2.*anno=2023|anno=2023.*codice=1\.2\.2/);
    await page.getByLabel('Anno', { exact: true }).selectOption('2024');
    await page.waitForURL(/anno=2024/);
    // The address and the screen change together (audit item 20): as soon as the URL says 2024, the selectors
    // say so too and no figure of 2023 is left on screen.
    expect(await page.getByLabel('Anno', { exact: true }).inputValue()).toBe('2024');
    expect(await page.getByLabel('Indicatore', { exact: true }).inputValue()).toBe('1.2.2');
    expect(await page.locator('[data-testid="benchmark-indicator"]').allTextContents()).not.toContainEqual(expect.stringContaining('(2023)'));
    expect(page.url()).toContain('codice=1.2.2');
    await page.getByTestId('benchmark-indicator').filter({ hasText: '(2024)' }).waitFor();
    const ranking = page.locator('table.benchmark-ranking');
    await ranking.waitFor();
    expect(await page.textContent('main h1')).toBe('Confronto con le altre Camere');

    const self = ranking.locator('tbody tr.benchmark-self-row');
    expect(await self.count()).toBe(1);
    expect(await self.textContent()).toContain('Camera di commercio di Sondrio');
    expect(await self.textContent()).toContain('58,07');
    expect(await self.getAttribute('aria-current')).toBe('true');
    // The figures beside the box plot: value, rank "Nª su M" and percentile.
    const figures = await page.getByTestId('benchmark-self').textContent();
    expect(figures).toContain('58,07');
    expect(await page.getByTestId('benchmark-rank').textContent()).toMatch(/^\d+ª su \d+$/);

    const rows = await ranking.locator('tbody tr').all();
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const row of rows) {
      if ((await row.getAttribute('class'))?.includes('benchmark-self-row')) continue;
      expect(await row.locator('th').textContent()).toMatch(/^Camera [0-9A-F]{6}(sintetica)?$/);
    }
    const main = (await page.textContent('main')) ?? '';
    for (const name of SYNTHETIC_NAMES) expect(main).not.toContain(name);
    expect(main).toContain('sintetica');
    // The trend table: Sondrio against the median by year.
    expect(await page.locator('table', { hasText: 'Valore della Camera e mediana' }).locator('tbody tr').count()).toBe(3);
    // The administrator's switch.
    expect(await page.getByLabel('Mostra il nome della Camera ai pari').isChecked()).toBe(false);
    await page.waitForLoadState('networkidle');
    await page.locator('.recharts-wrapper').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'confronto-so-1-2-2');
  });

  it('is not offered to staff, and refused in plain Italian by URL', async () => {
    const page = await signIn(await newContext(session.browser), webUrl, 'staff.so');
    const nav = await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link').allTextContents();
    expect(nav).not.toContain('Confronto');
    await page.goto(`${webUrl}/confronto?codice=1.2.2&anno=2024`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Non hai i permessi per vederlo.');
    expect(await page.locator('table.benchmark-ranking').count()).toBe(0);
    await page.goto(`${webUrl}/unioncamere`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Questa pagina è riservata agli analisti Unioncamere.');
  });
});
