import { describe, expect, it } from 'vitest';
import { compileFormula, evaluateFormula } from './formula.js';

const run = (formula: string, inputs: Record<string, number>) => evaluateFormula(compileFormula(formula), inputs);

describe('compileFormula / evaluateFormula', () => {
  it('evaluates a ratio over named variables and reports the inputs it read', () => {
    expect(run('aderenti / attive * 100', { aderenti: 5807, attive: 10000, unused: 1 })).toEqual({
      ok: true,
      value: 58.07,
      inputs: { aderenti: 5807, attive: 10000 },
    });
  });

  it('respects precedence, parentheses and unary minus (Sondrio 3.3.1 weighted days)', () => {
    const r = run('(pratiche_camerali * gg_camerali + pratiche_ul * gg_ul) / (pratiche_camerali + pratiche_ul)', {
      pratiche_camerali: 88,
      gg_camerali: 18.36,
      pratiche_ul: 63,
      gg_ul: 43.75,
    });
    expect(r.ok && r.value).toBeCloseTo(28.953178807947, 10);
    expect(run('-a + 2 * 3', { a: 1 })).toMatchObject({ value: 5 });
    expect(run('-(a - 10) / 2', { a: 4 })).toMatchObject({ value: 3 });
  });

  it('offers only the whitelisted functions min, max, abs, round, floor, ceil, sqrt', () => {
    expect(run('min(a, b, 3)', { a: 5, b: 4 })).toMatchObject({ value: 3 });
    expect(run('max(a, b)', { a: 5, b: 4 })).toMatchObject({ value: 5 });
    expect(run('abs(a)', { a: -2 })).toMatchObject({ value: 2 });
    expect(run('round(a, 2)', { a: 97.605 })).toMatchObject({ value: 97.61 });
    expect(run('round(a)', { a: 2.5 })).toMatchObject({ value: 3 });
    expect(run('floor(a) + ceil(a)', { a: 2.5 })).toMatchObject({ value: 5 });
    expect(run('sqrt(a)', { a: 16 })).toMatchObject({ value: 4 });
  });

  it('is not computable on division by zero, never Infinity or NaN', () => {
    expect(run('a / b', { a: 1, b: 0 })).toEqual({
      ok: false,
      explanation: { rule: 'not-computable', reason: 'division-by-zero', detail: { formula: 'a / b' } },
    });
    expect(run('a / (b - b)', { a: 0, b: 3 })).toMatchObject({ ok: false, explanation: { reason: 'division-by-zero' } });
  });

  it('is not computable on a missing input and names the variable', () => {
    expect(run('risolti / proposti * 100', { risolti: 3 })).toEqual({
      ok: false,
      explanation: { rule: 'not-computable', reason: 'missing-input', detail: { formula: 'risolti / proposti * 100', variable: 'proposti' } },
    });
  });

  it('is not computable on a non-finite result', () => {
    expect(run('sqrt(a)', { a: -1 })).toMatchObject({ ok: false, explanation: { reason: 'non-finite' } });
    expect(run('a * a', { a: 1e200 })).toMatchObject({ ok: false, explanation: { reason: 'non-finite' } });
  });

  it('rejects attempts to reach code: member access, this, calls outside the whitelist, strings', () => {
    for (const formula of [
      "constructor.constructor('return process')()",
      'a.b',
      "a['constructor']",
      'this',
      'this.process',
      'eval(1)',
      'process.exit(1)',
      'require(1)',
      'Function(1)',
      "'text'",
      'true',
      'a ? 1 : 2',
      'a == b',
      'a % 2',
      'a ** 2',
      '[1, 2]',
      'a, b',
      '!a',
      'min()',
      'sqrt(1, 2)',
      'round(a, b)',
      '(1',
    ]) {
      const compiled = compileFormula(formula);
      expect(compiled.ok, formula).toBe(false);
      expect(evaluateFormula(compiled, { a: 1, b: 2 })).toMatchObject({ ok: false, explanation: { reason: 'invalid-formula', detail: { formula } } });
    }
  });

  it('does not read inherited properties of the inputs: "constructor" is a missing input', () => {
    expect(run('constructor + 1', {})).toMatchObject({ ok: false, explanation: { reason: 'missing-input', detail: { variable: 'constructor' } } });
    expect(run('__proto__ + 1', {})).toMatchObject({ ok: false, explanation: { reason: 'missing-input' } });
  });

  it('compiles each distinct formula once', () => {
    const a = compileFormula('x / y * 100');
    const b = compileFormula('x / y * 100');
    expect(a).toBe(b);
    expect(a.ok && a.variables).toEqual(['x', 'y']);
  });
});
