import { parsePlan, type PlanFile } from '@albero/plan-format';
import { loadPlan, planChecksum, withSqlUnitOfWork, type Database } from '@albero/db';

/**
 * A small plan that touches every tenant-owned table the loader fills: units, people, variables, levels,
 * perspectives, nodes with units and people, indicators, an original and a revised target, measurements,
 * overrides, size figures.
 */
export function fixturePlanYaml(code: string, year = 2024): string {
  const lower = code.toLowerCase();
  return `
formatVersion: 1
chamber: { code: ${code}, name: Camera di prova ${code}, region: Lombardia, seats: [Prova], activeFirms: [{ year: ${year - 1}, value: 12000 }] }
cycle: { year: ${year}, horizon: [${year}, ${year + 2}], state: monitoring, periods: [${year}-06-30, ${year}-12-31], resolution: { number: "1/GC", date: ${year}-01-31 } }
smvp: { entityLevel: strategico }
levels:
  - { key: prospettiva, name: Prospettiva, kind: perspective, aggregation: simple-mean }
  - { key: strategico, name: Obiettivo strategico, kind: strategic }
  - { key: operativo, name: Obiettivo operativo, kind: operational }
  - { key: individuale, name: Obiettivo individuale, kind: individual }
perspectives: [{ key: P, name: Processi interni }]
units:
  - { code: SG, name: Segreteria generale, kind: area }
  - { code: RI, name: Registro imprese, kind: uo, parent: SG }
people:
  - { username: manager.${lower}, name: Manager ${code}, units: [RI], roles: [manager] }
  - { username: staff.${lower}, name: Staff ${code}, units: [RI], roles: [staff] }
variables:
  - { key: imprese_attive, name: Imprese attive al 31/12, values: [{ period: ${year - 1}-12-31, value: 12000 }] }
  - { key: patrimonio_netto, name: Patrimonio netto, values: [{ period: ${year - 1}-12-31, value: 3900000 }] }
  - { key: immobilizzazioni, name: Immobilizzazioni, values: [{ period: ${year - 1}-12-31, value: 1000000 }] }
tree:
  - code: P
    title: Processi interni
    children:
      - code: "1"
        title: Qualità dei processi
        achievementTarget: { year: ${year}, operator: ">=", value: 80 }
        children:
          - code: "1.1"
            title: Tempi del Registro imprese
            weight: 60
            systemObjective: "3.2.1"
            units: [RI]
            people: [staff.${lower}]
            indicators:
              - name: Giorni medi di evasione
                unit: gg
                direction: lower-is-better
                targets: [{ year: ${year}, operator: "<=", value: 5, threshold80: 6, threshold60: 7, revised: { value: 4, date: ${year}-07-15, reason: Rimodulazione di metà anno } }]
                measurements: [{ period: ${year}-12-31, value: 4.5, status: approved }]
          - code: "1.2"
            title: Pratiche telematiche
            weight: 40
            indicators:
              - name: Quota telematica
                unit: "%"
                formula: telematiche / totali * 100
                targets: [{ year: ${year}, value: 90 }]
                measurements: [{ period: ${year}-12-31, value: 85, inputs: { telematiche: 85, totali: 100 }, status: submitted }]
                override: { score: 100, reason: Parere OIV di prova }
individualObjectives:
  - person: manager.${lower}
    objectives:
      - code: IND.1
        title: Obiettivo individuale di prova
        indicators: [{ name: Relazione consegnata, valueType: boolean, targets: [{ year: ${year}, value: true }] }]
`;
}

export function fixturePlan(code: string, year = 2024): PlanFile {
  return parsePlan(fixturePlanYaml(code, year), `fixture-${code}.yaml`);
}

/** Loads the fixture plan of a chamber and fills the tables the loader does not (report, appraisal). */
export async function loadFixtureChamber(db: Database, code: string, year = 2024): Promise<{ chamberId: string; cycleId: string }> {
  const source = fixturePlanYaml(code, year);
  await loadPlan(db, parsePlan(source, `fixture-${code}.yaml`), { file: `fixture-${code}.yaml`, checksum: planChecksum(source) });
  const { rows } = await db.pool.query<{ chamber_id: string; cycle_id: string; person_id: string }>(
    `SELECT c.id AS chamber_id, cy.id AS cycle_id, p.id AS person_id
       FROM chamber c JOIN cycle cy ON cy.chamber_id = c.id AND cy.year = $2
       JOIN person p ON p.chamber_id = c.id AND p.username = $3
      WHERE c.code = $1`,
    [code, year, `manager.${code.toLowerCase()}`],
  );
  const ids = rows[0]!;
  await withSqlUnitOfWork(db.pool, { chamberId: ids.chamber_id, actor: { kind: 'system', subject: 'fixture' } }, async (client) => {
    await client.query(`INSERT INTO report (chamber_id, id, cycle_id, kind) VALUES ($1, gen_random_uuid(), $2, 'relazione')`, [ids.chamber_id, ids.cycle_id]);
    await client.query(
      `INSERT INTO appraisal (chamber_id, id, cycle_id, person_id, role_profile, behaviour_score) VALUES ($1, gen_random_uuid(), $2, $3, 'dirigenti', 90)`,
      [ids.chamber_id, ids.cycle_id, ids.person_id],
    );
  });
  return { chamberId: ids.chamber_id, cycleId: ids.cycle_id };
}
