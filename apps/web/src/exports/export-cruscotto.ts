// Exports of the cruscotto, loaded only when asked for: XLSX (exceljs) and PDF (pdfmake), both laid out like the
// Allegato A of the Relazione sulla Performance ("Il cruscotto degli obiettivi", seed 001): one column group per
// level of the cycle (perspective → strategic objective → operational objective → action), then the KPI, its
// target, the measured value and the percentage of achievement; one row per indicator, the cells of a parent
// merged over the rows of its subtree. Both formats write the same columns and rows, from `exportColumns` and
// `exportRows` (pure).
import type { Workbook } from 'exceljs';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CruscottoData, CruscottoNode, CruscottoTarget } from '../graphql/operations.js';
import type { Level } from '../graphql/types.js';
import { formatDate, formatScore, formatValue } from '../format/format.js';
import { indexTree, scoresById } from '../plan/tree.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;
export type ExportInput = { cycle: CruscottoData['cycle']; chamber: string; t: Translate; locale: string };

/** What a column holds; it decides alignment, width and, in the XLSX, whether the cell is a number. */
export type ColumnKind = 'name' | 'code' | 'title' | 'weight' | 'result' | 'kpi' | 'target' | 'value' | 'achievement';
/** A column: the group heading above it (the level's name, or "Indicatore") and its own heading. */
export type ExportColumn = { group: string; heading: string; kind: ColumnKind };
/**
 * A cell as both formats write it: `text` formatted in the interface language ("97,80%"), `number` the figure
 * behind it for the XLSX (weights and scores), `span` the rows it covers from here (its subtree), 0 where the
 * cell above covers it.
 */
export type ExportCell = { text: string; number: number | null; span: number };
export type ExportRow = { nodeId: string; indicatorId: string | null; cells: ExportCell[] };

type Indicator = CruscottoNode['indicators'][number];
/** A level of the cycle shown as a column group; "compact" levels show name and result only, as the Allegato does. */
type LevelGroup = { level: Level; compact: boolean };

const OPERATORS: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };
/** Levels the Allegato shows by name and result only (no code, no weight). */
const COMPACT_KINDS = new Set(['perspective', 'strategic']);
/** Units written without a suffix: counts, dates, yes/no. */
const BARE_UNITS = new Set(['n.', 'n', 'numero', 'date', 'yes/no', 'ratio']);

/** The target in force for the year: the latest revision (rimodulazione) if any, else the original. */
export function currentTarget(targets: CruscottoTarget[], year: number): CruscottoTarget | undefined {
  const ofYear = targets.filter((target) => target.year === year);
  const revised = ofYear.filter((target) => target.revision !== null).sort((a, b) => (a.revision!.revisedOn < b.revision!.revisedOn ? 1 : -1));
  return revised[0] ?? ofYear.find((target) => target.revision === null);
}

/** A figure as the Allegato writes it: at most two decimals (28.9532 → "28,95"), none when whole ("211"). */
export function formatFigure(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A measured value with its unit as the Allegato writes it: "3,47%", "28,95 gg", "214,48 €", "211". */
export function formatMeasure(value: unknown, unit: string | null, locale: string, yes: string, no: string): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? formatFigure(value, locale) : formatValue(value ?? null, locale, yes, no);
  if (typeof value !== 'number' || !unit || BARE_UNITS.has(unit.toLowerCase())) return text;
  if (unit === '%') return `${text}%`;
  return `${text} ${unit === 'EUR' ? '€' : unit}`;
}

/** A target as the exports write it: its label if present ("27 gg."), else the operator and the value ("≥ 220"). */
export function formatTarget(target: CruscottoTarget | undefined, locale: string, yes: string, no: string, unit: string | null = null): string {
  if (!target) return '';
  if (target.label) return target.label;
  const value = formatMeasure(target.valueNumber ?? target.valueDate ?? target.valueBoolean, unit, locale, yes, no);
  return `${OPERATORS[target.operator] ?? target.operator} ${value}`;
}

/** The levels shown as column groups: those of the tree in level order, without individual objectives. */
function levelGroups(cycle: ExportInput['cycle']): LevelGroup[] {
  const used = new Set(cycle.nodes.map((node) => node.levelKey));
  return [...cycle.levels]
    .sort((a, b) => a.position - b.position)
    .filter((level) => level.kind !== 'individual' && used.has(level.key))
    .map((level) => ({ level, compact: COMPACT_KINDS.has(level.kind) }));
}

/** The columns in the Allegato's order: each level's group, then KPI, target, measured value, achievement. */
export function exportColumns({ cycle, t }: ExportInput): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const { level, compact } of levelGroups(cycle)) {
    const group = level.name;
    if (compact) columns.push({ group, heading: level.name, kind: 'name' }, { group, heading: t('export.result'), kind: 'result' });
    else
      columns.push(
        { group, heading: t('export.code'), kind: 'code' },
        { group, heading: t('export.title'), kind: 'title' },
        { group, heading: t('export.weight'), kind: 'weight' },
        { group, heading: t('export.result'), kind: 'result' },
      );
  }
  const group = t('export.indicator');
  columns.push(
    { group, heading: t('export.kpi'), kind: 'kpi' },
    { group, heading: t('export.target'), kind: 'target' },
    { group, heading: t('export.value'), kind: 'value' },
    { group, heading: t('export.achievement'), kind: 'achievement' },
  );
  return columns;
}

/**
 * The rows: one per indicator (an objective without indicators and without children gets one row of its own),
 * depth first in plan order; every row carries its ancestors' cells, merged over their subtree by `span`.
 */
export function exportRows({ cycle, t, locale }: ExportInput): ExportRow[] {
  const groups = levelGroups(cycle);
  const shown = new Set(groups.map((g) => g.level.key));
  const index = indexTree(cycle.nodes);
  const scores = scoresById(cycle.scorecard.nodes);
  const indicatorScores = new Map(cycle.scorecard.indicators.map((i) => [i.indicatorId, i]));
  const yes = t('common.yes');
  const no = t('common.no');
  const percent = (value: number | null | undefined): ExportCell => ({
    text: value === null || value === undefined ? formatScore(value, locale) : `${formatScore(value, locale)}%`,
    number: value ?? null,
    span: 1,
  });
  const text = (value: string): ExportCell => ({ text: value, number: null, span: 1 });
  const empty = (count: number): ExportCell[] => Array.from({ length: count }, () => text(''));

  // Each cell remembers whose it is (a node id), so that runs of the same owner merge afterwards.
  type Draft = { nodeId: string; indicatorId: string | null; cells: ExportCell[]; owners: (string | null)[] };
  const drafts: Draft[] = [];
  const build = (path: Map<string, CruscottoNode>, node: CruscottoNode, indicator: Indicator | undefined) => {
    const cells: ExportCell[] = [];
    const owners: (string | null)[] = [];
    for (const { level, compact } of groups) {
      const at = path.get(level.key);
      const width = compact ? 2 : 4;
      if (!at) {
        cells.push(...empty(width));
        owners.push(...Array<null>(width).fill(null));
        continue;
      }
      const result = percent(scores.get(at.id)?.result);
      if (compact) cells.push(text(at.title), result);
      else cells.push(text(at.code), text(at.title), { text: `${formatFigure(at.weight, locale)}%`, number: at.weight, span: 1 }, result);
      owners.push(...Array<string>(width).fill(at.id));
    }
    if (indicator) {
      const score = indicatorScores.get(indicator.id);
      const kpi = indicator.algorithm?.trim() || indicator.name;
      cells.push(
        text(node.indicators.length > 1 ? t('export.kpiWeighted', { kpi, weight: formatFigure(indicator.weight, locale) }) : kpi),
        text(formatTarget(currentTarget(indicator.targets, cycle.year), locale, yes, no, indicator.unit)),
        text(score ? formatMeasure(score.value, indicator.unit, locale, yes, no) : formatScore(null, locale)),
        percent(score?.score),
      );
    } else cells.push(...empty(4));
    owners.push(null, null, null, null);
    drafts.push({ nodeId: node.id, indicatorId: indicator?.id ?? null, cells, owners });
  };
  const walk = (node: CruscottoNode, parents: Map<string, CruscottoNode>) => {
    if (!shown.has(node.levelKey)) return;
    const path = new Map(parents).set(node.levelKey, node);
    const before = drafts.length;
    for (const indicator of node.indicators) build(path, node, indicator);
    for (const child of index.children.get(node.id) ?? []) walk(child, path);
    if (drafts.length === before) build(path, node, undefined);
  };
  for (const root of index.roots) walk(root, new Map());

  // Merge: the first row of a run of the same owner spans the run, the others are covered (span 0).
  const width = drafts[0]?.cells.length ?? 0;
  for (let column = 0; column < width; column++) {
    let start = 0;
    while (start < drafts.length) {
      const owner = drafts[start]!.owners[column];
      let end = start + 1;
      while (owner !== null && owner !== undefined && end < drafts.length && drafts[end]!.owners[column] === owner) {
        drafts[end]!.cells[column]!.span = 0;
        end++;
      }
      drafts[start]!.cells[column]!.span = end - start;
      start = end;
    }
  }
  return drafts.map(({ nodeId, indicatorId, cells }) => ({ nodeId, indicatorId, cells }));
}

/** The lines above the table: the Allegato's title, the chamber and the cycle year, the period, the entity figures. */
export function exportHeading({ cycle, chamber, t, locale }: ExportInput): { title: string; chamber: string; period: string; entity: string } {
  const entity = cycle.scorecard.entity;
  return {
    title: t('export.allegato'),
    chamber: t('export.heading', { chamber, year: cycle.year }),
    period: cycle.scorecard.periodDate ? t('export.periodLine', { date: formatDate(cycle.scorecard.periodDate, locale) }) : t('export.noPeriod'),
    entity: t('export.entityLine', { mean: formatScore(entity?.meanOfResults, locale), performance: formatScore(entity?.performance, locale) }),
  };
}

/** The column groups of the first header row: consecutive columns with the same group, merged. */
function groupRuns(columns: ExportColumn[]): { label: string; start: number; length: number }[] {
  const runs: { label: string; start: number; length: number }[] = [];
  columns.forEach((column, i) => {
    const last = runs.at(-1);
    if (last && last.label === column.group) last.length++;
    else runs.push({ label: column.group, start: i, length: 1 });
  });
  return runs;
}

/** Columns aligned right (figures), and those the XLSX writes as numbers (with a "%" number format). */
const RIGHT: ReadonlySet<ColumnKind> = new Set(['weight', 'result', 'achievement', 'target', 'value']);
const NUMBERS: ReadonlySet<ColumnKind> = new Set(['weight', 'result', 'achievement']);
const XLSX_WIDTHS: Record<ColumnKind, number> = { name: 24, code: 9, title: 32, weight: 8, result: 10, kpi: 46, target: 12, value: 12, achievement: 14 };
const PDF_WIDTHS: Record<ColumnKind, number | '*'> = { name: 60, code: 24, title: '*', weight: 22, result: 31, kpi: '*', target: 32, value: 36, achievement: 50 };

/** The workbook of the export: the heading lines, two header rows (groups, columns), the rows with merged cells. */
export function buildWorkbook(ExcelJS: { Workbook: new () => Workbook }, input: ExportInput): Workbook {
  const columns = exportColumns(input);
  const rows = exportRows(input);
  const heading = exportHeading(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Albero';
  workbook.title = `${heading.title} — ${heading.chamber}`;
  const sheet = workbook.addWorksheet(input.t('export.sheet'), { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.addRow([heading.title]).font = { bold: true, size: 14 };
  sheet.addRow([heading.chamber]).font = { bold: true };
  sheet.addRow([heading.period]);
  sheet.addRow([heading.entity]);
  sheet.addRow([]);
  const border = { style: 'thin' as const, color: { argb: 'FF9DB3CC' } };
  const borders = { top: border, left: border, bottom: border, right: border };
  const fill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE6EEF7' } };
  const groupRow = sheet.addRow(columns.map((c) => c.group));
  const headerRow = sheet.addRow(columns.map((c) => c.heading));
  for (const row of [groupRow, headerRow]) {
    row.font = { bold: true };
    row.eachCell((cell) => {
      cell.fill = fill;
      cell.border = borders;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
  }
  for (const run of groupRuns(columns)) if (run.length > 1) sheet.mergeCells(groupRow.number, run.start + 1, groupRow.number, run.start + run.length);
  const first = headerRow.number + 1;
  rows.forEach((row) => {
    const added = sheet.addRow(row.cells.map((cell, c) => (cell.number !== null && NUMBERS.has(columns[c]!.kind) ? cell.number : cell.text)));
    row.cells.forEach((cell, c) => {
      const target = added.getCell(c + 1);
      const kind = columns[c]!.kind;
      target.border = borders;
      target.alignment = { vertical: 'top', wrapText: true, horizontal: RIGHT.has(kind) ? 'right' : 'left' };
      if (typeof target.value === 'number') target.numFmt = kind === 'weight' && Number.isInteger(cell.number) ? '0"%"' : '0.00"%"';
      if (kind === 'name' || kind === 'code') target.font = { bold: true };
    });
  });
  // Merged once every row is written: a merge reaching below the last row would make exceljs add rows.
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell.span > 1) sheet.mergeCells(first + r, c + 1, first + r + cell.span - 1, c + 1);
    });
  });
  columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = XLSX_WIDTHS[column.kind];
  });
  sheet.views = [{ state: 'frozen', ySplit: headerRow.number }];
  return workbook;
}

/** The PDF of the export: A4 landscape, the same heading, columns and rows, parents spanning their rows. */
export function buildPdf(input: ExportInput): TDocumentDefinitions {
  const columns = exportColumns(input);
  const rows = exportRows(input);
  const heading = exportHeading(input);
  const groups: TableCell[] = [];
  for (const run of groupRuns(columns)) groups.push({ text: run.label, style: 'th', colSpan: run.length }, ...Array.from({ length: run.length - 1 }, () => ({})));
  const body: TableCell[][] = [
    groups,
    columns.map((column) => ({ text: column.heading, style: 'th' })),
    ...rows.map((row) =>
      row.cells.map((cell, c): TableCell => {
        if (cell.span === 0) return {};
        const kind = columns[c]!.kind;
        return {
          text: cell.text,
          rowSpan: cell.span,
          alignment: RIGHT.has(kind) ? 'right' : 'left',
          bold: kind === 'name' || kind === 'code' || kind === 'achievement',
        };
      }),
    ),
  ];
  const content: Content[] = [
    { text: heading.title, style: 'h1' },
    { text: heading.chamber, bold: true, margin: [0, 2, 0, 0] },
    { text: heading.period, margin: [0, 0, 0, 0] },
    { text: heading.entity, margin: [0, 0, 0, 6] },
    {
      // A row stays on one page; the two header rows repeat on every page.
      table: { headerRows: 2, dontBreakRows: true, widths: columns.map((c) => PDF_WIDTHS[c.kind]), body },
      layout: {
        hLineWidth: () => 0.4,
        vLineWidth: () => 0.4,
        hLineColor: () => '#9db3cc',
        vLineColor: () => '#9db3cc',
        paddingLeft: () => 2,
        paddingRight: () => 2,
        paddingTop: () => 1.5,
        paddingBottom: () => 1.5,
      },
    },
  ];
  return {
    pageOrientation: 'landscape',
    pageSize: 'A4',
    pageMargins: [24, 24, 24, 28],
    info: { title: `${heading.title} — ${heading.chamber}`, creator: 'Albero' },
    defaultStyle: { fontSize: 6.5, lineHeight: 1.1 },
    styles: { h1: { fontSize: 13, bold: true }, th: { bold: true, fillColor: '#e6eef7', alignment: 'center' } },
    footer: (page: number, pages: number) => ({ text: `${heading.chamber} — ${page}/${pages}`, alignment: 'right', fontSize: 6.5, margin: [24, 8, 24, 0] }),
    content,
  };
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileName(input: ExportInput, ext: string): string {
  return `cruscotto-${input.cycle.year}-${(input.cycle.scorecard.periodDate ?? '').replaceAll('-', '')}.${ext}`;
}

async function exportXlsx(input: ExportInput): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const buffer = await buildWorkbook(ExcelJS, input).xlsx.writeBuffer();
  download(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName(input, 'xlsx'));
}

async function exportPdf(input: ExportInput): Promise<void> {
  const [{ default: pdfMake }, { default: vfs }] = await Promise.all([import('pdfmake/build/pdfmake'), import('pdfmake/build/vfs_fonts')]);
  pdfMake.addVirtualFileSystem(vfs);
  await pdfMake.createPdf(buildPdf(input)).download(fileName(input, 'pdf'));
}

/** Builds and downloads the cruscotto as XLSX or PDF. */
export async function exportCruscotto(kind: 'xlsx' | 'pdf', input: ExportInput): Promise<void> {
  if (kind === 'xlsx') await exportXlsx(input);
  else await exportPdf(input);
}
