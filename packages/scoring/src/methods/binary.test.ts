import { describe, expect, it } from 'vitest';
import { scoreBinary } from './binary.js';

describe('scoreBinary', () => {
  it('scores a yes/no target: SI against SI → 100, NO → 0', () => {
    const t = { operator: '=' as const, value: true, source: 'original' as const };
    expect(scoreBinary(true, { kind: 'entered' }, t)).toMatchObject({ rule: 'binary', met: true, score: 100 });
    expect(scoreBinary(false, { kind: 'entered' }, t)).toMatchObject({ met: false, score: 0 });
  });

  it('scores a numeric target all or nothing', () => {
    const t = { operator: '>=' as const, value: 2, source: 'original' as const };
    expect(scoreBinary(2, { kind: 'entered' }, t).score).toBe(100);
    expect(scoreBinary(1.99, { kind: 'entered' }, t).score).toBe(0);
  });
});
