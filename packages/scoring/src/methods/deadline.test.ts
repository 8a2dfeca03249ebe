import { describe, expect, it } from 'vitest';
import type { Operator } from '../types.js';
import { scoreDeadline } from './deadline.js';

// Seed 002, 3.5.1: target July, 80 % by September, 60 % by October (month ends).
const target = (operator: Operator = '<=') => ({
  operator,
  value: '2020-07-31',
  threshold80: '2020-09-30',
  threshold60: '2020-10-31',
  source: 'original' as const,
});
const at = (date: string, operator?: Operator) => scoreDeadline(date, { kind: 'entered' }, target(operator));

describe('scoreDeadline', () => {
  it('scores 100 on or before the deadline', () => {
    expect(at('2020-07-31')).toMatchObject({ score: 100, met: 'target' });
    expect(at('2020-06-15').score).toBe(100);
  });

  it('scores 80 after the deadline but by the 80 % threshold date', () => {
    expect(at('2020-08-01')).toMatchObject({ score: 80, met: 't80' });
    expect(at('2020-09-30').score).toBe(80);
  });

  it('scores 60 by the 60 % threshold date, 0 after it', () => {
    expect(at('2020-10-01').score).toBe(60);
    expect(at('2020-10-31').score).toBe(60);
    expect(at('2020-11-01')).toMatchObject({ score: 0, met: 'none' });
  });

  it('reads the default ">=" of a deadline as "on or before" and "<" as strictly before', () => {
    expect(at('2020-07-31', '>=').score).toBe(100);
    expect(at('2020-08-01', '>=').score).toBe(80);
    expect(at('2020-07-31', '<').score).toBe(80);
  });

  it('scores a deadline without thresholds all or nothing ("Entro 31/12/2023")', () => {
    const t = { operator: '<=' as const, value: '2023-12-31', source: 'original' as const };
    expect(scoreDeadline('2023-12-31', { kind: 'entered' }, t)).toMatchObject({ score: 100, thresholds: { source: 'none' } });
    expect(scoreDeadline('2024-01-01', { kind: 'entered' }, t).score).toBe(0);
  });
});
