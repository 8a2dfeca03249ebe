// Benchmark: 60 chambers × 10 cycles × a 300-node, 300-indicator tree (180,000 nodes, 180,000 indicators),
// generated deterministically, scored with explanations, single-threaded. A script, not a timed test.
// Run: pnpm --filter @albero/scoring bench   (node --expose-gc --import tsx bench/score-bench.ts)
import { scoreTree } from '../src/tree.js';
import type { IndicatorInput, NodeInput, ScoredTree, ScoringConfig, ScoringInput, Target } from '../src/types.js';

const CHAMBERS = 60;
const CYCLES = 10;
const WARMUP_RUNS = 3;
const TIMED_RUNS = 7;

// mulberry32: a small deterministic PRNG, so every run scores the same trees.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FORMULAS = [
  'aderenti / attive * 100',
  'risolti / proposti * 100',
  '(pratiche_a * gg_a + pratiche_b * gg_b) / (pratiche_a + pratiche_b)',
  'a_distanza / totale * 100',
  '(proventi - oneri) / proventi * 100',
  'interventi / oneri_correnti * 100',
  'incassato / dovuto * 100',
  'patrimonio / immobilizzazioni * 100',
  '(corrente - precedente) / precedente * 100',
  'ore / fte',
  'max(a, b) / c',
  'round(a / b * 100, 2)',
];

function weights(n: number, rnd: () => number): number[] {
  // Integer weights summing to 100, as chambers write them (the last one absorbs the remainder).
  const raw = Array.from({ length: n }, () => 1 + rnd());
  const sum = raw.reduce((s, x) => s + x, 0);
  const out = raw.map((x) => Math.floor((x / sum) * 100));
  out[n - 1] = 100 - out.slice(0, n - 1).reduce((s, x) => s + x, 0);
  return out;
}

// Every input object gets all its keys in one order (undefined where absent), as rows mapped from the
// database do: the engine's property accesses then stay monomorphic.
function blank(code: string, weight: number): IndicatorInput {
  return {
    code,
    weight,
    direction: 'higher-is-better',
    valueType: 'number',
    method: undefined,
    bands: undefined,
    tolerance: undefined,
    baseline: undefined,
    target: undefined,
    value: undefined,
    formula: undefined,
    inputs: undefined,
    rollup: undefined,
    override: undefined,
    systemObjective: undefined,
  };
}

function indicator(code: string, weight: number, rnd: () => number): IndicatorInput {
  const r = rnd();
  const base = blank(code, weight);
  if (r < 0.03) {
    // deadline
    const month = 1 + Math.floor(rnd() * 12);
    const done = 1 + Math.floor(rnd() * 12);
    const mm = (m: number) => String(Math.min(m, 12)).padStart(2, '0');
    base.valueType = 'date';
    base.direction = 'lower-is-better';
    base.value = `2024-${mm(done)}-28`;
    base.target = target('<=', `2024-${mm(month)}-28`, `2024-${mm(month + 1)}-28`, `2024-${mm(month + 2)}-28`);
    return base;
  }
  if (r < 0.06) {
    base.valueType = 'boolean';
    base.value = rnd() < 0.9;
    base.target = target('=', true, undefined, undefined);
    return base;
  }
  if (r < 0.09) {
    base.valueType = 'qualitative';
    base.value = Math.round(rnd() * 100);
    return base;
  }
  const t = Math.round(10 + rnd() * 990);
  const lower = rnd() < 0.25;
  const ind = base;
  ind.direction = lower ? 'lower-is-better' : 'higher-is-better';
  ind.value = Math.round(t * (0.4 + rnd() * 0.9) * 100) / 100;
  if (r < 0.14) ind.method = 'proportional';
  else if (r < 0.17) {
    ind.method = 'bands';
    ind.bands = [
      { minPercentOfTarget: 100, score: 100 },
      { minPercentOfTarget: 90, score: 90 },
      { minPercentOfTarget: 75, score: 70 },
    ];
  }
  const explicit = rnd() < 0.3;
  ind.target = target(
    lower ? '<=' : '>=',
    t,
    explicit ? (lower ? t * 1.1 : t * 0.9) : undefined,
    explicit ? (lower ? t * 1.2 : t * 0.8) : undefined,
  );
  if (rnd() < 0.05) ind.tolerance = { relative: 1, reason: 'documented tolerance' };
  const formula = rnd() < 0.1 ? FORMULAS[Math.floor(rnd() * FORMULAS.length)] : undefined;
  if (formula !== undefined) {
    ind.formula = formula;
    const inputs: Record<string, number> = {};
    for (const name of formula.match(/[a-z_]+(?![a-z_]*\()/g) ?? []) inputs[name] = 1 + Math.round(rnd() * 1000);
    if (rnd() < 0.05) inputs[Object.keys(inputs)[0] as string] = 0; // some divisions by zero
    ind.inputs = inputs;
  }
  const m = rnd();
  if (m < 0.02) ind.value = null; // missing ("---")
  if (rnd() < 0.01) ind.override = { score: 60, reason: 'parere OIV', by: 'oiv', date: undefined };
  return ind;
}

/** One chamber-cycle: 4 perspectives → 10 strategic → 40 operational → 246 actions (300 nodes, 300 indicators). */
function target(operator: Target['operator'], value: Target['value'], threshold80: Target['threshold80'], threshold60: Target['threshold60']): Target {
  return { operator, value, relativeToBaseline: undefined, threshold80, threshold60, label: undefined, revised: undefined };
}

function node(code: string, weight: number, level: string, indicators: IndicatorInput[], children: NodeInput[]): NodeInput {
  return { code, weight, level, indicators, children, achievementTarget: undefined, override: undefined, systemObjective: undefined };
}

function buildTree(rnd: () => number): NodeInput[] {
  const strategicPerPerspective = [2, 3, 2, 3];
  let actionsLeft = 246;
  let twoIndicatorActions = 54;
  let operationalLeft = 40;
  let actionIndex = 0;
  return strategicPerPerspective.map((nStrategic, p) =>
    node(
      `P${p + 1}`,
      100,
      'prospettiva',
      [],
      Array.from({ length: nStrategic }, (_, s): NodeInput => {
        const sCode = `${p + 1}.${s + 1}`;
        const strategic = node(
          sCode,
          100,
          'strategico',
          [],
          weights(4, rnd).map((ow, o): NodeInput => {
            const oCode = `${sCode}.${o + 1}`;
            const nActions = Math.round(actionsLeft / operationalLeft);
            operationalLeft--;
            actionsLeft -= nActions;
            return node(
              oCode,
              ow,
              'operativo',
              [],
              weights(nActions, rnd).map((aw, a): NodeInput => {
                const aCode = `${oCode}.${a + 1}`;
                // 54 of the 246 actions have two indicators: 300 indicators per tree.
                const two = twoIndicatorActions > 0 && actionIndex++ % 4 === 1;
                if (two) twoIndicatorActions--;
                const inds = two ? [indicator(`${aCode}.a`, 50, rnd), indicator(`${aCode}.b`, 50, rnd)] : [indicator(aCode, 100, rnd)];
                const action = node(aCode, aw, 'azione', inds, []);
                if (rnd() < 0.005) action.override = { score: 80, reason: 'parere OIV', by: 'oiv', date: undefined };
                return action;
              }),
            );
          }),
        );
        strategic.achievementTarget = target('>=', rnd() < 0.7 ? 80 : 100, undefined, undefined);
        return strategic;
      }),
    ),
  );
}

function buildConfig(rnd: () => number): ScoringConfig {
  const policies = ['exclude-and-reweight', 'count-as-zero', 'not-computable'] as const;
  return {
    defaultMethod: 'step',
    stepBands: { threshold80: 80, threshold60: 60 },
    missingPolicy: policies[Math.floor(rnd() * 3)] as (typeof policies)[number],
    rounding: { decimals: 2, mode: 'half-up' },
    rollupFrom: 'unrounded',
    achievementMethod: 'proportional',
    levels: {
      prospettiva: { aggregation: 'simple-mean' },
      strategico: { aggregation: 'weighted-mean' },
      operativo: { aggregation: 'weighted-mean' },
      azione: { aggregation: 'weighted-mean' },
    },
    entityLevel: 'strategico',
    ratingBands: [
      { min: 90, label: 'Eccellente' },
      { min: 75, label: 'Buono' },
      { min: 60, label: 'Sufficiente' },
      { min: 0, label: 'Insufficiente' },
    ],
  };
}

function buildAll(): ScoringInput[] {
  const inputs: ScoringInput[] = [];
  for (let c = 0; c < CHAMBERS; c++) {
    for (let y = 0; y < CYCLES; y++) {
      const rnd = prng(c * 1000 + y + 1);
      inputs.push({ config: buildConfig(rnd), tree: buildTree(rnd) });
    }
  }
  return inputs;
}

function count(inputs: ScoringInput[]) {
  let nodes = 0;
  let indicators = 0;
  const walk = (ns: NodeInput[]) => {
    for (const n of ns) {
      nodes++;
      indicators += n.indicators.length;
      walk(n.children);
    }
  };
  for (const i of inputs) walk(i.tree);
  return { nodes, indicators };
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const collect = () => {
  gc?.();
  gc?.();
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const inputs = buildAll();
const { nodes, indicators } = count(inputs);
collect();
const heapInputs = process.memoryUsage().heapUsed;
console.log(`trees: ${inputs.length} (${CHAMBERS} chambers × ${CYCLES} cycles); nodes: ${nodes}; indicators: ${indicators}`);
console.log(`heap with the generated input trees: ${mb(heapInputs)}`);

// Phase 1 — release: each scored tree is dropped once the next is scored (as the API does with one plan
// at a time). Peak RSS is read after this phase, before anything is retained.
for (let i = 0; i < WARMUP_RUNS; i++) for (const input of inputs) scoreTree(input);
const releaseTimes: number[] = [];
let sink = 0;
for (let run = 0; run < TIMED_RUNS; run++) {
  collect();
  const start = process.hrtime.bigint();
  for (const input of inputs) sink += scoreTree(input).nodes.length;
  releaseTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const releasePeakRss = process.resourceUsage().maxRSS * 1024;

// Phase 2 — retain: every scored tree with its explanations is kept until the end of the run.
const retainTimes: number[] = [];
const retainCpu: number[] = [];
let kept: ScoredTree[] = [];
for (let run = 0; run < TIMED_RUNS; run++) {
  kept.length = 0; // release the previous run's results before measuring this one
  collect();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  kept = inputs.map((input) => scoreTree(input));
  retainTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
  const used = process.cpuUsage(cpu);
  retainCpu.push((used.user + used.system) / 1000);
}
collect();
const heapWithResults = process.memoryUsage().heapUsed;
const retainPeakRss = process.resourceUsage().maxRSS * 1024;

let notComputable = 0;
let overridden = 0;
const walk = (ns: ScoredTree['nodes']) => {
  for (const n of ns) {
    if (n.result === null) notComputable++;
    if (n.overridden) overridden++;
    walk(n.children);
  }
};
for (const t of kept) walk(t.nodes);
if (sink !== kept.length * 4 * TIMED_RUNS) throw new Error('unexpected tree count');

const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
console.log(`scored nodes not computable: ${notComputable}; overridden nodes: ${overridden}`);
console.log(`wall time, all ${inputs.length} trees with explanations, ${TIMED_RUNS} runs after ${WARMUP_RUNS} warm-up runs:`);
console.log(`  each result released: ${fmt(releaseTimes)}`);
console.log(`  all results retained: ${fmt(retainTimes)}; process CPU time (incl. GC threads) median ${median(retainCpu).toFixed(1)} ms`);
if (gc === undefined) console.log('memory: run with node --expose-gc for retained-memory figures');
else {
  console.log(
    `heap retained by all ${inputs.length} scored trees: ${mb(heapWithResults - heapInputs)} (inputs + results ${mb(heapWithResults)})`,
  );
}
console.log(`peak RSS: ${mb(releasePeakRss)} releasing results, ${mb(retainPeakRss)} retaining them; node ${process.version}, ${process.platform} ${process.arch}`);
