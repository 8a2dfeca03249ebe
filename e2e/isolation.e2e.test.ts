// Tenancy in the browser: a member of another chamber who types the URL of a Sondrio objective sees a
// plain refusal and none of its data.
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

describe("another chamber's objective by URL", () => {
  it('is refused to a member of Maremma e Tirreno, in plain Italian and without data', async () => {
    const sondrio = await signIn(await newContext(session.browser), webUrl, 'admin.so', '/albero?anno=2024');
    await sondrio.getByLabel('Cerca per codice o titolo').fill('1.3');
    const link = sondrio.locator('a', { hasText: 'Regolazione del mercato' }).first();
    const nodePath = await link.getAttribute('href');
    expect(nodePath).toMatch(/^\/obiettivi\//);

    const other = await signIn(await newContext(session.browser), webUrl, 'staff.mt', nodePath!);
    const alert = other.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Quello che cerchi non esiste o non appartiene alla tua Camera.');
    expect(await other.textContent('main')).not.toContain('Regolazione del mercato');
    expect(await other.textContent('header')).toContain('Maremma e Tirreno');
    await screenshot(other, 'isolamento-altra-camera');
  });
});
