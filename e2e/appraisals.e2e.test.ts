// Valutazioni individuali in the browser: a manager consults the people of their unit (read only: the API lets
// only the administration record appraisals); the administration records the Segretario Generale's role profile
// and behaviour score and sees the individual score follow the SMVP's weights (Sondrio 2024: 50/0/30/20), with
// the explanation in sentences; staff have no link and are refused by URL in plain Italian; the Segretario
// Generale sees the new score on "I miei obiettivi". axe-core on the screen.
// Data: only sg.so's 2024 appraisal is written (no other e2e file reads it); staff.so's 2024 scorecard stays
// without appraisal, as screens.e2e.test.ts expects.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { wcagViolations } from './support/axe.js';
import { screenshot, useBrowser } from './support/browser.js';

const { webUrl } = inject('stack');
const { as } = useBrowser(webUrl);

const NAV = 'Navigazione principale';
const parseItalian = (text: string | null) => Number((text ?? '').trim().replace(/\./g, '').replace(',', '.'));
const italian = (value: number) => new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

/** The components of the scorecard on screen: name, weight % and score (NaN when there is none). */
async function components(page: Page): Promise<{ name: string; weight: number; score: number }[]> {
  const rows = page.getByTestId('scorecard-table').locator('tbody tr');
  const out: { name: string; weight: number; score: number }[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const cells = await row.locator('td').allTextContents();
    out.push({ name: ((await row.locator('th').textContent()) ?? '').trim(), weight: parseItalian(cells[0] ?? ''), score: parseItalian(cells[1] ?? '') });
  }
  return out;
}

/** Σ weight × score / Σ weights over the components with a positive weight, as the page should show it. */
function expectedTotal(rows: { weight: number; score: number }[]): string {
  const counted = rows.filter((r) => r.weight > 0);
  const sum = counted.reduce((s, r) => s + r.weight, 0);
  return italian(counted.reduce((s, r) => s + r.weight * r.score, 0) / sum);
}

describe('individual appraisals', () => {
  it('a manager opens Valutazioni and consults the people of their unit, read only', async () => {
    const page = await as('manager.so', '/cruscotto?anno=2024');
    await page.getByRole('navigation', { name: NAV }).getByRole('link', { name: 'Valutazioni individuali' }).click();
    await page.waitForURL(/\/valutazioni/);
    // The route is loaded on demand: the URL changes before the page does.
    await page.getByRole('heading', { level: 1, name: 'Valutazioni individuali', exact: true }).waitFor();
    expect(await page.textContent('main h1')).toBe('Valutazioni individuali');
    const people = page.getByTestId('appraisal-people');
    await people.waitFor();
    // U.O. Registro Imprese has manager.so and staff.so: the manager never appraises themself.
    expect(await people.getByRole('link').allTextContents()).toEqual(['Dipendente Demo U.O. Registro Imprese']);
    await people.getByRole('link', { name: 'Dipendente Demo U.O. Registro Imprese' }).click();
    await page.waitForURL(/persona=/);
    await page.getByRole('heading', { name: 'Scheda di valutazione di Dipendente Demo U.O. Registro Imprese' }).waitFor();
    const unavailable = page.getByTestId('scorecard-unavailable');
    await unavailable.waitFor();
    expect(await unavailable.textContent()).toMatch(/^La scheda non è ancora disponibile: manca la valutazione/);
    expect(await page.textContent('main')).toContain("li registra l'amministrazione della Camera: qui puoi consultarli.");
    expect(await page.getByTestId('appraisal-form').count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'valutazioni-responsabile');
  });

  it('the administration records the Segretario Generale\'s profile and behaviour score; the score follows the weights', async () => {
    const page = await as('admin.so', '/cruscotto?anno=2024');
    await page.getByRole('navigation', { name: NAV }).getByRole('link', { name: 'Valutazioni individuali' }).click();
    await page.waitForURL(/\/valutazioni/);
    const people = page.getByTestId('appraisal-people');
    await people.waitFor();
    const names = await people.getByRole('link').allTextContents();
    expect(names).toContain('Segretario Generale (demo)');
    expect(names).toContain('Dipendente Demo U.O. Registro Imprese');
    expect(names).not.toContain('Amministratore Demo Sondrio');
    await people.getByRole('link', { name: 'Segretario Generale (demo)' }).click();
    const form = page.getByTestId('appraisal-form');
    await form.waitFor();
    expect(await page.getByTestId('scorecard-unavailable').textContent()).toMatch(/^La scheda non è ancora disponibile: manca la valutazione/);

    // Validation in the form: nothing is sent.
    await form.getByLabel('Profilo di ruolo').selectOption('Segretario Generale');
    const score = form.getByLabel('Punteggio dei comportamenti organizzativi (da 0 a 100)');
    await score.fill('120');
    await form.getByRole('button', { name: 'Salva la valutazione' }).click();
    expect(await score.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Il punteggio deve essere compreso tra 0 e 100.').waitFor();
    expect(await page.getByTestId('scorecard-unavailable').count()).toBe(1);

    // Created (no version): Segretario Generale 50/0/30/20 with behaviour 90.
    await score.fill('90');
    await form.getByLabel('Nota (facoltativa)').fill('Colloquio di valutazione del 20 gennaio 2025.');
    await form.getByRole('button', { name: 'Salva la valutazione' }).click();
    await form.getByText('Valutazione salvata.').waitFor();
    const total = page.getByTestId('scorecard-total');
    await total.filter({ hasText: '98,00' }).waitFor();
    const rows = await components(page);
    expect(rows.map((r) => [r.name, r.weight])).toEqual([
      ["Performance dell'ente", 50],
      ["Obiettivi dell'unità", 0],
      ['Obiettivi individuali', 30],
      ['Comportamenti organizzativi', 20],
    ]);
    expect(rows.find((r) => r.name === 'Comportamenti organizzativi')?.score).toBe(90);
    expect(await total.textContent()).toBe(expectedTotal(rows));
    // Sondrio 2024: entity 100, the individual objectives SG.1–SG.4 100 → 100 × 50 % + 100 × 30 % + 90 × 20 % = 98.
    expect(rows[0]?.score).toBe(100);
    expect(rows[2]?.score).toBe(100);
    const explanation = page.getByTestId('scorecard-explanation');
    expect(await explanation.getByRole('heading').textContent()).toBe('Perché 98,00?');
    const sentences = await explanation.textContent();
    expect(sentences).toContain(
      "Profilo di ruolo «Segretario Generale»: il Sistema di misurazione e valutazione pesa la performance dell'ente 50%, gli obiettivi dell'unità 0%, gli obiettivi individuali 30%, i comportamenti organizzativi 20%.",
    );
    expect(sentences).toContain('Comportamenti organizzativi: punteggio 90,00, peso 20%, contributo 18,00.');
    expect(sentences).toContain('Punteggio dei comportamenti registrato nella valutazione: 90,00.');
    expect(sentences).toContain('Punteggio finale: (100,00 × 50 + 100,00 × 30 + 90,00 × 20) / 100 = 98,00.');
    await page.waitForLoadState('networkidle');
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'valutazioni-segretario');

    // Updated (with the version the API returned): 85,5 typed with a comma → 50 + 30 + 17,1 = 97,10.
    await score.fill('85,5');
    await form.getByRole('button', { name: 'Salva la valutazione' }).click();
    await total.filter({ hasText: '97,10' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    const updated = await components(page);
    expect(updated.find((r) => r.name === 'Comportamenti organizzativi')?.score).toBe(85.5);
    expect(await total.textContent()).toBe(expectedTotal(updated));
    expect(await explanation.textContent()).toContain('Punteggio finale: (100,00 × 50 + 100,00 × 30 + 85,50 × 20) / 100 = 97,10.');

    // Kept after a reload: the form shows what is stored.
    await page.reload();
    await page.getByTestId('appraisal-form').waitFor();
    expect(await page.getByTestId('appraisal-form').getByLabel('Punteggio dei comportamenti organizzativi (da 0 a 100)').inputValue()).toBe('85,5');
    expect(await page.getByTestId('appraisal-form').getByLabel('Nota (facoltativa)').inputValue()).toBe('Colloquio di valutazione del 20 gennaio 2025.');
    expect(await page.getByTestId('scorecard-total').textContent()).toBe('97,10');
  });

  it('staff have no link to Valutazioni and are refused by URL in plain Italian', async () => {
    const page = await as('staff.so', '/cruscotto?anno=2024');
    const links = await page.getByRole('navigation', { name: NAV }).getByRole('link').allTextContents();
    expect(links).toContain('I miei obiettivi');
    expect(links).not.toContain('Valutazioni individuali');
    await page.goto(`${webUrl}/valutazioni?anno=2024`);
    const refused = page.getByTestId('appraisal-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^Non puoi consultare le valutazioni individuali: sono riservate all'amministrazione della Camera/);
    expect(await page.getByTestId('appraisal-people').count()).toBe(0);
    await screenshot(page, 'valutazioni-rifiuto-personale');
  });

  it('the Segretario Generale sees the new score on "I miei obiettivi", explained', async () => {
    const page = await as('sg.so', '/miei-obiettivi?anno=2024');
    const total = page.getByTestId('scorecard-total');
    await total.waitFor();
    expect(await total.textContent()).toBe('97,10');
    expect(await total.textContent()).toBe(expectedTotal(await components(page)));
    const explanation = page.getByTestId('scorecard-explanation');
    expect(await explanation.getByRole('heading').textContent()).toBe('Perché 97,10?');
    expect(await explanation.textContent()).toContain('Punteggio finale: (100,00 × 50 + 100,00 × 30 + 85,50 × 20) / 100 = 97,10.');
    await screenshot(page, 'miei-obiettivi-segretario');
  });
});
