// Exports of the cruscotto, loaded only when asked for: XLSX (exceljs) and a PDF laid out like the
// Allegato A of the Relazione (pdfmake). Rows follow the tree depth first, with the level names of the cycle.
import type { CruscottoData, CruscottoTarget } from '../graphql/operations.js';
import { formatDate, formatNumber, formatScore, formatValue } from '../format/format.js';
import { indexTree, scoresById } from '../plan/tree.js';

type Translate = (key: string, options?: Record<string, unknown>) => string;
export type ExportInput = { cycle: CruscottoData['cycle']; chamber: string; t: Translate; locale: string };

export type ExportRow = {
  depth: number;
  level: string;
  code: string;
  title: string;
  weight: string;
  /** The indicator's current target for the cycle year: its label, else the operator and the value ("≥ 220"). */
  target: string;
  result: string;
  achievement: string;
  rating: string;
  indicator: boolean;
};

const OPERATORS: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

/** The target in force for the year: the latest revision (rimodulazione) if any, else the original. */
export function currentTarget(targets: CruscottoTarget[], year: number): CruscottoTarget | undefined {
  const ofYear = targets.filter((target) => target.year === year);
  const revised = ofYear.filter((target) => target.revision !== null).sort((a, b) => (a.revision!.revisedOn < b.revision!.revisedOn ? 1 : -1));
  return revised[0] ?? ofYear.find((target) => target.revision === null);
}

/** A target as the exports write it: its label if present, else the operator and the formatted value. */
export function formatTarget(target: CruscottoTarget | undefined, locale: string, yes: string, no: string): string {
  if (!target) return '';
  if (target.label) return target.label;
  const value = formatValue(target.valueNumber ?? target.valueDate ?? target.valueBoolean, locale, yes, no);
  return `${OPERATORS[target.operator] ?? target.operator} ${value}`;
}

/** The rows of the export: every node depth first, each followed by its indicators (value and score). */
export function exportRows({ cycle, t, locale }: ExportInput): ExportRow[] {
  const index = indexTree(cycle.nodes);
  const scores = scoresById(cycle.scorecard.nodes);
  const indicatorScores = new Map(cycle.scorecard.indicators.map((i) => [i.indicatorId, i]));
  const levels = new Map(cycle.levels.map((l) => [l.key, l.name]));
  const rows: ExportRow[] = [];
  const walk = (nodes: typeof index.roots, depth: number) => {
    for (const node of nodes) {
      const score = scores.get(node.id);
      rows.push({
        depth,
        level: levels.get(node.levelKey) ?? node.levelKey,
        code: node.code,
        title: node.title,
        weight: formatNumber(node.weight, locale),
        target: '',
        result: formatScore(score?.result, locale),
        achievement: score?.achievement === null || score?.achievement === undefined ? '' : formatScore(score.achievement, locale),
        rating: score?.rating ?? '',
        indicator: false,
      });
      for (const indicator of node.indicators) {
        const s = indicatorScores.get(indicator.id);
        rows.push({
          depth: depth + 1,
          level: t('export.indicator'),
          code: indicator.code ?? '',
          title: t('export.indicatorLine', { name: indicator.name, value: formatValue(s?.value ?? null, locale, t('common.yes'), t('common.no')) }),
          weight: formatNumber(indicator.weight, locale),
          target: formatTarget(currentTarget(indicator.targets, cycle.year), locale, t('common.yes'), t('common.no')),
          result: formatScore(s?.score, locale),
          achievement: '',
          rating: '',
          indicator: true,
        });
      }
      walk(index.children.get(node.id) ?? [], depth + 1);
    }
  };
  walk(index.roots, 0);
  return rows;
}

function headers(t: Translate): string[] {
  return [t('export.level'), t('common.code'), t('common.title'), t('common.weight'), t('indicator.target'), t('common.result'), t('export.achievement'), t('export.rating')];
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
  const { t, cycle, locale } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Albero';
  const sheet = workbook.addWorksheet(t('export.sheet'));
  sheet.addRow([t('export.heading', { chamber: input.chamber, year: cycle.year })]).font = { bold: true, size: 14 };
  sheet.addRow([t('export.periodLine', { date: formatDate(cycle.scorecard.periodDate, locale) })]);
  const entity = cycle.scorecard.entity;
  sheet.addRow([t('cruscotto.entityMean'), formatScore(entity?.meanOfResults, locale)]);
  sheet.addRow([t('cruscotto.entityPerformance'), formatScore(entity?.performance, locale)]);
  sheet.addRow([]);
  const header = sheet.addRow(headers(t));
  header.font = { bold: true };
  for (const row of exportRows(input)) {
    const added = sheet.addRow([row.level, row.code, `${'  '.repeat(row.depth)}${row.title}`, row.weight, row.target, row.result, row.achievement, row.rating]);
    if (!row.indicator && row.depth <= 1) added.font = { bold: true };
  }
  sheet.columns.forEach((column, i) => {
    column.width = [22, 10, 70, 8, 14, 10, 14, 14][i] ?? 12;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  download(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName(input, 'xlsx'));
}

async function exportPdf(input: ExportInput): Promise<void> {
  const [{ default: pdfMake }, { default: vfs }] = await Promise.all([import('pdfmake/build/pdfmake'), import('pdfmake/build/vfs_fonts')]);
  pdfMake.addVirtualFileSystem(vfs);
  const { t, cycle, locale } = input;
  const entity = cycle.scorecard.entity;
  const body = [
    headers(t).map((text) => ({ text, style: 'th' })),
    ...exportRows(input).map((row) => [
      { text: row.level, fontSize: 7 },
      row.code,
      { text: row.title, margin: [row.depth * 6, 0, 0, 0] as [number, number, number, number], bold: !row.indicator && row.depth <= 1, italics: row.indicator },
      { text: row.weight, alignment: 'right' as const },
      { text: row.target, alignment: 'right' as const },
      { text: row.result, alignment: 'right' as const, bold: !row.indicator },
      { text: row.achievement, alignment: 'right' as const },
      row.rating,
    ]),
  ];
  await pdfMake
    .createPdf({
      pageOrientation: 'landscape',
      pageSize: 'A4',
      info: { title: t('export.heading', { chamber: input.chamber, year: cycle.year }) },
      defaultStyle: { fontSize: 8 },
      styles: { h1: { fontSize: 14, bold: true }, th: { bold: true, fillColor: '#e6eef7' } },
      content: [
        { text: t('export.allegato'), style: 'h1' },
        { text: t('export.heading', { chamber: input.chamber, year: cycle.year }), margin: [0, 2, 0, 2] },
        { text: t('export.periodLine', { date: formatDate(cycle.scorecard.periodDate, locale) }), margin: [0, 0, 0, 4] },
        {
          text: t('export.entityLine', { mean: formatScore(entity?.meanOfResults, locale), performance: formatScore(entity?.performance, locale) }),
          bold: true,
          margin: [0, 0, 0, 8],
        },
        { table: { headerRows: 1, widths: [70, 40, '*', 35, 50, 45, 62, 55], body }, layout: 'lightHorizontalLines' },
      ],
    })
    .download(fileName(input, 'pdf'));
}

/** Builds and downloads the cruscotto as XLSX or PDF. */
export async function exportCruscotto(kind: 'xlsx' | 'pdf', input: ExportInput): Promise<void> {
  if (kind === 'xlsx') await exportXlsx(input);
  else await exportPdf(input);
}
