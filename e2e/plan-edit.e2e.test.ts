// Editing existing objectives and indicators of a draft plan in /piano: the administrator of Sondrio copies 2020
// into a 2021 draft (screens.e2e.test.ts copies 2024 into 2025 and asserts on that copy; the 2024 figures other
// journeys read stay untouched), changes an action's title and its indicator's fields, and finds them after a
// reload on the plan, the objective and the indicator pages; then two sessions edit the same objective: the
// second save is a CONFLICT, the dialog shows what was typed, "reload and retry" saves it on the current version,
// and the API holds the second value. Finally an objective typed by mistake: created with two indicators, one
// indicator deleted, then the objective (the dialog saying what goes, Escape cancelling first), gone after a reload.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { wcagViolations } from './support/axe.js';
import { screenshot, useBrowser } from './support/browser.js';

const { webUrl, apiUrl } = inject('stack');
const { as } = useBrowser(webUrl);

/** The 2021 plan itself (not the 2020 one still on screen while it loads). */
async function openPlan2021(page: Page): Promise<void> {
  await page.getByRole('button', { name: "Copia il ciclo nell'anno 2022" }).waitFor();
}

/** Selects a node in the plan editor by code and title; returns its id. */
async function selectNode(page: Page, code: string, title: string): Promise<string> {
  const select = page.getByLabel('Scegli un obiettivo');
  const pattern = new RegExp(`^\\s*${code.replaceAll('.', '\\.')} ${title}$`);
  const value = await select.locator('option', { hasText: pattern }).getAttribute('value');
  if (!value) throw new Error(`no node ${code} ${title} in the plan`);
  await select.selectOption(value);
  return value;
}

/** The bearer token the web app sends to the API (read off its own next request). */
async function bearerOf(page: Page, action: () => Promise<unknown>): Promise<string> {
  const [request] = await Promise.all([page.waitForRequest((r) => r.url() === apiUrl && r.method() === 'POST' && Boolean(r.headers().authorization)), action()]);
  return request.headers().authorization!;
}

/** A query straight to the API with that token (no browser, no cache). */
async function api<T>(authorization: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`API: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

const NODE = 'query ($id: ID!) { node(id: $id) { code title description version indicators { name algorithm formula frequency baselineNumber baselineYear version } } }';
type NodeRow = {
  node: {
    code: string;
    title: string;
    description: string | null;
    version: number;
    indicators: { name: string; algorithm: string | null; formula: string | null; frequency: string | null; baselineNumber: number | null; baselineYear: number | null; version: number }[];
  };
};

describe('editing the objectives and indicators of a draft plan', () => {
  it('copies Sondrio 2020 into a 2021 draft', async () => {
    const page = await as('admin.so', '/piano?anno=2020');
    await page.getByRole('button', { name: "Copia il ciclo nell'anno 2021" }).click();
    await page.getByText('Ciclo 2021 creato dalla copia.').waitFor();
  });

  it("edits an action's title and its indicator, kept after a reload", async () => {
    const page = await as('admin.so', '/piano?anno=2021');
    await openPlan2021(page);
    const nodeId = await selectNode(page, '1.1.1', 'Progetti attivati');
    const form = page.getByRole('form', { name: 'Modifica Azione 1.1.1' });
    const title = form.getByLabel('Titolo');
    await title.waitFor();
    expect(await title.inputValue()).toBe('Progetti attivati');

    // Immediate validation: an empty title is refused before anything is sent.
    await title.fill('');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Scrivi il titolo.').waitFor();
    await title.fill('Progetti attivati entro il 30 giugno');
    await form.getByLabel('Descrizione').fill('Iniziative avviate con le associazioni di categoria');
    await form.getByRole('button', { name: "Salva l'obiettivo" }).click();
    await form.getByRole('status').getByText("Modifiche all'obiettivo salvate.").waitFor();

    await page.getByRole('button', { name: "Modifica l'indicatore Progetti attivati" }).click();
    const indicator = page.getByRole('form', { name: 'Indicatore Progetti attivati' });
    await indicator.getByLabel('Algoritmo di calcolo').fill('numero di iniziative attivate entro il 30 giugno con almeno un partner');
    const formula = indicator.getByLabel('Formula');
    await formula.fill('attivate / (previste * 100');
    expect(await formula.getAttribute('aria-invalid')).toBe('true');
    await indicator.getByText('Le parentesi della formula non sono bilanciate.').waitFor();
    await formula.fill('attivate / previste * 100');
    await indicator.getByText('Variabili lette dalla formula: attivate, previste.').waitFor();
    await indicator.getByLabel('Frequenza di rilevazione').selectOption({ label: 'Semestrale' });
    await indicator.getByLabel('Valore di partenza (baseline)').fill('3,5');
    await indicator.getByLabel('Anno della baseline').fill('2019');
    await indicator.getByRole('button', { name: "Salva l'indicatore" }).click();
    await indicator.getByRole('status').getByText('Indicatore salvato.').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'piano-modifica-obiettivo-indicatore');

    // What the API now holds.
    const authorization = await bearerOf(page, () => page.reload());
    const { node } = await api<NodeRow>(authorization, NODE, { id: nodeId });
    expect(node.title).toBe('Progetti attivati entro il 30 giugno');
    expect(node.description).toBe('Iniziative avviate con le associazioni di categoria');
    expect(node.code).toBe('1.1.1');
    expect(node.indicators).toEqual([
      expect.objectContaining({
        name: 'Progetti attivati',
        algorithm: 'numero di iniziative attivate entro il 30 giugno con almeno un partner',
        formula: 'attivate / previste * 100',
        frequency: 'semiannual',
        baselineNumber: 3.5,
        baselineYear: 2019,
      }),
    ]);

    // After the reload: the plan editor, the objective's page and the indicator's page show the new values.
    await openPlan2021(page);
    await selectNode(page, '1.1.1', 'Progetti attivati entro il 30 giugno');
    expect(await page.getByRole('form', { name: 'Modifica Azione 1.1.1' }).getByLabel('Titolo').inputValue()).toBe('Progetti attivati entro il 30 giugno');
    await page.goto(`${webUrl}/obiettivi/${nodeId}?anno=2021`);
    const heading = page.locator('h1#node-title');
    await heading.getByText('Progetti attivati entro il 30 giugno').waitFor();
    expect((await heading.textContent())?.replace(/\s+/g, ' ').trim()).toBe('1.1.1 Progetti attivati entro il 30 giugno');
    await page.locator('section[aria-labelledby="indicators-heading"] a').first().click();
    await page.waitForURL(/\/indicatori\//);
    const details = page.locator('dl.detail-list').first();
    await details.getByText('attivate / previste * 100').waitFor();
    expect(await details.textContent()).toContain('numero di iniziative attivate entro il 30 giugno con almeno un partner');
    expect(await details.textContent()).toContain('3,5 (2019)');
  });

  it('recovers a CONFLICT between two sessions with the typed values, the second save winning', async () => {
    const first = await as('admin.so', '/piano?anno=2021');
    const second = await as('admin.so', '/piano?anno=2021');
    await openPlan2021(first);
    await openPlan2021(second);
    let nodeId = '';
    // Selecting the node reads it from the API: that request carries the session's token.
    const authorization = await bearerOf(first, async () => {
      nodeId = await selectNode(first, '1.1.2', 'Soggetti coinvolti');
    });
    await selectNode(second, '1.1.2', 'Soggetti coinvolti');
    const formOf = (page: Page) => page.getByRole('form', { name: 'Modifica Azione 1.1.2' });
    await formOf(first).getByLabel('Titolo').waitFor();
    await formOf(second).getByLabel('Titolo').waitFor();
    const before = (await api<NodeRow>(authorization, NODE, { id: nodeId })).node.version;

    // The first session saves its title.
    await formOf(first).getByLabel('Titolo').fill('Soggetti coinvolti nelle iniziative');
    await formOf(first).getByRole('button', { name: "Salva l'obiettivo" }).click();
    await formOf(first).getByText("Modifiche all'obiettivo salvate.").waitFor();

    // The second, which read the node before that save, types its own and is told someone changed it.
    const title = formOf(second).getByLabel('Titolo');
    await title.fill('Imprese e soggetti coinvolti');
    await formOf(second).getByRole('button', { name: "Salva l'obiettivo" }).click();
    const dialog = second.getByRole('dialog');
    await dialog.getByText('Qualcuno ha modificato questi dati').waitFor();
    expect((await dialog.locator('dl').textContent())?.replace(/\s+/g, ' ').trim()).toBe('TitoloImprese e soggetti coinvolti');
    expect(await title.inputValue()).toBe('Imprese e soggetti coinvolti');
    await screenshot(second, 'piano-modifica-conflitto');
    await dialog.getByRole('button', { name: 'Ricarica i dati aggiornati e riprova' }).click();
    await formOf(second).getByRole('status').getByText("Modifiche all'obiettivo salvate.").waitFor();
    await dialog.waitFor({ state: 'hidden' });
    expect(await title.inputValue()).toBe('Imprese e soggetti coinvolti');

    // The API holds the second value, two versions on.
    const { node } = await api<NodeRow>(authorization, NODE, { id: nodeId });
    expect(node.title).toBe('Imprese e soggetti coinvolti');
    expect(node.version).toBe(before + 2);
    await first.reload();
    await openPlan2021(first);
    await selectNode(first, '1.1.2', 'Imprese e soggetti coinvolti');
    expect(await formOf(first).getByLabel('Titolo').inputValue()).toBe('Imprese e soggetti coinvolti');
  });

  it('deletes an indicator, then an objective typed by mistake with what is under it, gone after a reload', async () => {
    const page = await as('admin.so', '/piano?anno=2021');
    await openPlan2021(page);
    const parentId = await selectNode(page, '1.1', 'Capitale Umano');
    const formUnder = (heading: string) => page.locator('form.plan-form', { has: page.getByRole('heading', { name: heading, exact: true }) });

    // The mistake: an action 1.1.9 (weight 0, so 1.1's weights still sum to 100) with two indicators.
    const newNode = formUnder('Nuovo obiettivo sotto 1.1');
    await newNode.getByLabel('Codice').fill('1.1.9');
    await newNode.getByLabel('Titolo').fill('Obiettivo inserito per errore');
    await newNode.getByLabel('Peso').fill('0');
    await newNode.getByRole('button', { name: 'Crea' }).click();
    await newNode.getByText('Obiettivo creato.').waitFor();
    const authorization = await bearerOf(page, async () => {
      await selectNode(page, '1.1.9', 'Obiettivo inserito per errore');
    });
    const nodeId = await page.getByLabel('Scegli un obiettivo').inputValue();
    const newIndicator = formUnder('Nuovo indicatore');
    for (const name of ['Pratiche evase per errore', 'Incontri registrati per errore']) {
      await newIndicator.getByLabel("Nome dell'indicatore").fill(name);
      await newIndicator.getByLabel('Target 2021').fill('5');
      await newIndicator.getByRole('button', { name: 'Crea' }).click();
      await page.getByRole('button', { name: `Modifica l'indicatore ${name}` }).waitFor();
    }

    // One indicator goes, with its target.
    await page.getByRole('button', { name: "Modifica l'indicatore Pratiche evase per errore" }).click();
    await page.getByRole('form', { name: 'Indicatore Pratiche evase per errore' }).getByRole('button', { name: "Elimina l'indicatore" }).click();
    const indicatorDialog = page.getByRole('dialog', { name: "Eliminare l'indicatore Pratiche evase per errore?" });
    await indicatorDialog.getByText("Elimina l'indicatore «Pratiche evase per errore» dell'obiettivo 1.1.9 con il suo target del 2021.").waitFor();
    await indicatorDialog.getByRole('button', { name: 'Elimina definitivamente' }).click();
    await page.getByText('Indicatore «Pratiche evase per errore» eliminato.', { exact: true }).waitFor();
    await page.getByRole('button', { name: "Modifica l'indicatore Pratiche evase per errore" }).waitFor({ state: 'detached' });

    // Then the objective: the dialog says what goes; it starts on "Annulla" and Escape cancels.
    const nodeForm = page.getByRole('form', { name: 'Modifica Azione 1.1.9' });
    const deleteButton = nodeForm.getByRole('button', { name: "Elimina l'obiettivo" });
    await deleteButton.click();
    const dialog = page.getByRole('dialog', { name: "Eliminare l'obiettivo 1.1.9?" });
    await dialog.getByText("Elimina l'obiettivo 1.1.9 «Obiettivo inserito per errore» con 1 indicatore sotto di esso.").waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Annulla');
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'piano-elimina-obiettivo');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await deleteButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect((await api<NodeRow>(authorization, NODE, { id: nodeId })).node.indicators.map((i) => i.name)).toEqual(['Incontri registrati per errore']);

    await deleteButton.click();
    await dialog.getByRole('button', { name: 'Elimina definitivamente' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Obiettivo 1.1.9 eliminato' });
    await done.waitFor();
    expect(await done.textContent()).toBe('Obiettivo 1.1.9 eliminato con 1 indicatore sotto di esso.');
    // Back on the parent, with the focus on the choice of objective.
    const select = page.getByLabel('Scegli un obiettivo');
    expect(await select.inputValue()).toBe(parentId);
    expect(await select.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByRole('form', { name: 'Modifica Obiettivo operativo 1.1' }).waitFor();

    // The API no longer has it; after a reload the plan does not list it.
    const gone = await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: NODE, variables: { id: nodeId } }) });
    expect(((await gone.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    await page.reload();
    await openPlan2021(page);
    await page.getByLabel('Scegli un obiettivo').locator('option', { hasText: /^\s*1\.1\.2 / }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Scegli un obiettivo').locator('option', { hasText: /1\.1\.9/ }).count()).toBe(0);
  });
});
