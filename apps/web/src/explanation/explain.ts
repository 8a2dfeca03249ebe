// "Perché 76?": the engine's structured explanations (@albero/scoring, as JSON from the API) in plain
// sentences. Pure: every word comes from the i18n resources, every number through Intl.
import type {
  AchievementExplanation,
  IndicatorExplanation,
  IndividualScorecard,
  MeanExplanation,
  MethodExplanation,
  NodeExplanation,
  NotComputableExplanation,
  OverrideExplanation,
  TargetUsed,
  ThresholdsUsed,
  ToleranceUsed,
  ScorecardComponent,
  ValueSource,
} from '@albero/scoring';
import { formatDate, formatNumber, formatScore } from '../format/format.js';

/** The translate function (i18next's `t`, or a stand-in in tests). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type ExplanationLine = { text: string; children?: ExplanationLine[] };
/** The engine's explanation of an individual scorecard (rule individual-scorecard, or not-computable with its components). */
export type ScorecardExplanation = IndividualScorecard['explanation'];
export type AnyExplanation = IndicatorExplanation | NodeExplanation | AchievementExplanation | ScorecardExplanation;

type Context = { t: Translate; locale: string };

const OPERATORS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

function value(v: unknown, ctx: Context): string {
  if (typeof v === 'number') return formatNumber(v, ctx.locale);
  if (typeof v === 'boolean') return ctx.t(v ? 'common.yes' : 'common.no');
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, ctx.locale) : v;
  return '—';
}

function target(used: TargetUsed, ctx: Context): string {
  return `${OPERATORS[used.operator] ?? used.operator} ${value(used.value, ctx)}`;
}

function targetNotes(used: TargetUsed, ctx: Context): ExplanationLine[] {
  const lines: ExplanationLine[] = [];
  if (used.source === 'revised' && used.revision) {
    lines.push({
      text: ctx.t('explain.targetRevised', {
        date: formatDate(used.revision.date, ctx.locale),
        reason: used.revision.reason,
        original: used.original ? value(used.original.value, ctx) : '—',
      }),
    });
  }
  if (used.source === 'relative-to-baseline') {
    lines.push({
      text: ctx.t('explain.targetRelative', {
        change: formatNumber(used.relativeChange ?? null, ctx.locale),
        baseline: formatNumber(used.baseline ?? null, ctx.locale),
      }),
    });
  }
  return lines;
}

function source(src: ValueSource, ctx: Context): ExplanationLine[] {
  if (src.kind === 'formula') {
    const inputs = Object.entries(src.inputs)
      .map(([name, v]) => `${name} = ${formatNumber(v, ctx.locale)}`)
      .join('; ');
    return [{ text: ctx.t('explain.sourceFormula', { formula: src.formula, inputs }) }];
  }
  if (src.kind === 'rollup') return [{ text: ctx.t('explain.sourceRollup'), children: mean(src.mean, ctx) }];
  return [];
}

function tolerance(used: ToleranceUsed | undefined, ctx: Context): ExplanationLine[] {
  if (!used?.applied) return [];
  return [
    {
      text: ctx.t('explain.tolerance', {
        allowed: formatNumber(used.allowed, ctx.locale),
        distance: formatNumber(used.distance, ctx.locale),
        reason: used.reason,
      }),
    },
  ];
}

function thresholdsNote(thresholds: ThresholdsUsed, ctx: Context): ExplanationLine[] {
  if (thresholds.source === 'bands' && thresholds.bands) {
    return [{ text: ctx.t('explain.thresholdsFromBands', { b80: formatNumber(thresholds.bands.threshold80, ctx.locale), b60: formatNumber(thresholds.bands.threshold60, ctx.locale) }) }];
  }
  if (thresholds.source === 'none' && thresholds.reason) return [{ text: ctx.t(`explain.noThresholds.${thresholds.reason}`) }];
  return [];
}

function stepLike(e: Extract<MethodExplanation, { rule: 'step' | 'deadline' }>, ctx: Context): ExplanationLine[] {
  const score = formatScore(e.score, ctx.locale);
  const facts = { value: value(e.value, ctx), target: target(e.target, ctx), score, t80: value(e.thresholds.t80, ctx), t60: value(e.thresholds.t60, ctx) };
  const key = e.rule === 'deadline' ? 'explain.deadline' : 'explain.step';
  return [
    { text: ctx.t(`${key}.intro`, facts) },
    { text: ctx.t(`${key}.${e.met}`, facts) },
    ...thresholdsNote(e.thresholds, ctx),
    ...targetNotes(e.target, ctx),
    ...source(e.source, ctx),
    ...(e.rule === 'step' ? tolerance(e.tolerance, ctx) : []),
  ];
}

function method(e: MethodExplanation, ctx: Context): ExplanationLine[] {
  const score = formatScore(e.score, ctx.locale);
  switch (e.rule) {
    case 'step':
    case 'deadline':
      return stepLike(e, ctx);
    case 'proportional': {
      const facts = { value: value(e.value, ctx), target: target(e.target, ctx), score, ratio: formatScore(e.ratio === null ? null : e.ratio * 100, ctx.locale) };
      const key = e.fallback ? 'explain.proportional.fallback' : e.capped ? 'explain.proportional.capped' : 'explain.proportional.ratio';
      return [{ text: ctx.t('explain.proportional.intro', facts) }, { text: ctx.t(key, facts) }, ...targetNotes(e.target, ctx), ...source(e.source, ctx), ...tolerance(e.tolerance, ctx)];
    }
    case 'binary': {
      const facts = { value: value(e.value, ctx), target: target(e.target, ctx), score };
      return [{ text: ctx.t(e.met ? 'explain.binary.met' : 'explain.binary.notMet', facts) }, ...targetNotes(e.target, ctx), ...source(e.source, ctx), ...tolerance(e.tolerance, ctx)];
    }
    case 'bands': {
      const facts = {
        value: value(e.value, ctx),
        target: target(e.target, ctx),
        score,
        percent: formatScore(e.percentOfTarget, ctx.locale),
        from: e.band ? formatNumber(e.band.minPercentOfTarget, ctx.locale) : '—',
      };
      return [
        { text: ctx.t('explain.bands.intro', facts) },
        { text: ctx.t(e.band ? 'explain.bands.band' : 'explain.bands.none', facts) },
        ...targetNotes(e.target, ctx),
        ...source(e.source, ctx),
        ...tolerance(e.tolerance, ctx),
      ];
    }
    case 'qualitative':
      return [{ text: ctx.t('explain.qualitative', { value: formatNumber(e.value, ctx.locale), score }) }, ...source(e.source, ctx)];
  }
}

function mean(e: MeanExplanation, ctx: Context): ExplanationLine[] {
  const score = formatScore(e.score, ctx.locale);
  const basis = ctx.t(`explain.basis.${e.basis}`);
  const counted = e.terms.filter((term) => term.score !== null);
  const terms: ExplanationLine[] = e.terms.map((term) =>
    term.score === null
      ? { text: ctx.t('explain.term.missing', { code: term.code }) }
      : e.rule === 'weighted-mean'
        ? {
            text: ctx.t('explain.term.weighted', {
              code: term.code,
              weight: formatNumber(term.weight, ctx.locale),
              score: formatScore(term.score, ctx.locale),
              contribution: formatScore(term.contribution, ctx.locale),
            }),
          }
        : { text: ctx.t('explain.term.simple', { code: term.code, score: formatScore(term.score, ctx.locale) }) },
  );
  const lines: ExplanationLine[] = [
    e.rule === 'weighted-mean'
      ? { text: ctx.t('explain.weightedMean', { basis, score, weightSum: formatNumber(e.weightSum, ctx.locale) }), children: terms }
      : { text: ctx.t('explain.simpleMean', { basis, score, count: counted.length }), children: terms },
  ];
  if (e.missing.length > 0) {
    lines.push({ text: ctx.t('explain.missing', { codes: e.missing.join(', '), policy: ctx.t(`explain.policy.${e.missingPolicy}`) }) });
  }
  if (e.warning) lines.push({ text: ctx.t('explain.weightWarning', { sum: formatNumber(e.warning.declaredSum, ctx.locale) }) });
  return lines;
}

function override(e: OverrideExplanation, ctx: Context): ExplanationLine[] {
  const by = ctx.t(`explain.by.${e.by === 'oiv' ? 'oiv' : 'chamber_admin'}`, { defaultValue: e.by });
  return [
    {
      text: ctx.t(e.computed === null ? 'explain.override.noComputed' : 'explain.override.main', {
        score: formatScore(e.score, ctx.locale),
        computed: formatScore(e.computed, ctx.locale),
        by,
        date: e.date ? formatDate(e.date, ctx.locale) : '—',
      }),
    },
    { text: ctx.t('explain.override.reason', { reason: e.reason }) },
    { text: ctx.t('explain.override.computedWas'), children: explain(e.computedExplanation, ctx) },
  ];
}

function notComputable(e: NotComputableExplanation, ctx: Context): ExplanationLine[] {
  const detail = e.detail;
  return [
    {
      text: ctx.t(`explain.notComputable.${e.reason}`, {
        variable: detail.variable ?? '—',
        formula: detail.formula ?? '—',
        codes: detail.missing?.join(', ') ?? '—',
        value: value(detail.value ?? null, ctx),
      }),
    },
  ];
}

function achievement(e: Extract<AchievementExplanation, { rule: 'achievement' }>, ctx: Context): ExplanationLine[] {
  const facts = {
    result: formatScore(e.result, ctx.locale),
    target: target(e.target, ctx),
    achievement: formatScore(e.achievement, ctx.locale),
  };
  const key = e.met ? 'explain.achievement.met' : e.method === 'binary' ? 'explain.achievement.notMetBinary' : 'explain.achievement.notMetProportional';
  return [{ text: ctx.t(key, facts) }, ...tolerance(e.tolerance, ctx), ...targetNotes(e.target, ctx)];
}

// The individual scorecard (docs/api.md, "Individual scorecards"): the role profile and its weights, each
// component with its score, weight and contribution, the missing ones and how they were treated, the total.

/** What the sentences of an individual scorecard are made from: the engine's explanation and what the API adds. */
export type ScorecardFacts = {
  /** The role profile of the appraisal (the engine's explanation does not name it). */
  roleProfile?: string | null;
  /** The SMVP's missing-value policy of the unit and individual means. */
  missingPolicy?: string | null;
  explanation: unknown;
  /** Each component's own explanation (where its score comes from), when the query asked for it. */
  components?: readonly { component: string; explanation?: unknown }[];
};

/** Whether a JSON explanation is the engine's individual-scorecard one (computed or not). */
export function isScorecardExplanation(e: unknown): e is ScorecardExplanation {
  if (!e || typeof e !== 'object') return false;
  const x = e as { rule?: unknown; components?: unknown };
  return (x.rule === 'individual-scorecard' || x.rule === 'not-computable') && Array.isArray(x.components);
}

const componentName = (name: string, ctx: Context) => ctx.t(`scorecardExplain.components.${name}`);
const componentInline = (name: string, ctx: Context) => ctx.t(`scorecardExplain.componentsInline.${name}`);

/** Where one component's score comes from (the API's per-component explanation), as sub-points. */
function componentSource(name: string, e: unknown, ctx: Context): ExplanationLine[] {
  if (!e || typeof e !== 'object' || !('rule' in e)) return [];
  const x = e as { rule: string; score?: unknown };
  if (x.rule === 'behaviour-assessment') {
    return [{ text: ctx.t('scorecardExplain.source.behaviour', { score: formatScore(typeof x.score === 'number' ? x.score : null, ctx.locale) }) }];
  }
  if (x.rule === 'weighted-mean' || x.rule === 'simple-mean') {
    return [{ text: ctx.t(`scorecardExplain.source.${name}`), children: mean(e as MeanExplanation, ctx) }];
  }
  if (x.rule === 'not-computable') {
    const n = e as NotComputableExplanation;
    if (n.reason === 'no-children') return [{ text: ctx.t(`scorecardExplain.noSource.${name}`) }];
    // The API's own reasons without engine details: no entity level in the SMVP, no behaviour score yet.
    if (n.reason === 'missing-input' && n.detail.variable === undefined) return [{ text: ctx.t(`scorecardExplain.noSource.${name}`) }];
    return notComputable(n, ctx);
  }
  return [];
}

function componentLine(c: ScorecardComponent, computable: boolean, source: ExplanationLine[], ctx: Context): ExplanationLine {
  const facts = {
    component: componentName(c.component, ctx),
    weight: formatNumber(c.weight, ctx.locale),
    score: formatScore(c.score, ctx.locale),
    contribution: formatScore(c.contribution, ctx.locale),
  };
  const key =
    c.weight === 0
      ? c.score === null
        ? 'zeroWeightNoScore'
        : 'zeroWeight'
      : c.score === null
        ? 'missing'
        : computable && c.contribution !== null
          ? 'counted'
          : 'scoreOnly';
  return { text: ctx.t(`scorecardExplain.component.${key}`, facts), ...(source.length > 0 ? { children: source } : {}) };
}

/** The sentences of an individual scorecard, in the order a person reads them. */
export function explainScorecard(facts: ScorecardFacts, ctx: Context): ExplanationLine[] {
  const e = facts.explanation;
  if (!isScorecardExplanation(e)) return [{ text: ctx.t('explain.none') }];
  const components = e.components;
  const weights = components
    .map((c) => ctx.t('scorecardExplain.weightItem', { component: componentInline(c.component, ctx), weight: formatNumber(c.weight, ctx.locale) }))
    .join(', ');
  const lines: ExplanationLine[] = [
    { text: facts.roleProfile ? ctx.t('scorecardExplain.profile', { profile: facts.roleProfile, weights }) : ctx.t('scorecardExplain.profileUnnamed', { weights }) },
  ];
  const computable = e.rule === 'individual-scorecard';
  for (const c of components) {
    const own = facts.components?.find((x) => x.component === c.component)?.explanation;
    lines.push(componentLine(c, computable, componentSource(c.component, own, ctx), ctx));
  }
  if (e.rule === 'individual-scorecard') {
    const terms = components
      .filter((c) => c.weight !== 0 && c.score !== null)
      .map((c) => ctx.t('scorecardExplain.term', { score: formatScore(c.score, ctx.locale), weight: formatNumber(c.weight, ctx.locale) }))
      .join(' + ');
    lines.push({ text: ctx.t('scorecardExplain.total', { terms, weightSum: formatNumber(e.weightSum, ctx.locale), score: formatScore(e.score, ctx.locale) }) });
  } else if (e.reason === 'zero-weights') {
    lines.push({ text: ctx.t('scorecardExplain.notComputable.zeroWeights') });
  } else {
    const missing = e.detail.missing ?? components.filter((c) => c.weight !== 0 && c.score === null).map((c) => c.component);
    const names = missing.map((m) => componentInline(m, ctx)).join(', ');
    lines.push({ text: ctx.t(missing.length === 1 ? 'scorecardExplain.notComputable.missingOne' : 'scorecardExplain.notComputable.missingMany', { components: names }) });
    lines.push({ text: ctx.t('scorecardExplain.notComputable.noReweight') });
  }
  if (facts.missingPolicy) {
    lines.push({ text: ctx.t('scorecardExplain.missingPolicy', { policy: ctx.t(`explain.policy.${facts.missingPolicy}`, { defaultValue: facts.missingPolicy }) }) });
  }
  return lines;
}

/** The sentences that explain a score, in the order a person reads them (sub-points as children). */
export function explain(explanation: AnyExplanation | null | undefined, ctx: Context): ExplanationLine[] {
  if (!explanation || typeof explanation !== 'object' || !('rule' in explanation)) return [{ text: ctx.t('explain.none') }];
  switch (explanation.rule) {
    case 'weighted-mean':
    case 'simple-mean':
      return mean(explanation, ctx);
    case 'override':
      return override(explanation, ctx);
    case 'not-computable':
      return 'components' in explanation ? explainScorecard({ explanation }, ctx) : notComputable(explanation, ctx);
    case 'individual-scorecard':
      return explainScorecard({ explanation }, ctx);
    case 'achievement':
      return achievement(explanation, ctx);
    default:
      return method(explanation, ctx);
  }
}

/** The lines as plain text, one per line, sub-points indented (exports and tests). */
export function explanationText(lines: ExplanationLine[], indent = ''): string {
  return lines.map((line) => [`${indent}${line.text}`, ...(line.children ? [explanationText(line.children, `${indent}  `)] : [])].join('\n')).join('\n');
}
