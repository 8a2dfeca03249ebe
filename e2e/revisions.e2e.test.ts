// Mid-year revision of targets (rimodulazione). Sondrio 2020 (approved, no values): the administrator opens a
// revision with a reason and revises the target of 1.4.1, both targets stay on the page, managers and staff
// see them but get no form. The demo chamber of document 000 (ANON 2020, approved, read by no other journey):
// a value approved for the 30/06/2020 period scores 100,00 against the original target (≥ 2); revised to ≥ 3
// with thresholds 2 / 1 the same value scores 80,00, and "Perché 80,00?" names the revision.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { wcagViolations } from './support/axe.js';
import { screenshot, useBrowser } from './support/browser.js';

const { webUrl, apiUrl, idpUrl } = inject('stack');
const { as } = useBrowser(webUrl);

/** An access token of a demo user from the identity provider (password grant of the demo realm's web client). */
async function token(username: string): Promise<string> {
  const response = await fetch(`${idpUrl}/realms/albero/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'albero-web', username, password: 'demo', scope: 'openid' }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${username}: ${response.status}`);
  return body.access_token;
}

/** A GraphQL request to the real API as a demo user; GraphQL errors fail the test with their codes. */
async function gql<T>(username: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await token(username)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(`${username}: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
  return body.data!;
}

type CycleNodes = { cycle: { id: string; nodes: { code: string; indicators: { id: string; name: string }[] }[] } };
async function indicatorId(username: string, year: number, code: string, name: string): Promise<string> {
  const { cycle } = await gql<CycleNodes>(username, 'query($y: Int) { cycle(year: $y) { id nodes { code indicators { id name } } } }', { y: year });
  const found = cycle.nodes.find((n) => n.code === code)?.indicators.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator "${name}" on ${code} in ${year}`);
  return found.id;
}

type Targets = { indicator: { targets: { valueNumber: number | null; threshold80Number: number | null; threshold60Number: number | null; revision: { revisedOn: string; reason: string } | null }[]; score: { score: number | null } | null } };
async function targetsOf(username: string, id: string, year: number): Promise<Targets['indicator']> {
  const { indicator } = await gql<Targets>(username, 'query($id: ID!, $y: Int) { indicator(id: $id) { targets(year: $y) { valueNumber threshold80Number threshold60Number revision { revisedOn reason } } score { score } } }', { id, y: year });
  return { ...indicator, targets: [...indicator.targets].sort((a, b) => Number(a.revision !== null) - Number(b.revision !== null)) };
}

/** The cells of a table row, each as one line of text. */
const cells = async (page: Page, selector: string) => (await page.locator(selector).locator('th, td').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());

/** Opens a revision in the "Rimodulazioni del piano" panel and waits for it in the list. */
async function openRevision(page: Page, date: string, reason: string, resolution?: { number: string; date: string }) {
  const panel = page.locator('section.revisions-panel');
  await panel.getByLabel('Data della rimodulazione').fill(date);
  if (resolution) {
    await panel.getByLabel('Numero della delibera di Giunta').fill(resolution.number);
    await panel.getByLabel('Data della delibera').fill(resolution.date);
  }
  await panel.getByLabel('Motivazione').fill(reason);
  await panel.getByRole('button', { name: 'Apri la rimodulazione' }).click();
  await panel.getByRole('status').waitFor();
  await panel.locator('tbody tr', { hasText: reason }).waitFor();
}

/** Fills "Rimodula il target" and waits for the confirmation. */
async function reviseTarget(page: Page, unit: string, values: { target: string; t80: string; t60: string }) {
  const form = page.locator('section.revise-target');
  await form.getByLabel(`Nuovo target (${unit})`).fill(values.target);
  await form.getByLabel('Nuova soglia 80%').fill(values.t80);
  await form.getByLabel('Nuova soglia 60%').fill(values.t60);
  await form.getByRole('button', { name: 'Rimodula il target' }).click();
  await form.getByRole('status').waitFor();
}

const SO_REASON = 'Monitoraggio al 30/06: sportelli di conciliazione chiusi da marzo a maggio per l’emergenza sanitaria';
let soIndicator = '';

describe('rimodulazione of Sondrio 2020 (approved plan)', () => {
  it('the administrator opens a revision with a reason and revises the target of 1.4.1; both targets stay', async () => {
    soIndicator = await indicatorId('admin.so', 2020, '1.4.1', 'Servizio di conciliazione – istanze pervenute');
    const page = await as('admin.so', `/indicatori/${soIndicator}`);
    const form = page.locator('section.revise-target');
    await form.getByText('Target originale 2020: ≥ 170. Soglia 80%: 150; soglia 60%: 120.').waitFor();
    await form.getByText('Per rimodulare il target apri prima una rimodulazione del piano 2020', { exact: false }).waitFor();

    // A revision without a reason is refused before reaching the API.
    const panel = page.locator('section.revisions-panel');
    await panel.getByLabel('Data della rimodulazione').fill('2020-06-30');
    await panel.getByRole('button', { name: 'Apri la rimodulazione' }).click();
    expect(await panel.getByLabel('Motivazione').getAttribute('aria-invalid')).toBe('true');
    expect(await panel.locator('.invalid-feedback').textContent()).toBe('La motivazione è obbligatoria (almeno 5 caratteri).');

    await openRevision(page, '2020-06-30', SO_REASON, { number: '57', date: '2020-07-09' });
    expect(await panel.getByRole('status').textContent()).toBe('Rimodulazione del 30/06/2020 aperta: ora puoi rimodulare i target.');
    expect(await cells(page, 'section.revisions-panel tbody tr')).toEqual(['30/06/2020', SO_REASON, 'n. 57 del 09/07/2020']);

    expect(await form.getByLabel('Rimodulazione').locator('option:checked').textContent()).toBe(`30/06/2020 — ${SO_REASON}`);
    // Thresholds on the wrong side of the target are refused in the form.
    await form.getByLabel('Nuovo target (N.)').fill('150');
    await form.getByLabel('Nuova soglia 80%').fill('160');
    await form.getByRole('button', { name: 'Rimodula il target' }).click();
    expect(await form.locator('.invalid-feedback').textContent()).toBe("La soglia dell'80% deve essere meno ambiziosa del target.");
    await reviseTarget(page, 'N.', { target: '150', t80: '130', t60: '100' });
    expect(await form.getByRole('status').textContent()).toBe('Target rimodulato con la rimodulazione del 30/06/2020: il punteggio ora usa il nuovo target.');

    await page.locator('tr.target-revised').waitFor();
    expect(await cells(page, 'tr.target-original')).toEqual(['2020originale', '≥ 170 (non più in vigore)', '150 (non più in vigore)', '120 (non più in vigore)']);
    expect(await page.locator('tr.target-original td s').allTextContents()).toEqual(['≥ 170', '150', '120']);
    expect(await cells(page, 'tr.target-revised')).toEqual(['2020rimodulato', `≥ 150rimodulato il 30/06/2020: ${SO_REASON}`, '130', '100']);
    // Revised once under this revision: it is no longer offered for this target.
    expect(await form.textContent()).toContain('Il target è già stato rimodulato in tutte le rimodulazioni aperte');

    // What the API now holds: the original unchanged, the revised target under the revision.
    expect((await targetsOf('admin.so', soIndicator, 2020)).targets).toEqual([
      { valueNumber: 170, threshold80Number: 150, threshold60Number: 120, revision: null },
      { valueNumber: 150, threshold80Number: 130, threshold60Number: 100, revision: { revisedOn: '2020-06-30', reason: SO_REASON } },
    ]);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'rimodulazione-so-2020');
  });

  it.each(['manager.so', 'staff.so'])('%s sees both targets but gets no revision form', async (username) => {
    const page = await as(username, `/indicatori/${soIndicator}`);
    await page.locator('tr.target-revised').waitFor();
    expect(await cells(page, 'tr.target-revised')).toEqual(['2020rimodulato', `≥ 150rimodulato il 30/06/2020: ${SO_REASON}`, '130', '100']);
    expect((await cells(page, 'tr.target-original'))[0]).toBe('2020originale');
    expect(await page.getByRole('heading', { name: 'Rimodulazioni del piano' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Rimodula il target 2020' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Apri la rimodulazione' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rimodula il target' }).count()).toBe(0);
  });
});

describe('the score of a revised target (ANON 2020)', () => {
  const INDICATOR = 'Totale iniziative di sensibilizzazione realizzate';
  const REASON = 'Rimodulazione di metà anno: fondi raddoppiati per la sensibilizzazione';

  it('scores the approved value against the revised target and explains it', async () => {
    // A 30/06/2020 period with a value of 2 entered by staff (assigned to A.1.2.2) and approved by the administrator.
    const id = await indicatorId('admin.anon', 2020, 'A.1.2.2', INDICATOR);
    const { cycle } = await gql<{ cycle: { id: string } }>('admin.anon', '{ cycle(year: 2020) { id } }');
    const period = (await gql<{ addPeriod: { id: string; version: number } }>('admin.anon', 'mutation($c: ID!) { addPeriod(cycleId: $c, periodDate: "2020-06-30", dueDate: "2020-07-31") { id version } }', { c: cycle.id })).addPeriod;
    await gql('admin.anon', 'mutation($id: ID!, $v: Int!) { openPeriod(id: $id, version: $v) { id } }', { id: period.id, v: period.version });
    const entered = (await gql<{ enterMeasurement: { id: string; version: number } }>('staff.anon', 'mutation($i: ID!, $p: ID!) { enterMeasurement(indicatorId: $i, periodId: $p, valueNumber: 2) { id version } }', { i: id, p: period.id })).enterMeasurement;
    const submitted = (await gql<{ submitMeasurement: { id: string; version: number } }>('staff.anon', 'mutation($id: ID!, $v: Int!) { submitMeasurement(id: $id, version: $v) { id version } }', { id: entered.id, v: entered.version })).submitMeasurement;
    await gql('admin.anon', 'mutation($id: ID!, $v: Int!) { approveMeasurement(id: $id, version: $v) { id } }', { id: submitted.id, v: submitted.version });

    const page = await as('admin.anon', `/indicatori/${id}`);
    const score = page.getByTestId('indicator-score');
    await page.getByText('Perché 100,00?').waitFor();
    expect(await score.textContent()).toContain('100,00');

    await openRevision(page, '2020-06-30', REASON);
    await reviseTarget(page, 'N.', { target: '3', t80: '2', t60: '1' });

    // 2 against "≥ 3" reaches the 80 % threshold (2): 80,00, where the original "≥ 2" gave 100,00.
    await page.getByText('Perché 80,00?').waitFor();
    expect(await score.textContent()).toContain('80,00');
    expect(await page.locator('.explanation').first().textContent()).toContain(`Target rimodulato il 30/06/2020 (in origine 2). Motivazione: ${REASON}`);
    expect(await cells(page, 'tr.target-original')).toEqual(['2020originale', '>= 2 (non più in vigore)', '—', '—']);
    expect(await cells(page, 'tr.target-revised')).toEqual(['2020rimodulato', `≥ 3rimodulato il 30/06/2020: ${REASON}`, '2', '1']);

    const after = await targetsOf('admin.anon', id, 2020);
    expect(after.targets).toEqual([
      { valueNumber: 2, threshold80Number: null, threshold60Number: null, revision: null },
      { valueNumber: 3, threshold80Number: 2, threshold60Number: 1, revision: { revisedOn: '2020-06-30', reason: REASON } },
    ]);
    expect(after.score?.score).toBe(80);
    await screenshot(page, 'rimodulazione-punteggio-anon-2020');
  });
});
