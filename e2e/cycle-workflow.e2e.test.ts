// The end of a cycle, Maremma e Tirreno 2023: the administrator closes it, the OIV validates the Relazione,
// the administrator publishes it, and anyone can read it on the public page.
import { describe, expect, inject, it } from 'vitest';
import { newContext, screenshot, useBrowser } from './support/browser.js';

const { webUrl } = inject('stack');
const { as, browser } = useBrowser(webUrl);

describe('closing, validating and publishing a cycle', () => {
  it('refuses to publish before the OIV validates, then publishes after', async () => {
    const admin = await as('admin.mt', '/piano?anno=2023');
    await admin.getByRole('button', { name: 'Chiudi il ciclo 2023' }).click();
    await admin.getByText('Il ciclo è chiuso.').waitFor();
    await admin.getByRole('button', { name: 'Pubblica il ciclo 2023' }).click();
    expect(await admin.getByRole('alert').textContent()).toBe(
      "Alcuni dati non sono validi o l'operazione non è possibile in questo stato. Controlla i campi e riprova.",
    );

    const oiv = await as('oiv.mt', '/oiv?anno=2023');
    await oiv.getByRole('button', { name: 'Valida la Relazione' }).click();
    await oiv.getByText(/^Relazione validata il \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await screenshot(oiv, 'oiv-validazione-relazione');

    await admin.reload();
    await admin.getByRole('button', { name: 'Pubblica il ciclo 2023' }).click();
    await admin.getByText('Il ciclo è pubblicato.').waitFor();

    const anonymous = await (await newContext(browser())).newPage();
    await anonymous.goto(`${webUrl}/pubblico/mt/2023`);
    await anonymous.locator('h1').waitFor();
    expect(await anonymous.textContent('h1')).toBe('Camera di Commercio della Maremma e del Tirreno — Performance 2023');
    await screenshot(anonymous, 'pubblico-mt-2023');
  });
});
