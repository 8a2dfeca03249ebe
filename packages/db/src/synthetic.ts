// Deterministic synthetic chambers for benchmarking demos: several sizes and regions, three cycles each,
// adopting the system objectives of the catalogue with values, and account figures for the financial ratios.
// They are marked synthetic (chamber.synthetic) wherever they appear. Same seed, same data, every time.
import { planFileSchema, type CatalogueFile, type PlanFile, type PlanFileInput } from '@albero/plan-format';

const CHAMBERS = [
  { code: 'SYNA', name: 'Camera sintetica Alpi', region: 'Valle d\'Aosta', firms: 11_800 },
  { code: 'SYNB', name: 'Camera sintetica Bassa', region: 'Lombardia', firms: 24_500 },
  { code: 'SYNC', name: 'Camera sintetica Colline', region: 'Piemonte', firms: 36_200 },
  { code: 'SYND', name: 'Camera sintetica Delta', region: 'Veneto', firms: 47_900 },
  { code: 'SYNE', name: 'Camera sintetica Etruria', region: 'Toscana', firms: 58_300 },
  { code: 'SYNF', name: 'Camera sintetica Foce', region: 'Liguria', firms: 71_000 },
  { code: 'SYNG', name: 'Camera sintetica Gargano', region: 'Puglia', firms: 88_400 },
  { code: 'SYNH', name: 'Camera sintetica Hirpinia', region: 'Campania', firms: 104_700 },
  { code: 'SYNI', name: 'Camera sintetica Isole', region: 'Sicilia', firms: 132_600 },
  { code: 'SYNL', name: 'Camera sintetica Laguna', region: 'Veneto', firms: 176_900 },
  { code: 'SYNM', name: 'Camera sintetica Metropoli', region: 'Lazio', firms: 412_300 },
] as const;

export const SYNTHETIC_YEARS = [2022, 2023, 2024] as const;

/** A small seeded generator (mulberry32): the same seed gives the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The synthetic chambers' plans, one per chamber and year, oldest first. */
export function syntheticPlans(catalogue: CatalogueFile): PlanFile[] {
  const plans: PlanFile[] = [];
  CHAMBERS.forEach((chamber, c) => {
    const rnd = random(20_240 + c * 7919);
    const skill = 0.9 + rnd() * 0.3; // how well this chamber performs overall
    for (const [y, year] of SYNTHETIC_YEARS.entries()) {
      const firms = Math.round(chamber.firms * (0.985 + 0.01 * y));
      const trend = 1 + 0.03 * y;
      const children = catalogue.objectives.map((o, i) => {
        const target = o.defaultTarget ?? 100;
        // Counts scale with the size of the chamber (the catalogue's targets are those of a ~13,000-firm chamber).
        const scaledTarget = o.normaliser === 'active_firms' ? Math.max(1, Math.round((target * firms) / 13_000)) : target;
        const factor = skill * trend * (0.8 + rnd() * 0.45);
        let value: number;
        if (scaledTarget < 0) value = scaledTarget - 10 * (factor - 1) + (rnd() - 0.5) * 4;
        else if (o.direction === 'lower-is-better') value = scaledTarget / factor;
        else value = scaledTarget * factor;
        value = o.normaliser === 'active_firms' ? Math.max(0, Math.round(value)) : round2(value);
        const missing = rnd() < 0.06;
        return {
          code: `S.${i + 1}`,
          title: o.title,
          weight: round2(100 / catalogue.objectives.length),
          systemObjective: o.code,
          indicators: [
            {
              name: o.title,
              ...(o.algorithm === undefined ? {} : { algorithm: o.algorithm }),
              ...(o.unit === undefined ? {} : { unit: o.unit }),
              direction: o.direction,
              systemObjective: o.code,
              targets: [{ year, operator: o.direction === 'lower-is-better' ? ('<=' as const) : ('>=' as const), value: scaledTarget }],
              measurements: missing ? [] : [{ period: `${year}-12-31`, value, status: 'approved' as const, note: 'Valore sintetico (dati dimostrativi)' }],
            },
          ],
        };
      });
      const P = firms * (340 + rnd() * 120);
      const figures: Record<string, number> = {
        proventi_correnti: P,
        diritto_annuale: P * (0.55 + rnd() * 0.1),
        diritti_segreteria: P * (0.17 + rnd() * 0.06),
        fondo_perequativo: P * 0.03,
        fondo_svalutazione_crediti_da: P * (0.06 + rnd() * 0.04),
        oneri_correnti: P * (0.9 + rnd() * 0.25),
        oneri_personale: P * (0.25 + rnd() * 0.1),
        oneri_funzionamento: P * (0.16 + rnd() * 0.08),
        ammortamenti_accantonamenti: P * (0.1 + rnd() * 0.05),
        proventi_strutturali: P * 0.95,
        oneri_strutturali: P * 0.95 * (0.82 + rnd() * 0.2),
        proventi_finanziari: P * 0.01,
        proventi_straordinari: P * 0.02,
        rivalutazioni: P * 0.004,
        oneri_finanziari: P * 0.004,
        oneri_straordinari: P * 0.012,
        svalutazioni: P * 0.01,
        patrimonio_netto: P * (2 + rnd() * 3),
        immobilizzazioni: P * (0.8 + rnd() * 1.4),
      };
      figures.passivo_totale = figures.patrimonio_netto! * (1.3 + rnd() * 0.7);
      figures.diritto_annuale_dovuto = figures.diritto_annuale! / 0.9;
      figures.diritto_annuale_incassato = figures.diritto_annuale_dovuto * (0.78 + rnd() * 0.14);
      // Some accounts are incomplete (SYNA 2022, SYNC 2023, SYNE 2024, SYNH 2022, …): the ratios that need
      // the missing figure are missing, never zero.
      if ((c * 3 + y) % 7 === 0) delete figures.immobilizzazioni;
      const input: PlanFileInput = {
        formatVersion: 1,
        chamber: {
          code: chamber.code,
          name: chamber.name,
          region: chamber.region,
          synthetic: true,
          activeFirms: [{ year, value: firms }],
        },
        cycle: { year, horizon: [year, year + 2], state: 'closed', periods: [`${year}-12-31`], document: 'dati sintetici generati (packages/db/src/synthetic.ts)' },
        smvp: { entityLevel: 'obiettivi' },
        levels: [
          { key: 'obiettivi', name: 'Obiettivi di sistema', kind: 'strategic' },
          { key: 'azione', name: 'Obiettivo di sistema adottato', kind: 'action' },
        ],
        variables: Object.entries(figures).map(([key, value]) => ({
          key,
          name: key.replaceAll('_', ' '),
          unit: 'EUR',
          values: [{ period: `${year}-12-31`, value: Math.round(value) }],
        })),
        tree: [{ code: 'S', title: 'Obiettivi di sistema adottati', children }],
        notes: ['Camera sintetica: dati generati in modo deterministico per dimostrare il confronto tra camere; non è una camera reale.'],
      };
      plans.push(planFileSchema.parse(input));
    }
  });
  return plans;
}
