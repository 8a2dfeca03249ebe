// The demo chambers load from data/demo, idempotently; seed 001's Allegato A is held in full; a malformed
// file is refused with a located error and a failure half-way leaves nothing written.
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanFileError } from '@albero/plan-format';
import { DEMO_DATA_DIR, demoPlanFiles, loadPlanFiles, withSqlUnitOfWork } from '@albero/db';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database.js';

let db: TestDatabase;

/** Every action of the Allegato A of seed 001 (Sondrio, Relazione 2024): code, weight %, a KPI fragment, target, measured value. */
const ALLEGATO_A: [string, number, string, number, number | null][] = [
  ['1.1.1', 25, 'RASL', 3.5, 3.47],
  ['1.1.2', 25, 'incontri ed eventi di informazione e orientamento', 18, 28],
  ['1.1.3', 25, 'partecipanti', 200, 911],
  ['1.1.4', 15, 'nuova imprenditorialità', 8, 19],
  ['1.1.5', 10, 'diffusione', 40, 85],
  ['1.2.1A', 20, 'primo rilascio + rinnovo', 27, 29.52],
  ['1.2.1B', 20, 'strumenti digitali rilasciati alle imprese nell', 15, 18.04],
  ['1.2.2', 20, 'Cassetto digitale', 48, 58.07],
  ['1.2.3', 20, 'comuni aderenti al SUAP', 100, 100],
  ['1.2.4', 20, 'impresainungiorno', 80, 109.51],
  ['1.3.1', 80, 'istanze pervenute', 220, 211],
  ['1.3.2', 20, 'procedure concluse con accordo', 40, 27.21],
  ['1.4.1', 100, 'concessioni', 75, 96],
  ['2.1.1', 25, 'imprese supportate per l', 150, 170],
  ['2.1.2', 10, 'quesiti risolti', 75, 37.5],
  ['2.1.3', 25, 'orientamento ai mercati', 36, 144],
  ['2.1.4', 40, 'imprese esportatrici', 25, 26.6],
  ['2.2.1', 20, 'organizzati nell\'anno dal PID', 18, 39],
  ['2.2.2', 25, 'partecipanti ad eventi', 200, 227],
  ['2.2.3', 25, 'tecnologie 4.0', 1.6, 1.62],
  ['2.2.4', 30, 'self-assessment', 120, 135],
  ['3.1.1', 100, 'Indice tempestività', -12, -21.43],
  ['3.2.1', 40, 'tempo medio di evasione', 3.5, 1.9],
  ['3.2.2', 25, 'pratiche in errore', 24, 21.1],
  ['3.2.3', 10, 'eventi formativi', 4, 6],
  ['3.2.4', 25, 'cancellate d\'ufficio', 75, 85.71],
  ['3.3.1', 40, 'rendicontazione e liquidazione', 27, 28.95],
  ['3.3.2', 30, 'convocazione primo incontro', 7, 3.4],
  ['3.3.3', 15, 'data violazione', 50, 20],
  ['3.3.4', 15, 'verbale non pagato', 150, 61.93],
  ['3.4.1', 20, 'incontri telematici', 45, 62.5],
  ['3.4.2', 25, 'certificati d\'origine', 75, 81.3],
  ['3.4.3', 15, 'su appuntamento', 85, 91.49],
  ['3.4.4', 20, 'rilasciati a distanza', 18, 22.32],
  ['3.4.5', 10, 'TACI', 23, 22.46],
  ['3.4.6', 10, 'pagine vidimate', 10, 31.78],
  ['4.1.1', 100, 'trasparenza', 100, 100],
  ['4.2.1', 50, 'post anno in corso', 105, 114.43],
  ['4.2.2', 50, 'canali social', 105, 109],
  ['5.1.1', 60, 'questionari ricevuti', 1, 0.8],
  ['5.1.2', 20, 'gradimento servizi e progetti per la digitalizzazione', 75, 98],
  ['5.1.3', 20, 'gradimento servizio di mediazione', 75, null],
  ['6.1.1', 40, 'ore di formazione complessive', 24, 43.1],
  ['6.1.1.a', 20, '30/6/2024', 30, 75],
  ['6.1.1.b', 20, '31/12/2024', 25, 29.17],
  ['6.1.2', 20, 'Segretari Generali', 100, 100],
  ['7.1.1', 20, 'Proventi strutturali', 2, 12.21],
  ['7.1.2', 15, 'Oneri di funzionamento', 22, 18.87],
  ['7.1.3', 30, 'Proventi da diritto annuale', 40, 66.84],
  ['7.1.4', 30, 'Diritto Annuale incassato', 85, 87.86],
  ['7.1.5', 5, 'volumi anno corrente', 25, 27.21],
  ['8.1.1', 25, 'interventi economici/oneri correnti', 45, 57.6],
  ['8.1.2', 50, 'interventi economici (preventivo)', 75, 90.81],
  ['8.1.3', 25, 'imprese attive', 115, 214.48],
  ['9.1.1', 100, 'Immobilizzazioni', 190, 392],
];

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function tableCounts(): Promise<Record<string, number>> {
  const { rows } = await db.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, number> = {};
  for (const { table_name } of rows) out[table_name] = Number((await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}"`)).rows[0]!.n);
  return out;
}

describe(`demo chambers (${testDatabaseKind()})`, () => {
  it('loads every demo plan, then loads them again as a no-op', async () => {
    const files = await demoPlanFiles(DEMO_DATA_DIR);
    expect(files.length).toBeGreaterThanOrEqual(2);
    const first = await loadPlanFiles(db, files);
    expect(first.map((r) => r.status)).toEqual(files.map(() => 'created'));
    const so2024 = first.find((r) => r.chamberCode === 'SO' && r.year === 2024)!;
    expect(so2024.counts).toMatchObject({ nodes: 89, indicators: 59, measurements: 59 });
    const before = await tableCounts();
    const again = await loadPlanFiles(db, files);
    expect(again.map((r) => r.status)).toEqual(files.map(() => 'unchanged'));
    expect(await tableCounts()).toEqual(before);
  });

  it('holds every action of the published Allegato A of Sondrio 2024 with its weight, KPI, target and measured value', async () => {
    const chamber = (await db.pool.query<{ id: string }>(`SELECT id FROM chamber WHERE code = 'SO'`)).rows[0]!;
    const rows = await withSqlUnitOfWork(db.pool, { chamberId: chamber.id, actor: { kind: 'user', subject: 'test' } }, async (c) =>
      (
        await c.query<{ code: string; weight: string; algorithm: string | null; target: string | null; value: string | null }>(
          `SELECT n.code, n.weight, i.algorithm, t.value_number AS target, m.value_number AS value
             FROM plan_node n
             JOIN cycle cy ON cy.chamber_id = n.chamber_id AND cy.id = n.cycle_id AND cy.year = 2024
             JOIN cycle_level l ON l.chamber_id = n.chamber_id AND l.cycle_id = n.cycle_id AND l.key = n.level_key AND l.kind = 'action'
             JOIN indicator i ON i.chamber_id = n.chamber_id AND i.node_id = n.id
             LEFT JOIN target t ON t.chamber_id = i.chamber_id AND t.indicator_id = i.id AND t.year = 2024 AND t.revision_id IS NULL
             LEFT JOIN measurement m ON m.chamber_id = i.chamber_id AND m.indicator_id = i.id
            ORDER BY n.code`,
        )
      ).rows,
    );
    expect(rows.map((r) => r.code).sort()).toEqual(ALLEGATO_A.map(([code]) => code).sort());
    for (const [code, weight, kpi, target, value] of ALLEGATO_A) {
      const row = rows.find((r) => r.code === code)!;
      expect([code, Number(row.weight), Number(row.target), row.value === null ? null : Number(row.value)]).toEqual([code, weight, target, value]);
      expect(row.algorithm?.toLowerCase(), code).toContain(kpi.toLowerCase());
    }
  });

  it('keeps the published OIV overrides of Sondrio 2024 with their reasons', async () => {
    const { rows } = await db.pool.query<{ code: string; score: string; by: string; reason: string }>(
      `SELECT n.code, o.score, o.by, o.reason FROM score_override o
         JOIN indicator i ON i.chamber_id = o.chamber_id AND i.id = o.indicator_id
         JOIN plan_node n ON n.chamber_id = i.chamber_id AND n.id = i.node_id
         JOIN chamber c ON c.id = o.chamber_id AND c.code = 'SO' ORDER BY n.code`,
    );
    expect(rows.filter((r) => r.by === 'oiv').map((r) => [r.code, Number(r.score)])).toEqual([
      ['1.3.2', 60],
      ['2.1.2', 60],
    ]);
    for (const row of rows) expect(row.reason.length).toBeGreaterThan(20);
  });
});

describe(`malformed and failing plan files (${testDatabaseKind()})`, () => {
  it('refuses a malformed file naming the file, the line, the path inside it and the problem, writing nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'albero-plan-'));
    const source = await readFile(join(DEMO_DATA_DIR, 'so-2024.yaml'), 'utf8');
    const broken = source.replace('chamber:\n  code: SO', 'chamber:\n  code: XY').replace(/weight: 25\b/, 'weight: "venticinque"');
    expect(broken).not.toBe(source);
    const file = join(dir, 'xy-2024.yaml');
    await writeFile(file, broken);
    const before = await tableCounts();
    const error = await loadPlanFiles(db, [file]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanFileError);
    const issue = (error as PlanFileError).issues[0]!;
    const line = broken.split('\n').findIndex((l) => l.includes('weight: "venticinque"')) + 1;
    expect(issue).toMatchObject({ file: expect.stringContaining('xy-2024.yaml'), line, message: expect.stringMatching(/expected number/) });
    expect(issue.path).toMatch(/^tree\[0\]\.children\[0\]\.children\[0\]\.children\[0\]\.weight$/);
    expect((error as Error).message).toContain(`xy-2024.yaml:${line}:`);
    expect(await tableCounts()).toEqual(before);
  });

  it('rolls back everything when the database fails half-way through a file', async () => {
    // A real failure inside PostgreSQL after the chamber, units, people, nodes and indicators are written.
    await db.pool.query(`CREATE FUNCTION fail_measurements() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$`);
    await db.pool.query(`CREATE TRIGGER fail_measurements BEFORE INSERT ON measurement FOR EACH ROW EXECUTE FUNCTION fail_measurements()`);
    try {
      const dir = await mkdtemp(join(tmpdir(), 'albero-plan-'));
      const source = (await readFile(join(DEMO_DATA_DIR, 'so-2024.yaml'), 'utf8')).replace('chamber:\n  code: SO', 'chamber:\n  code: ZZ');
      await writeFile(join(dir, 'zz-2024.yaml'), source);
      const before = await tableCounts();
      await expect(loadPlanFiles(db, [join(dir, 'zz-2024.yaml')])).rejects.toThrow(/disk full \(simulated\)/);
      expect(await tableCounts()).toEqual(before);
      expect((await db.pool.query(`SELECT 1 FROM chamber WHERE code = 'ZZ'`)).rowCount).toBe(0);
    } finally {
      await db.pool.query('DROP TRIGGER fail_measurements ON measurement');
      await db.pool.query('DROP FUNCTION fail_measurements()');
    }
  });

  it('refuses a changed file for an existing cycle unless asked to replace it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'albero-plan-'));
    const source = await readFile(join(DEMO_DATA_DIR, 'so-2024.yaml'), 'utf8');
    const file = join(dir, 'so-2024.yaml');
    await writeFile(file, `${source}\n# a comment changes the checksum\n`);
    await expect(loadPlanFiles(db, [file])).rejects.toThrow(/cycle 2024 of SO already exists with different content; load with --replace/);
    const [replaced] = await loadPlanFiles(db, [file], { replace: true });
    expect(replaced!.status).toBe('replaced');
    const { rows } = await db.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM plan_node n JOIN cycle c ON c.chamber_id = n.chamber_id AND c.id = n.cycle_id JOIN chamber ch ON ch.id = c.chamber_id AND ch.code = 'SO' AND c.year = 2024`,
    );
    expect(Number(rows[0]!.n)).toBe(89);
  });
});
