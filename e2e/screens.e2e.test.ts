// The remaining screens in use: plan editing (copy of a cycle, weights with the live check), administration,
// level names, "I miei obiettivi" with the individual scorecard, the public page's published years, the platform
// operator's chambers, and the interface in English (the exports: exports.e2e.test.ts).
import { describe, expect, inject, it } from 'vitest';
import { newContext, screenshot, signIn, useBrowser } from './support/browser.js';

const { webUrl } = inject('stack');
const { as, browser } = useBrowser(webUrl);

describe('plan editing by the chamber administrator', () => {
  it('copies the 2024 cycle into a 2025 draft and edits its weights with the live check', async () => {
    const page = await as('admin.so', '/piano?anno=2024');
    await page.getByRole('button', { name: "Copia il ciclo nell'anno 2025" }).click();
    await page.waitForSelector('text=Ciclo 2025 creato dalla copia.');
    await page.getByLabel('Anno del ciclo').selectOption('2025');
    // The 2025 plan itself (not the 2024 one still on screen while it loads).
    await page.getByRole('button', { name: "Copia il ciclo nell'anno 2026" }).waitFor();
    const select = page.getByLabel('Scegli un obiettivo');
    const value = await select.locator('option', { hasText: '1.3 Regolazione del mercato' }).getAttribute('value');
    await select.selectOption(value);
    const first = page.getByLabel('Livello di diffusione del servizio di mediazione');
    await first.waitFor();
    const sum = page.getByTestId('weight-sum');
    expect(await sum.textContent()).toBe('I pesi sommano a 100.');
    await first.fill('70');
    expect(await sum.textContent()).toBe('I pesi sommano a 90: devono sommare a 100.');
    expect(await page.getByRole('button', { name: 'Salva i pesi' }).isDisabled()).toBe(true);
    await screenshot(page, 'piano-pesi-controllo');
    await page.locator('.weight-input').nth(1).fill('30');
    expect(await sum.textContent()).toBe('I pesi sommano a 100.');
    await page.getByRole('button', { name: 'Salva i pesi' }).click();
    await page.waitForSelector('text=Pesi salvati.');
  });

  it('sets the 2025 target of an indicator with its thresholds', async () => {
    const page = await as('admin.so', '/albero?anno=2025');
    await page.getByLabel('Cerca per codice o titolo').fill('1.3.1');
    await page.locator('a', { hasText: 'Livello di diffusione del servizio di mediazione' }).first().click();
    await page.waitForURL(/\/obiettivi\//);
    await page.locator('section[aria-labelledby="indicators-heading"] a').first().click();
    await page.waitForURL(/\/indicatori\//);
    const form = page.locator('form', { hasText: 'Target 2025' });
    await form.getByLabel('Target', { exact: true }).fill('230');
    await form.getByLabel('Soglia 80%').fill('abc');
    await form.getByRole('button', { name: 'Salva' }).click();
    expect(await form.getByLabel('Soglia 80%').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Soglia 80%').fill('184');
    await form.getByLabel('Soglia 60%').fill('138');
    await form.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Target salvato.').waitFor();
    const row = page.locator('table', { hasText: 'Target per anno' }).locator('tr', { hasText: '2025' });
    await row.waitFor();
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain('≥ 230184138');
    await screenshot(page, 'piano-target-soglie');
  });

  it('renames a level of the 2025 draft, kept after a reload', async () => {
    const page = await as('admin.so', '/piano?anno=2025');
    await page.getByRole('button', { name: "Copia il ciclo nell'anno 2026" }).waitFor();
    const first = page.getByLabel('Nome del livello 1');
    const before = await first.inputValue();
    await first.fill('');
    await page.getByRole('button', { name: 'Salva i nomi dei livelli' }).click();
    expect(await first.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Scrivi il nome del livello.').waitFor();
    await first.fill(`${before} (rinominata)`);
    await page.getByRole('button', { name: 'Salva i nomi dei livelli' }).click();
    await page.getByText('Nomi dei livelli salvati.').waitFor();
    await page.reload();
    await page.getByRole('button', { name: "Copia il ciclo nell'anno 2026" }).waitFor();
    expect(await page.getByLabel('Nome del livello 1').inputValue()).toBe(`${before} (rinominata)`);
    await screenshot(page, 'piano-livelli');
  });
});

describe('other screens', () => {
  it('administration lists units and people', async () => {
    const page = await as('admin.so', '/amministrazione');
    await page.waitForSelector('text=Registro Imprese');
    // Units and people come from two queries: wait for the people too.
    await page.getByRole('rowheader', { name: 'Dipendente Demo U.O. Registro Imprese', exact: true }).waitFor();
    expect(await page.textContent('main')).toContain('Dipendente Demo U.O. Registro Imprese');
    await screenshot(page, 'amministrazione');
  });

  it('"I miei obiettivi" shows what staff own and must report', async () => {
    const page = await as('staff.so', '/miei-obiettivi?anno=2024');
    await page.waitForSelector('table');
    expect(await page.textContent('main')).toContain('della tua unità');
    await screenshot(page, 'miei-obiettivi-staff');
  });

  it('"I miei obiettivi" says in Italian why the scorecard is not available yet (no appraisal)', async () => {
    const page = await as('staff.so', '/miei-obiettivi?anno=2024');
    const unavailable = page.getByTestId('scorecard-unavailable');
    await unavailable.waitFor();
    expect(await unavailable.textContent()).toMatch(/^La scheda non è ancora disponibile: manca la valutazione/);
    expect(await page.getByRole('heading', { name: 'La mia scheda di valutazione' }).count()).toBe(1);
    await page.waitForSelector('table');
    await screenshot(page, 'miei-obiettivi-scheda');
  });

  it('the public page offers the published years of Sondrio', async () => {
    const anonymous = await (await newContext(browser())).newPage();
    await anonymous.goto(`${webUrl}/pubblico/so/2024`);
    await anonymous.waitForSelector('[data-testid="entity-mean"]');
    const years = anonymous.getByLabel('Anno pubblicato');
    await years.waitFor();
    expect(await years.inputValue()).toBe('2024');
    const options = await years.locator('option').allTextContents();
    expect(options.some((o) => o.startsWith('2024 — '))).toBe(true);
    expect(options.some((o) => o.startsWith('2025'))).toBe(false);
  });

  it('the platform operator sees the subscribed chambers', async () => {
    const page = await as('platform', '/piattaforma');
    await page.waitForSelector('td:has-text("Camera di commercio di Sondrio")');
    await screenshot(page, 'piattaforma-camere');
  });

  it('speaks English when asked, with English number formats', async () => {
    const page = await as('oiv.so', '/cruscotto?anno=2024');
    await page.getByLabel('Lingua').selectOption('en');
    await page.waitForSelector('h1:has-text("Dashboard 2024")');
    expect((await page.textContent('[data-testid="perspective-P2"]'))?.trim()).toBe('95.20');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'cruscotto-english');
    await page.getByLabel('Language').selectOption('it');
    await page.waitForSelector('h1:has-text("Cruscotto 2024")');
  });

  it('is readable on a tablet', async () => {
    const tablet = await newContext(browser(), { width: 820, height: 1180 });
    const page = await signIn(tablet, webUrl, 'manager.so', '/cruscotto?anno=2024');
    await page.waitForSelector('[data-testid="perspective-P2"]');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'cruscotto-tablet');
  });
});
