import { describe, expect, it } from 'vitest';
import { meetsTarget } from './meets-target.js';

const target = { operator: '>=' as const, value: 3.5, source: 'original' as const };

describe('meetsTarget', () => {
  it('applies the operator alone when there is no tolerance', () => {
    expect(meetsTarget(3.5, target, undefined)).toEqual({ met: true });
    expect(meetsTarget(3.47, target, undefined)).toEqual({ met: false });
  });

  it('meets the target within the tolerance and records it', () => {
    expect(meetsTarget(3.47, target, { absolute: 0.05, reason: 'r' })).toMatchObject({ met: true, tolerance: { applied: true } });
    expect(meetsTarget(3.4, target, { absolute: 0.05, reason: 'r' })).toMatchObject({ met: false, tolerance: { applied: false } });
  });

  it('ignores a tolerance on a date or yes/no target', () => {
    expect(meetsTarget('2020-08-01', { operator: '<=', value: '2020-07-31', source: 'original' }, { absolute: 5, reason: 'r' })).toEqual({ met: false });
  });
});
