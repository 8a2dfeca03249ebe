// Monitoring Sondrio 2020: the administrator opens a period, staff enter values, a manager approves one and
// rejects another with a reason, and the approved value rolls up into the scores.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, useBrowser } from './support/browser.js';

const { webUrl } = inject('stack');
const { as } = useBrowser(webUrl);

function entryFor(page: Page, name: string) {
  return page.locator('.pending-entry', { hasText: name });
}

describe('data entry, approval and roll-up', () => {
  it('the administrator adds the 30/06/2020 monitoring period and opens it', async () => {
    const page = await as('admin.so', '/inserimento?anno=2020');
    await page.getByLabel('Data di riferimento').fill('2020-06-30');
    await page.getByLabel('Scadenza').fill('2020-07-31');
    await page.getByRole('button', { name: 'Aggiungi un periodo di monitoraggio' }).click();
    await page.getByRole('button', { name: 'Apri il periodo del 30/06/2020' }).click();
    await page.waitForSelector('text=30/06/2020: Aperto');
    await screenshot(page, 'inserimento-periodi-admin');
  });

  it('staff see what is missing and by when, and enter two values', async () => {
    const page = await as('staff.so', '/inserimento?anno=2020');
    await page.waitForSelector('text=Cosa manca');
    expect(await page.locator('.missing-summary').textContent()).toContain('4 valori da inserire entro il 31/07/2020');

    const training = entryFor(page, 'Formazione e assistenza');
    const field = training.getByLabel('Valore (N.)');
    await field.fill('tre');
    await training.getByRole('button', { name: "Salva e invia per l'approvazione" }).click();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await training.locator('.invalid-feedback').textContent()).toBe('Inserisci un numero, ad esempio 27,21.');
    await field.fill('3');
    await training.getByRole('button', { name: "Salva e invia per l'approvazione" }).click();
    await page.getByText("Valore di «Formazione e assistenza» inviato per l'approvazione.").waitFor();
    await screenshot(page, 'inserimento-staff');

    const timeliness = entryFor(page, 'Indice di tempestività');
    await timeliness.getByLabel('Valore (gg)').fill('2,5');
    await timeliness.getByRole('button', { name: "Salva e invia per l'approvazione" }).click();
    await page.getByText("Valore di «Indice di tempestività» inviato per l'approvazione.").waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.pending-entry').length === 2);
  });

  it('the manager approves one value and rejects the other with a reason', async () => {
    const page = await as('manager.so', '/inserimento?anno=2020');
    await page.waitForSelector('.review-item');
    const training = page.locator('.review-item', { hasText: 'Formazione e assistenza' });
    expect(await training.textContent()).toContain('Valore al 30/06/2020: 3 N.');
    // By name: staff's first write linked their record to their identity-provider subject.
    expect(await training.textContent()).toContain('Inviato da Dipendente Demo U.O. Registro Imprese il');
    await screenshot(page, 'approvazione-manager');
    await training.getByRole('button', { name: 'Approva' }).click();
    await page.waitForFunction(() => ![...document.querySelectorAll('.review-item')].some((e) => e.textContent?.includes('Formazione e assistenza')));

    const timeliness = page.locator('.review-item', { hasText: 'Indice di tempestività' });
    await timeliness.getByRole('button', { name: 'Respingi' }).click();
    await timeliness.getByRole('button', { name: 'Conferma il rifiuto' }).click();
    expect(await timeliness.locator('.invalid-feedback').textContent()).toBe('La motivazione è obbligatoria.');
    await timeliness.getByLabel('Motivo del rifiuto').fill('Manca il riferimento al report del Registro Imprese.');
    await timeliness.getByRole('button', { name: 'Conferma il rifiuto' }).click();
    await page.waitForSelector('text=Nessun valore in attesa di approvazione.');
  });

  it('the approved value counts in the scores of the tree', async () => {
    const page = await as('manager.so', '/albero?anno=2020');
    await page.getByLabel('Cerca per codice o titolo').fill('1.3.1');
    const row = page.locator('tr', { hasText: 'Formazione e assistenza' });
    await row.waitFor();
    // The score and the state of data entry come from two queries: wait until both are on the row.
    await row.filter({ hasText: 'completo' }).waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('80,00');
    expect(await row.textContent()).toContain('completo');
    await screenshot(page, 'albero-2020-dopo-approvazione');
    await row.getByRole('link').click();
    await page.waitForSelector('text=Perché 80,00?');
  });

  it('a manager who enters a value does not also approve it: the administration does', async () => {
    const page = await as('manager.so', '/inserimento?anno=2020');
    await page.waitForSelector('text=Cosa manca');
    // A value still to enter that no other journey reads: 3.5.2, a deadline (the date it was done).
    const name = 'Remotizzazione procedure';
    const entry = entryFor(page, name);
    await entry.getByLabel('Data di realizzazione').fill('2020-06-15');
    await entry.getByRole('button', { name: "Salva e invia per l'approvazione" }).click();
    await page.getByText(`Valore di «${name}» inviato per l'approvazione.`).waitFor();
    const own = page.locator('.review-item', { hasText: name });
    await own.waitFor();
    expect(await own.textContent()).toContain('Hai inserito o inviato tu questo valore');
    expect(await own.getByRole('button', { name: 'Approva' }).count()).toBe(0);
    expect(await own.getByRole('button', { name: 'Respingi' }).count()).toBe(0);

    const admin = await as('admin.so', '/inserimento?anno=2020');
    const review = admin.locator('.review-item', { hasText: name });
    await review.waitFor();
    expect(await review.textContent()).not.toContain('Hai inserito o inviato tu');
    expect(await review.textContent()).toContain('Valore al 30/06/2020: 15/06/2020');
    await review.getByRole('button', { name: 'Approva' }).click();
    await admin.waitForFunction((n) => ![...document.querySelectorAll('.review-item')].some((e) => e.textContent?.includes(n)), name);
  });

  it('staff see the rejection and its reason next to the value to correct', async () => {
    const page = await as('staff.so', '/inserimento?anno=2020');
    const timeliness = entryFor(page, 'Indice di tempestività');
    await timeliness.waitFor();
    expect(await timeliness.textContent()).toContain('Respinto: da correggere');
    expect(await timeliness.textContent()).toContain('Motivo del rifiuto: Manca il riferimento al report del Registro Imprese.');
    expect(await timeliness.getByLabel('Valore (gg)').inputValue()).toBe('2,5');
  });
});
