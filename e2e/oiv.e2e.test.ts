// The OIV workspace: every objective, a score set with a mandatory reason, and its explanation afterwards.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, screenshot, signIn, type BrowserSession } from './support/browser.js';

const { webUrl } = inject('stack');
let session: BrowserSession;

beforeAll(async () => {
  session = await launchBrowser();
});
afterAll(async () => {
  await session.close();
});

describe('the OIV sets a justified score', () => {
  it('refuses an override without a reason, then records it with one', async () => {
    const page = await signIn(await newContext(session.browser), webUrl, 'oiv.so', '/oiv?anno=2020');
    await page.getByLabel('Filtra per codice o titolo').fill('Gestione diretta SUAP');
    await page.getByRole('button', { name: 'Stabilisci il punteggio di 1.3.2' }).click();
    const form = page.locator('.override-form');
    await form.getByLabel('Punteggio (da 0 a 100)').fill('120');
    await form.getByRole('button', { name: 'Salva' }).click();
    expect(await form.locator('.invalid-feedback').allTextContents()).toEqual([
      'Il punteggio deve essere un numero tra 0 e 100.',
      'La motivazione è obbligatoria.',
    ]);
    await form.getByLabel('Punteggio (da 0 a 100)').fill('60');
    await form.getByLabel('Motivazione').fill("Servizio SUAP attivato a fine semestre: acquisito il parere dell'OIV, raggiunto al 60%.");
    await form.getByRole('button', { name: 'Salva' }).click();
    const overrides = page.locator('.override-list');
    await overrides.getByText("Servizio SUAP attivato a fine semestre").waitFor();
    expect(await overrides.textContent()).toContain('60,00');
    await screenshot(page, 'oiv-override');

    await page.locator('tr', { hasText: 'Gestione diretta SUAP' }).getByRole('link').click();
    await page.waitForSelector('text=Perché 60,00?');
    expect(await page.locator('.explanation').first().textContent()).toContain("stabilito dall'OIV");
  });
});
