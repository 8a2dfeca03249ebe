// Every demo role signs in through the identity provider's page and lands where its work is.
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

const ROLES = [
  { username: 'admin.so', role: 'Amministratore della Camera', heading: 'Cruscotto 2024', nav: ['Modifica del piano', 'Amministrazione'] },
  { username: 'manager.so', role: 'Responsabile', heading: 'Cruscotto 2024', nav: ['Inserimento dati'] },
  { username: 'staff.so', role: 'Personale', heading: 'Cruscotto 2024', nav: ['I miei obiettivi'] },
  { username: 'oiv.so', role: 'OIV', heading: 'Cruscotto 2024', nav: ['Area OIV'] },
  { username: 'admin.mt', role: 'Amministratore della Camera', heading: 'Cruscotto 2023', nav: ['Modifica del piano'] },
  { username: 'platform', role: 'Operatore della piattaforma', heading: 'Camere e abbonamenti', nav: ['Camere e abbonamenti'] },
  { username: 'unioncamere', role: 'Analista Unioncamere', heading: 'Confronto tra le Camere 2024', nav: ['Confronto tra le Camere', 'Confronto', 'Camere e abbonamenti'] },
] as const;

describe('signing in with each demo role', () => {
  it.each(ROLES)('$username signs in as $role', async ({ username, role, heading, nav }) => {
    const page = await signIn(await newContext(session.browser), webUrl, username);
    expect(await page.textContent('main h1')).toBe(heading);
    expect(await page.textContent('header')).toContain(`Ruolo: ${role}`);
    const links = await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link').allTextContents();
    for (const entry of nav) expect(links).toContain(entry);
    if (username === 'staff.so') expect(links).not.toContain('Modifica del piano');
    await page.waitForLoadState('networkidle');
    await screenshot(page, `accesso-${username}`);
  });

  it('signs out back to the login page', async () => {
    const page = await signIn(await newContext(session.browser), webUrl, 'staff.so');
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.waitForSelector('#username');
    expect(await page.title()).toContain('Accedi');
  });
});
