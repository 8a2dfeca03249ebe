// The cruscotto exports laid out like the Allegato A of seed 001 (Sondrio, Relazione sulla Performance 2024):
// the columns in the Allegato's order, real rows of Sondrio 2024 with their published figures, the merges of the
// parents over their rows, the same table in the workbook and in the PDF, English headings and number formats.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildPdf,
  buildWorkbook,
  currentTarget,
  exportColumns,
  exportHeading,
  exportRows,
  formatMeasure,
  formatTarget,
  type ExportInput,
} from '../src/exports/export-cruscotto.js';
import type { CruscottoData, CruscottoNode, CruscottoTarget } from '../src/graphql/operations.js';
import { initI18n } from '../src/i18n/i18n.js';
import { italianI18n } from './support.js';

type Cycle = CruscottoData['cycle'];
type IndicatorFixture = { code: string; kpi: string; unit: string; weight?: number; target: [CruscottoTarget['operator'], number, string]; value: number | null; score: number | null };

const target = (over: Partial<CruscottoTarget> = {}): CruscottoTarget => ({
  id: 't-131',
  year: 2024,
  operator: 'gte',
  valueNumber: 220,
  valueDate: null,
  valueBoolean: null,
  label: null,
  version: 1,
  revision: null,
  ...over,
});

/** A slice of Sondrio 2024 as the cruscotto query returns it: nodes with weights, indicators with KPI and target; scores published. */
function sondrio(): Cycle {
  const nodes: CruscottoNode[] = [];
  const nodeScores: Cycle['scorecard']['nodes'] = [];
  const indicatorScores: Cycle['scorecard']['indicators'] = [];
  const add = (code: string, title: string, parent: string | null, levelKey: string, weight: number, result: number, indicators: IndicatorFixture[] = []) => {
    nodes.push({
      id: `n-${code}`,
      code,
      title,
      parentId: parent === null ? null : `n-${parent}`,
      levelKey,
      weight,
      position: 0,
      version: 1,
      perspective: null,
      units: [],
      indicators: indicators.map((i) => ({
        id: `i-${i.code}`,
        code: i.code,
        name: title,
        weight: i.weight ?? 100,
        algorithm: i.kpi,
        unit: i.unit,
        targets: [target({ id: `t-${i.code}`, operator: i.target[0], valueNumber: i.target[1], label: i.target[2] })],
      })),
    });
    nodeScores.push({ nodeId: `n-${code}`, parentId: parent === null ? null : `n-${parent}`, code, level: levelKey, weight, result, achievement: null, rating: null, overridden: false });
    for (const i of indicators) indicatorScores.push({ indicatorId: `i-${i.code}`, nodeId: `n-${code}`, score: i.score, value: i.value, overridden: i.score === 60 });
  };
  add('P1', 'Sviluppo del tessuto economico locale', null, 'prospettiva', 100, 97.8);
  add('1', 'Competitività del territorio', 'P1', 'strategico', 100, 97.6);
  add('1.3', 'Regolazione del mercato', '1', 'operativo', 10, 76);
  add('1.3.1', 'Livello di diffusione del servizio di mediazione', '1.3', 'azione', 80, 80, [
    { code: '1.3.1', kpi: "numero istanze pervenute nell'anno", unit: 'N.', target: ['gte', 220, '220'], value: 211, score: 80 },
  ]);
  add('1.3.2', 'Incidenza delle mediazioni con esito positivo', '1.3', 'azione', 20, 60, [
    { code: '1.3.2', kpi: "procedure concluse con accordo nell'anno corrente/procedure concluse nell'anno corrente", unit: '%', target: ['gte', 40, '40%'], value: 27.21, score: 60 },
  ]);
  add('1.4', "Certificazione d'impresa e di prodotto", '1', 'operativo', 40, 100);
  add('1.4.1', 'Marchio Valtellina', '1.4', 'azione', 100, 100, [{ code: '1.4.1', kpi: 'Nuove concessioni', unit: 'N.', target: ['gte', 75, '75'], value: 96, score: 100 }]);
  add('P2', 'Processi interni', null, 'prospettiva', 100, 95.2);
  add('3', 'Qualità dei processi', 'P2', 'strategico', 100, 97.6);
  add('3.1', 'Tempi dei pagamenti', '3', 'operativo', 20, 100);
  add('3.1.1', 'Indice di tempestività dei pagamenti', '3.1', 'azione', 100, 100, [
    { code: '3.1.1', kpi: 'Indice tempestività (Piattaforma Certificazione Crediti) - NUOVO', unit: 'gg', target: ['lte', -12, '-12 gg.'], value: -21.43, score: 100 },
  ]);
  add('3.3', 'Tempi istruttori', '3', 'operativo', 20, 92);
  add('3.3.1', 'Tempi di istruttoria domande liquidazione contributi', '3.3', 'azione', 40, 80, [
    { code: '3.3.1', kpi: 'sommatoria giorni da presentazione rendicontazione e liquidazione/ contributi concessi', unit: 'gg', target: ['lte', 27, '27 gg.'], value: 28.95, score: 80 },
  ]);
  // An objective of the Segretario Generale: individual, not part of the Allegato A.
  add('SG.1', 'Obiettivi di sistema – livello medio di raggiungimento', null, 'individuale', 30, 100, [
    { code: 'SG.1', kpi: 'media aritmetica semplice della performance dei 25 obiettivi di sistema', unit: '%', target: ['gte', 80, '80 %'], value: 97.6, score: 100 },
  ]);
  return {
    id: 'c-2024',
    year: 2024,
    state: 'published',
    horizonStart: 2023,
    horizonEnd: 2025,
    resolutionNumber: '3/GC',
    resolutionDate: '2024-01-31',
    levels: [
      { key: 'prospettiva', name: 'Prospettiva BSC', kind: 'perspective', position: 0 },
      { key: 'strategico', name: 'Obiettivo strategico', kind: 'strategic', position: 1 },
      { key: 'operativo', name: 'Obiettivo operativo', kind: 'operational', position: 2 },
      { key: 'azione', name: 'Azione', kind: 'action', position: 3 },
      { key: 'individuale', name: 'Obiettivo individuale', kind: 'individual', position: 4 },
    ],
    perspectives: [],
    periods: [],
    nodes,
    scorecard: {
      periodId: 'p-2024-12-31',
      periodDate: '2024-12-31',
      entity: { meanOfResults: 97.91, performance: 100 } as Cycle['scorecard']['entity'],
      warnings: [],
      nodes: nodeScores,
      indicators: indicatorScores,
    },
  };
}

async function input(cycle: Cycle = sondrio(), language: 'it' | 'en' = 'it'): Promise<ExportInput> {
  const i18n = language === 'it' ? await italianI18n() : await initI18n('en');
  return { cycle, chamber: 'Camera di commercio di Sondrio', t: i18n.t.bind(i18n), locale: language === 'it' ? 'it-IT' : 'en-GB' };
}

const texts = (row: { cells: { text: string }[] } | undefined) => row?.cells.map((c) => c.text);

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
const ROW_1_3_1 = [
  'Sviluppo del tessuto economico locale',
  '97,80%',
  'Competitività del territorio',
  '97,60%',
  '1.3',
  'Regolazione del mercato',
  '10%',
  '76,00%',
  '1.3.1',
  'Livello di diffusione del servizio di mediazione',
  '80%',
  '80,00%',
  "numero istanze pervenute nell'anno",
  '220',
  '211',
  '80,00%',
];

describe('the cruscotto exports laid out like the Allegato A of Sondrio 2024', () => {
  it('has the columns of the Allegato A in its order, grouped by level', async () => {
    const columns = exportColumns(await input());
    expect(columns.map((c) => c.heading)).toEqual(HEADINGS);
    expect(columns.map((c) => c.group)).toEqual([
      ...Array<string>(2).fill('Prospettiva BSC'),
      ...Array<string>(2).fill('Obiettivo strategico'),
      ...Array<string>(4).fill('Obiettivo operativo'),
      ...Array<string>(4).fill('Azione'),
      ...Array<string>(4).fill('Indicatore'),
    ]);
  });

  it('writes one row per action with its ancestors, KPI, target, measured value and achievement as published', async () => {
    const rows = exportRows(await input());
    // The five actions in plan order; the Segretario Generale's individual objective is not in the Allegato.
    expect(rows.map((r) => r.cells[8]!.text)).toEqual(['1.3.1', '1.3.2', '1.4.1', '3.1.1', '3.3.1']);
    expect(texts(rows[0])).toEqual(ROW_1_3_1);
    expect(texts(rows.find((r) => r.indicatorId === 'i-1.3.2'))?.slice(8)).toEqual([
      '1.3.2',
      'Incidenza delle mediazioni con esito positivo',
      '20%',
      '60,00%',
      "procedure concluse con accordo nell'anno corrente/procedure concluse nell'anno corrente",
      '40%',
      '27,21%',
      '60,00%',
    ]);
    // Lower is better, in days: 27 gg. as target, 28,95 measured, 80 %; and the negative timeliness index.
    expect(texts(rows.find((r) => r.indicatorId === 'i-3.3.1'))).toEqual([
      'Processi interni',
      '95,20%',
      'Qualità dei processi',
      '97,60%',
      '3.3',
      'Tempi istruttori',
      '20%',
      '92,00%',
      '3.3.1',
      'Tempi di istruttoria domande liquidazione contributi',
      '40%',
      '80,00%',
      'sommatoria giorni da presentazione rendicontazione e liquidazione/ contributi concessi',
      '27 gg.',
      '28,95 gg',
      '80,00%',
    ]);
    expect(texts(rows.find((r) => r.indicatorId === 'i-3.1.1'))?.slice(13)).toEqual(['-12 gg.', '-21,43 gg', '100,00%']);
    // The figures behind the text, for the XLSX: weights and scores as numbers, KPI texts not.
    expect(rows[0]!.cells.map((c) => c.number)).toEqual([null, 97.8, null, 97.6, null, null, 10, 76, null, null, 80, 80, null, null, null, 80]);
  });

  it('merges a parent over the rows of its subtree, as the Allegato does', async () => {
    const rows = exportRows(await input());
    const spans = (column: number) => rows.map((r) => r.cells[column]!.span);
    expect(spans(0)).toEqual([3, 0, 0, 2, 0]); // perspectives P1 (1.3.1, 1.3.2, 1.4.1) and P2
    expect(spans(2)).toEqual([3, 0, 0, 2, 0]); // strategic objectives 1 and 3
    expect(spans(4)).toEqual([2, 0, 1, 1, 1]); // operational objectives 1.3 (two actions), 1.4, 3.1, 3.3
    expect(spans(8)).toEqual([1, 1, 1, 1, 1]); // one indicator per action
    expect(spans(15)).toEqual([1, 1, 1, 1, 1]);
  });

  it('heads the export with the chamber, the cycle year, the period and the entity figures', async () => {
    expect(exportHeading(await input())).toEqual({
      title: 'Allegato A — Il cruscotto degli obiettivi',
      chamber: 'Camera di commercio di Sondrio — Ciclo della performance 2024',
      period: 'Periodo di monitoraggio: valori al 31/12/2024',
      entity: 'Media dei risultati misurati 97,91 · Performance organizzativa 100,00',
    });
  });

  it('writes the same table into the workbook: two header rows, merged parents, scores as numbers', async () => {
    const sheet = buildWorkbook(ExcelJS, await input()).worksheets[0]!;
    expect(sheet.name).toBe('Allegato A');
    expect(sheet.getCell('A2').value).toBe('Camera di commercio di Sondrio — Ciclo della performance 2024');
    expect(sheet.getCell('A3').value).toBe('Periodo di monitoraggio: valori al 31/12/2024');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(7)).toEqual(HEADINGS);
    expect(values(6).slice(0, 5)).toEqual(['Prospettiva BSC', 'Prospettiva BSC', 'Obiettivo strategico', 'Obiettivo strategico', 'Obiettivo operativo']);
    expect(sheet.getCell('A6').isMerged && sheet.getCell('B6').master.address).toBe('A6');
    expect(values(8)).toEqual([
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
    expect([sheet.getCell('B8').numFmt, sheet.getCell('G8').numFmt, sheet.getCell('P8').numFmt]).toEqual(['0.00"%"', '0"%"', '0.00"%"']);
    // A8 (P1) spans the three rows of its actions; A10 (1.4.1's row) shows it through the merge.
    expect(sheet.getCell('A10').master.address).toBe('A8');
    expect(sheet.getCell('E9').master.address).toBe('E8');
    expect(sheet.getCell('E10').isMerged).toBe(false);
    expect(sheet.rowCount).toBe(12);
    expect((sheet.getRow(12).values as unknown[]).slice(9, 17)).toEqual(['3.3.1', 'Tempi di istruttoria domande liquidazione contributi', 40, 80, 'sommatoria giorni da presentazione rendicontazione e liquidazione/ contributi concessi', '27 gg.', '28,95 gg', 80]);
  });

  it('writes the same table into the PDF: repeated header rows, parents spanning their rows', async () => {
    const definition = buildPdf(await input());
    const table = (definition.content as { table?: { headerRows: number; widths: unknown[]; body: Record<string, unknown>[][] } }[]).find((c) => c.table)!.table!;
    expect(table.headerRows).toBe(2);
    expect(table.widths).toHaveLength(16);
    expect(table.body[1]!.map((c) => c.text)).toEqual(HEADINGS);
    expect(table.body[0]![0]).toMatchObject({ text: 'Prospettiva BSC', colSpan: 2 });
    expect(table.body[0]![12]).toMatchObject({ text: 'Indicatore', colSpan: 4 });
    expect(table.body).toHaveLength(2 + 5);
    expect(table.body[2]!.map((c) => c.text)).toEqual(ROW_1_3_1);
    expect(table.body[2]![0]).toMatchObject({ rowSpan: 3 });
    expect(table.body[3]![0]).toEqual({});
    expect(definition.info?.title).toBe('Allegato A — Il cruscotto degli obiettivi — Camera di commercio di Sondrio — Ciclo della performance 2024');
  });

  it('speaks English when the interface does, with English number formats', async () => {
    const english = await input(sondrio(), 'en');
    expect(exportColumns(english).map((c) => c.heading)).toEqual([
      'Prospettiva BSC',
      'Result',
      'Obiettivo strategico',
      'Result',
      'Code',
      'Title / description',
      'Weight',
      'Result',
      'Code',
      'Title / description',
      'Weight',
      'Result',
      'KPI',
      'Target',
      'Result',
      'Percentage of achievement',
    ]);
    expect(texts(exportRows(english).find((r) => r.indicatorId === 'i-3.3.1'))?.slice(1, 16)).toContain('95.20%');
    expect(texts(exportRows(english).find((r) => r.indicatorId === 'i-3.3.1'))?.slice(13)).toEqual(['27 gg.', '28.95 gg', '80.00%']);
    expect(exportHeading(english).period).toBe('Monitoring period: values at 31/12/2024');
  });

  it('follows the levels of any cycle: five levels, several indicators on one action, an objective without indicators', async () => {
    const cycle = sondrio();
    cycle.levels = [
      { key: 'area', name: 'Area strategica', kind: 'area', position: 0 },
      { key: 'strategico', name: 'Obiettivo strategico', kind: 'strategic', position: 1 },
      { key: 'programma', name: 'Programma', kind: 'program', position: 2 },
      { key: 'operativo', name: 'Obiettivo operativo', kind: 'operational', position: 3 },
      { key: 'azione', name: 'Azione', kind: 'action', position: 4 },
    ];
    const node = (code: string, title: string, parent: string | null, levelKey: string, weight: number, indicators: CruscottoNode['indicators'] = []): CruscottoNode => ({
      id: code,
      code,
      title,
      parentId: parent,
      levelKey,
      weight,
      position: 0,
      version: 1,
      perspective: null,
      units: [],
      indicators,
    });
    const indicator = (id: string, weight: number, unit: string, label: string | null): CruscottoNode['indicators'][number] => ({
      id,
      code: null,
      name: `Indicatore ${id}`,
      weight,
      algorithm: null,
      unit,
      targets: [target({ id: `t-${id}`, operator: 'gte', valueNumber: 15, label })],
    });
    cycle.nodes = [
      node('A', 'Competitività', null, 'area', 100),
      node('A.1', 'Sostegno alle imprese', 'A', 'strategico', 100),
      node('A.1.P', 'Programma digitale', 'A.1', 'programma', 100),
      node('A.1.1', 'Digitalizzazione', 'A.1.P', 'operativo', 100),
      node('A.1.1.1', 'Assistenza PID', 'A.1.1', 'azione', 60, [indicator('x', 70, '%', null), indicator('y', 30, 'N.', '≥ 40')]),
      node('A.1.1.2', 'Eventi', 'A.1.1', 'azione', 40),
    ];
    cycle.scorecard = { ...cycle.scorecard, nodes: [], indicators: [{ indicatorId: 'x', nodeId: 'A.1.1.1', score: 100, value: 16.5, overridden: false }] };
    const columns = exportColumns(await input(cycle));
    expect([...new Set(columns.map((c) => c.group))]).toEqual(['Area strategica', 'Obiettivo strategico', 'Programma', 'Obiettivo operativo', 'Azione', 'Indicatore']);
    expect(columns.slice(0, 6).map((c) => c.heading)).toEqual(['Cod.', 'Titolo / descrizione', 'Peso', 'Risultato', 'Obiettivo strategico', 'Risultato']);
    const rows = exportRows(await input(cycle));
    expect(rows.map((r) => [r.nodeId, r.indicatorId])).toEqual([
      ['A.1.1.1', 'x'],
      ['A.1.1.1', 'y'],
      ['A.1.1.2', null],
    ]);
    expect(texts(rows[0])?.slice(-4)).toEqual(['Indicatore x (peso 70%)', '≥ 15%', '16,5%', '100,00%']);
    expect(texts(rows[1])?.slice(-4)).toEqual(['Indicatore y (peso 30%)', '≥ 40', '—', '—']);
    expect(texts(rows[2])?.slice(-8)).toEqual(['A.1.1.2', 'Eventi', '40%', '—', '', '', '', '']);
    expect(rows[0]!.cells[columns.findIndex((c) => c.group === 'Azione')]!.span).toBe(2);
  });

  it('takes the target in force for the year: its label, else operator and value; the latest revision', () => {
    const original = target();
    const revised = target({ id: 't-rev', valueNumber: 200, revision: { id: 'r1', revisedOn: '2024-07-01' } });
    expect(currentTarget([original, revised, target({ id: 't-25', year: 2025, valueNumber: 300 })], 2024)?.id).toBe('t-rev');
    expect(formatTarget(original, 'it-IT', 'sì', 'no')).toBe('≥ 220');
    expect(formatTarget(target({ operator: 'lte', valueNumber: 3.5 }), 'it-IT', 'sì', 'no', 'gg')).toBe('≤ 3,5 gg');
    expect(formatTarget(target({ label: 'entro il 30/06' }), 'it-IT', 'sì', 'no')).toBe('entro il 30/06');
    expect(formatTarget(undefined, 'it-IT', 'sì', 'no')).toBe('');
    expect([formatMeasure(214.48, 'EUR', 'it-IT', 'sì', 'no'), formatMeasure(true, 'yes/no', 'it-IT', 'sì', 'no'), formatMeasure(null, '%', 'it-IT', 'sì', 'no')]).toEqual([
      '214,48 €',
      'sì',
      '—',
    ]);
  });
});
