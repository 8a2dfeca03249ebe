// The exports of the cruscotto of Sondrio 2024, downloaded from the real screen and opened: the XLSX with exceljs
// (header rows in the order of the Allegato A of seed 001, every action of the Allegato with its published
// figures), the PDF by reading its text back (streams inflated, glyphs mapped through each font's ToUnicode
// CMap: what a PDF reader copies), checked against the same rows. Saved as test-results/cruscotto-so-2024.*.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './support/browser.js';
import { RESULTS } from './support/global-setup.js';

const { webUrl } = inject('stack');
const { as } = useBrowser(webUrl);

/** The Allegato A's column headings, in its order (seed 001, "Il cruscotto degli obiettivi"). */
const HEADINGS = [
  'Prospettiva BSC',
  'Risultato',
  'Obiettivo strategico',
  'Risultato',
  'Cod.',
  'Titolo / descrizione',
  'Peso',
  'Risultato',
  'Cod.',
  'Titolo / descrizione',
  'Peso',
  'Risultato',
  'KPI',
  'Target',
  'Risultato',
  'Percentuale raggiungimento',
];

/** Every action of the Allegato A in its order (as test/db/load-demo.test.ts holds them). */
const ACTIONS = [
  ...['1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.1.5', '1.2.1A', '1.2.1B', '1.2.2', '1.2.3', '1.2.4', '1.3.1', '1.3.2', '1.4.1'],
  ...['2.1.1', '2.1.2', '2.1.3', '2.1.4', '2.2.1', '2.2.2', '2.2.3', '2.2.4'],
  ...['3.1.1', '3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.3.1', '3.3.2', '3.3.3', '3.3.4', '3.4.1', '3.4.2', '3.4.3', '3.4.4', '3.4.5', '3.4.6'],
  ...['4.1.1', '4.2.1', '4.2.2', '5.1.1', '5.1.2', '5.1.3', '6.1.1', '6.1.1.a', '6.1.1.b', '6.1.2'],
  ...['7.1.1', '7.1.2', '7.1.3', '7.1.4', '7.1.5', '8.1.1', '8.1.2', '8.1.3', '9.1.1'],
];

// ---- PDF text, as a reader copies it ----------------------------------------------------------------------

type PdfObject = { dict: string; stream: string | null };

/** The objects of a PDF by number, streams inflated (pdfmake writes them with FlateDecode and a direct /Length). */
function pdfObjects(bytes: Buffer): Map<number, PdfObject> {
  const raw = bytes.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(raw); match; match = header.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endobj', start);
    const streamAt = raw.indexOf('stream', start);
    if (streamAt === -1 || streamAt > end) {
      objects.set(Number(match[1]), { dict: raw.slice(start, end), stream: null });
      continue;
    }
    const dict = raw.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const dataStart = streamAt + 'stream'.length + (raw[streamAt + 6] === '\r' ? 2 : 1);
    const data = Buffer.from(raw.slice(dataStart, dataStart + length), 'latin1');
    objects.set(Number(match[1]), { dict, stream: (/\/FlateDecode/.test(dict) ? inflateSync(data) : data).toString('latin1') });
    header.lastIndex = dataStart + length;
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const found = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return found ? Number(found[1]) : undefined;
};
const utf16 = (hex: string) => String.fromCharCode(...(hex.replace(/\s/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** A ToUnicode CMap (bfrange with arrays or a first code, bfchar) as glyph code → text. */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, rest] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F ]+>)/g)) {
      const first = parseInt(from!, 16);
      const last = parseInt(to!, 16);
      if (rest!.startsWith('[')) [...rest!.matchAll(/<([0-9a-fA-F ]+)>/g)].forEach(([, hex], i) => map.set(first + i, utf16(hex!)));
      else for (let code = first, base = parseInt(rest!.slice(1, -1), 16); code <= last; code++) map.set(code, String.fromCharCode(base + code - first));
    }
  }
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F ]+)>/g)) map.set(parseInt(from!, 16), utf16(to!));
  }
  return map;
}

/** The text of every page in drawing order, one line per text object. */
function pdfPageTexts(bytes: Buffer): string[] {
  const objects = pdfObjects(bytes);
  const dictOf = (n: number | undefined) => (n === undefined ? '' : (objects.get(n)?.dict ?? ''));
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict) && /\/Kids/.test(o.dict))!;
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(root.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map(([, n]) => Number(n));
  return kids.map((pageNumber) => {
    const page = dictOf(pageNumber);
    const resources = ref(page, 'Resources') !== undefined ? dictOf(ref(page, 'Resources')) : page;
    const fonts = new Map<string, Map<number, string>>();
    for (const [, name, n] of (/\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const cmap = objects.get(ref(dictOf(Number(n)), 'ToUnicode') ?? -1)?.stream;
      fonts.set(name!, cmap ? toUnicode(cmap) : new Map());
    }
    const content = objects.get(ref(page, 'Contents') ?? -1)?.stream ?? '';
    const lines: string[] = [];
    let font = new Map<number, string>();
    for (const block of content.split(/\bET\b/)) {
      let line = '';
      for (const [, fontName, array, single] of block.matchAll(/\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]<])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (fontName) font = fonts.get(fontName) ?? new Map();
        const hexes = array !== undefined ? [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, h]) => h!) : single !== undefined ? [single] : [];
        for (const hex of hexes) for (const code of hex.match(/.{4}/g) ?? []) line += font.get(parseInt(code, 16)) ?? '\uFFFD';
      }
      if (line) lines.push(line);
    }
    return lines.join('\n');
  });
}

/** Text without any whitespace: a cell's text wrapped over several lines still matches. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

// ---- the journey --------------------------------------------------------------------------------------------

let page: Page;
beforeAll(async () => {
  page = await as('admin.so', '/cruscotto?anno=2024');
  await page.waitForSelector('[data-testid="perspective-P2"]');
});

async function download(button: string, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button }).click()]);
  expect(file.suggestedFilename()).toBe(name);
  await file.saveAs(join(RESULTS, name.replace('cruscotto-2024-20241231', 'cruscotto-so-2024')));
  return readFile(await file.path());
}

let xlsxRows: unknown[][] = [];

describe('the exports of the cruscotto of Sondrio 2024, laid out like the Allegato A', () => {
  it('downloads an XLSX with the Allegato A columns and every action with its published figures', async () => {
    const bytes = await download('Scarica XLSX', 'cruscotto-2024-20241231.xlsx');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own `Buffer` (an ArrayBuffer): hand it the bytes' ArrayBuffer.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Allegato A');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Allegato A — Il cruscotto degli obiettivi']);
    expect(values(2)).toEqual(['Camera di commercio di Sondrio — Ciclo della performance 2024']);
    expect(values(3)).toEqual(['Periodo di monitoraggio: valori al 31/12/2024']);
    expect(values(4)).toEqual(['Media dei risultati misurati 97,91 · Performance organizzativa 100,00']);
    // Two header rows: the levels of the cycle (merged over their columns), then the Allegato's headings.
    expect(values(6)).toEqual([
      ...Array<string>(2).fill('Prospettiva BSC'),
      ...Array<string>(2).fill('Obiettivo strategico'),
      ...Array<string>(4).fill('Obiettivo operativo'),
      ...Array<string>(4).fill('Azione'),
      ...Array<string>(4).fill('Indicatore'),
    ]);
    expect(sheet.getCell('D6').master.address).toBe('C6');
    expect(values(7)).toEqual(HEADINGS);

    xlsxRows = Array.from({ length: sheet.rowCount - 7 }, (_, i) => values(8 + i));
    // One row per action of the Allegato A, in its order (the Segretario Generale's objectives are not in it).
    expect(xlsxRows.map((row) => row[8])).toEqual(ACTIONS);
    const row = (code: string) => xlsxRows.find((r) => r[8] === code);
    // 1.3.1: 220 requests expected, 211 received, scored 80; its parents read through the merged cells.
    expect(row('1.3.1')).toEqual([
      'Sviluppo del tessuto economico locale',
      97.8,
      'Competitività del territorio',
      97.6,
      '1.3',
      'Regolazione del mercato',
      10,
      76,
      '1.3.1',
      'Livello di diffusione del servizio di mediazione',
      80,
      80,
      "numero istanze pervenute nell'anno",
      '220',
      '211',
      80,
    ]);
    // 1.3.2 and 2.1.2: the OIV's 60 as published; 3.3.1 lower is better (27 gg. expected, 28,95 measured, 80).
    expect(row('1.3.2')?.slice(12)).toEqual(["procedure concluse con accordo nell'anno corrente/procedure concluse nell'anno corrente", '40%', '27,21%', 60]);
    expect(row('2.1.2')?.slice(12)).toEqual(['N. quesiti risolti dallo sportello Internazionalizzazione entro 5 GG lavorativi dalla presentazione', '75%', '37,5%', 60]);
    expect(row('3.3.1')?.slice(0, 8)).toEqual(['Processi interni', 95.2, 'Qualità dei processi', 97.6, '3.3', 'Tempi istruttori', 20, 92]);
    expect(row('3.3.1')?.slice(13)).toEqual(['27 gg.', '28,95 gg', 80]);
    // Scores and weights are numbers shown with a "%" format ("80,00%" in an Italian spreadsheet).
    const r131 = 8 + ACTIONS.indexOf('1.3.1');
    expect([sheet.getCell(`K${r131}`).numFmt, sheet.getCell(`L${r131}`).numFmt, sheet.getCell(`P${r131}`).numFmt]).toEqual(['0"%"', '0.00"%"', '0.00"%"']);
    // P1 is written once and merged over its 21 actions (strategic objectives 1 and 2), as in the Allegato.
    const p2 = 8 + ACTIONS.indexOf('3.1.1');
    expect(p2).toBe(8 + 21);
    expect(sheet.getCell('A8').value).toBe('Sviluppo del tessuto economico locale');
    expect(sheet.getCell(`A${p2 - 1}`).master.address).toBe('A8');
    expect([sheet.getCell(`A${p2}`).master.address, sheet.getCell(`A${p2}`).value]).toEqual([`A${p2}`, 'Processi interni']);
  });

  it('downloads a PDF with the same headings and rows, the first page headed like the Allegato A', async () => {
    const bytes = await download('Scarica PDF (Allegato A)', 'cruscotto-2024-20241231.pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPageTexts(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const first = squeeze(pages[0]!);
    for (const line of [
      'Allegato A — Il cruscotto degli obiettivi',
      'Camera di commercio di Sondrio — Ciclo della performance 2024',
      'Periodo di monitoraggio: valori al 31/12/2024',
      'Media dei risultati misurati 97,91 · Performance organizzativa 100,00',
    ])
      expect(first).toContain(squeeze(line));
    // The header row in the Allegato's order, and the first action with its parents as published.
    expect(first).toContain(squeeze(HEADINGS.join('')));
    expect(first).toContain(
      squeeze(
        'Sviluppo del tessuto economico locale 97,80% Competitività del territorio 97,60% 1.1 Capitale Umano 20% 100,00% ' +
          '1.1.1 Registro Alternanza Scuola Lavoro - valorizzazione 25% 100,00% imprese iscritte al RASL 31.12 / imprese attive al RI 31.12 3,50% 3,47% 100,00%',
      ),
    );
    // Every page repeats the header rows.
    for (const text of pages) expect(squeeze(text)).toContain(squeeze(HEADINGS.join('')));
    // The same rows as the XLSX, in the same order: each action's code, title, KPI, target and measured value.
    const all = squeeze(pages.join('\n'));
    expect(all).toContain(squeeze("1.3.1 Livello di diffusione del servizio di mediazione 80% 80,00% numero istanze pervenute nell'anno 220 211 80,00%"));
    // The XLSX's numbers as the PDF writes them: weights "80%", scores "80,00%".
    const weight = (n: unknown) => `${new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 }).format(n as number)}%`;
    const score = (n: unknown) => (typeof n === 'number' ? `${new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)}%` : String(n));
    let from = 0;
    expect(xlsxRows).toHaveLength(ACTIONS.length);
    for (const row of xlsxRows) {
      const expected = squeeze([row[8], row[9], weight(row[10]), score(row[11]), row[12], row[13], row[14], score(row[15])].join(''));
      const at = all.indexOf(expected, from);
      expect(at, `row ${String(row[8])} of the XLSX in the PDF, after the previous one`).toBeGreaterThanOrEqual(from);
      from = at + expected.length;
    }
  });
});
