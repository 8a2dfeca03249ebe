import jsep from 'jsep';
import { round } from './round.js';
import type { NotComputableExplanation } from './types.js';

// Formulas are parsed by jsep (docs/decisions/0003-scoring-expression-parser.md) and compiled into a tree
// of closures over a whitelist: number literals, variables, + − × ÷, parentheses, unary minus/plus and the
// functions min, max, abs, round, floor, ceil, sqrt (the ones @albero/plan-format's formulaIdentifiers knows).
// Anything else in the AST — member access (a.b, a['b']), `this`, calls of anything but a whitelisted
// name, strings, booleans, comparisons, conditionals, arrays, compound expressions — is rejected at compile
// time. Nothing is ever handed to eval or new Function; a variable is read only as an own numeric property
// of the inputs, so "constructor" or "__proto__" are simply missing inputs.

/** A formula compiled once; evaluate() runs it over a set of inputs. */
export type CompiledFormula = {
  ok: true;
  formula: string;
  /** The distinct variables the formula reads, in order of first appearance. */
  variables: string[];
  run: (ctx: EvalContext) => number;
};

export type FormulaError = { ok: false; formula: string; message: string };

type EvalContext = {
  inputs: Readonly<Record<string, number>>;
  fail: 'division-by-zero' | 'missing-input' | undefined;
  variable: string | undefined;
};

type Compiled = (ctx: EvalContext) => number;

const MAX_FORMULA_LENGTH = 2000;
const MAX_CACHE = 10_000;
const cache = new Map<string, CompiledFormula | FormulaError>();

const HALF_UP = { decimals: 0, mode: 'half-up' } as const;

const UNARY_FUNCTIONS: Record<string, (x: number) => number> = {
  abs: Math.abs,
  floor: Math.floor,
  ceil: Math.ceil,
  sqrt: Math.sqrt,
};

/** Parses and compiles a formula once (cached by its text); returns a FormulaError for anything outside the whitelist. */
export function compileFormula(formula: string): CompiledFormula | FormulaError {
  const cached = cache.get(formula);
  if (cached !== undefined) return cached;
  const compiled = compileUncached(formula);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(formula, compiled);
  return compiled;
}

function compileUncached(formula: string): CompiledFormula | FormulaError {
  if (formula.length > MAX_FORMULA_LENGTH) return { ok: false, formula, message: `formula longer than ${MAX_FORMULA_LENGTH} characters` };
  let ast: jsep.Expression;
  try {
    ast = jsep(formula);
  } catch (error) {
    return { ok: false, formula, message: (error as Error).message };
  }
  const variables: string[] = [];
  try {
    const run = build(ast, variables);
    return { ok: true, formula, variables, run };
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ok: false, formula, message: error.message };
    throw error;
  }
}

class FormulaSyntaxError extends Error {}

function reject(message: string): never {
  throw new FormulaSyntaxError(message);
}

function build(node: jsep.Expression, variables: string[]): Compiled {
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value !== 'number' || !Number.isFinite(value)) reject(`only numbers are allowed, not ${String((node as jsep.Literal).raw)}`);
      return () => value;
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (!variables.includes(name)) variables.push(name);
      return (ctx) => {
        const v = Object.hasOwn(ctx.inputs, name) ? ctx.inputs[name] : undefined;
        if (typeof v !== 'number') {
          if (ctx.fail === undefined) {
            ctx.fail = 'missing-input';
            ctx.variable = name;
          }
          return NaN;
        }
        return v;
      };
    }
    case 'UnaryExpression': {
      const { operator, argument } = node as jsep.UnaryExpression;
      const arg = build(argument, variables);
      if (operator === '-') return (ctx) => -arg(ctx);
      if (operator === '+') return arg;
      return reject(`operator "${operator}" is not allowed`);
    }
    case 'BinaryExpression': {
      const { operator, left, right } = node as jsep.BinaryExpression;
      const l = build(left, variables);
      const r = build(right, variables);
      switch (operator) {
        case '+':
          return (ctx) => l(ctx) + r(ctx);
        case '-':
          return (ctx) => l(ctx) - r(ctx);
        case '*':
          return (ctx) => l(ctx) * r(ctx);
        case '/':
          return (ctx) => {
            const a = l(ctx);
            const b = r(ctx);
            if (b === 0 && ctx.fail === undefined) ctx.fail = 'division-by-zero';
            return a / b;
          };
        default:
          return reject(`operator "${operator}" is not allowed`);
      }
    }
    case 'CallExpression': {
      const { callee, arguments: args } = node as jsep.CallExpression;
      if (callee.type !== 'Identifier') return reject('only calls of min, max, abs, round, floor, ceil, sqrt are allowed');
      const name = (callee as jsep.Identifier).name;
      const compiledArgs = args.map((a) => build(a, variables));
      if (name === 'min' || name === 'max') {
        if (compiledArgs.length === 0) reject(`${name}() needs at least one argument`);
        const pick = name === 'min' ? Math.min : Math.max;
        return (ctx) => {
          let acc = (compiledArgs[0] as Compiled)(ctx);
          for (let i = 1; i < compiledArgs.length; i++) acc = pick(acc, (compiledArgs[i] as Compiled)(ctx));
          return acc;
        };
      }
      if (name === 'round') {
        // round(x) or round(x, decimals), half-up, through the engine's one rounding function.
        if (compiledArgs.length === 1) {
          const x = compiledArgs[0] as Compiled;
          return (ctx) => round(x(ctx), HALF_UP);
        }
        if (compiledArgs.length === 2 && args[1]?.type === 'Literal') {
          const decimals = (args[1] as jsep.Literal).value;
          if (typeof decimals === 'number' && Number.isInteger(decimals) && decimals >= 0 && decimals <= 6) {
            const x = compiledArgs[0] as Compiled;
            const rounding = { decimals, mode: 'half-up' } as const;
            return (ctx) => round(x(ctx), rounding);
          }
        }
        return reject('round() takes a value and optionally a literal number of decimals 0-6');
      }
      const fn = Object.hasOwn(UNARY_FUNCTIONS, name) ? UNARY_FUNCTIONS[name] : undefined;
      if (fn === undefined) return reject(`function "${name}" is not allowed`);
      if (compiledArgs.length !== 1) return reject(`${name}() takes one argument`);
      const x = compiledArgs[0] as Compiled;
      return (ctx) => fn(x(ctx));
    }
    default:
      return reject(`${node.type} is not allowed in a formula`);
  }
}

/** The result of a formula: its value and the inputs it read, or why it is not computable. */
export type FormulaResult =
  | { ok: true; value: number; inputs: Record<string, number> }
  | { ok: false; explanation: NotComputableExplanation };

/** Evaluates a compiled formula; division by zero, a missing input or a non-finite result is not computable, never NaN, Infinity or 0. */
export function evaluateFormula(compiled: CompiledFormula | FormulaError, inputs: Readonly<Record<string, number>>): FormulaResult {
  if (!compiled.ok) {
    return { ok: false, explanation: { rule: 'not-computable', reason: 'invalid-formula', detail: { formula: compiled.formula, message: compiled.message } } };
  }
  const ctx: EvalContext = { inputs, fail: undefined, variable: undefined };
  const value = compiled.run(ctx);
  if (ctx.fail === 'missing-input') {
    return { ok: false, explanation: { rule: 'not-computable', reason: 'missing-input', detail: { formula: compiled.formula, variable: ctx.variable } } };
  }
  if (ctx.fail === 'division-by-zero') {
    return { ok: false, explanation: { rule: 'not-computable', reason: 'division-by-zero', detail: { formula: compiled.formula } } };
  }
  if (!Number.isFinite(value)) {
    return { ok: false, explanation: { rule: 'not-computable', reason: 'non-finite', detail: { formula: compiled.formula } } };
  }
  const used: Record<string, number> = {};
  for (const name of compiled.variables) used[name] = inputs[name] as number;
  return { ok: true, value: value === 0 ? 0 : value, inputs: used };
}
