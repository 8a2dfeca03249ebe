import { describe, expect, it } from 'vitest';
import { currentTarget, exportRows, formatTarget, type ExportInput } from '../src/exports/export-cruscotto.js';
import type { CruscottoData, CruscottoTarget } from '../src/graphql/operations.js';
import { italianI18n } from './support.js';

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

const node = (id: string, code: string, parentId: string | null, levelKey: string, weight: number, indicators: CruscottoData['cycle']['nodes'][number]['indicators'] = []) => ({
  id,
  code,
  title: `Obiettivo ${code}`,
  parentId,
  levelKey,
  weight,
  position: 0,
  version: 1,
  perspective: null,
  units: [],
  indicators,
});

function cycle(targets: CruscottoTarget[]): CruscottoData['cycle'] {
  return {
    id: 'c-2024',
    year: 2024,
    state: 'published',
    horizonStart: 2024,
    horizonEnd: 2026,
    resolutionNumber: null,
    resolutionDate: null,
    levels: [
      { key: 'operativo', name: 'Obiettivo operativo', kind: 'operational', position: 0 },
      { key: 'azione', name: 'Azione', kind: 'action', position: 1 },
    ],
    perspectives: [],
    periods: [],
    nodes: [
      node('n-13', '1.3', null, 'operativo', 100),
      node('n-131', '1.3.1', 'n-13', 'azione', 80, [{ id: 'i-131', code: '1.3.1', name: 'Pratiche evase', weight: 100, targets }]),
    ],
    scorecard: {
      periodId: 'p-2024',
      periodDate: '2024-12-31',
      entity: null,
      warnings: [],
      nodes: [
        { nodeId: 'n-13', parentId: null, code: '1.3', level: 'operativo', weight: 100, result: 84, achievement: null, rating: null, overridden: false },
        { nodeId: 'n-131', parentId: 'n-13', code: '1.3.1', level: 'azione', weight: 80, result: 80, achievement: null, rating: null, overridden: false },
      ],
      indicators: [{ indicatorId: 'i-131', nodeId: 'n-131', score: 80, value: 211, overridden: false }],
    },
  } as unknown as CruscottoData['cycle'];
}

async function input(targets: CruscottoTarget[]): Promise<ExportInput> {
  const i18n = await italianI18n();
  return { cycle: cycle(targets), chamber: 'Sondrio', t: i18n.t.bind(i18n), locale: 'it-IT' };
}

describe('the rows of the cruscotto exports (XLSX and Allegato A)', () => {
  it('writes the target of Sondrio 2024 action 1.3.1 beside its value and score (220, 211, 80,00)', async () => {
    const rows = exportRows(await input([target()]));
    const indicator = rows.find((r) => r.indicator && r.code === '1.3.1');
    expect(indicator).toMatchObject({ target: '≥ 220', result: '80,00' });
    expect(indicator?.title).toContain('211');
    expect(rows.find((r) => !r.indicator && r.code === '1.3.1')?.target).toBe('');
  });

  it('prefers the label of a target and the latest revision of the year', async () => {
    const original = target();
    const revised = target({ id: 't-rev', valueNumber: 200, revision: { id: 'r1', revisedOn: '2024-07-01' } });
    expect(currentTarget([original, revised, target({ id: 't-25', year: 2025, valueNumber: 300 })], 2024)?.id).toBe('t-rev');
    expect(formatTarget(target({ label: 'entro il 30/06' }), 'it-IT', 'sì', 'no')).toBe('entro il 30/06');
    const rows = exportRows(await input([]));
    expect(rows.find((r) => r.indicator)?.target).toBe('');
  });
});
