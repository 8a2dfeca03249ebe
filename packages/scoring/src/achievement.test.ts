import { describe, expect, it } from 'vitest';
import { scoreAchievement } from './achievement.js';

const target = (value: number) => ({ operator: '>=' as const, value, source: 'original' as const });

describe('scoreAchievement', () => {
  it('is 100 when the result meets the node\'s target (Sondrio strategic 1: 97.60 against 80)', () => {
    expect(scoreAchievement(97.6, target(80), 'proportional')).toEqual({
      rule: 'achievement',
      result: 97.6,
      target: target(80),
      met: true,
      method: 'proportional',
      achievement: 100,
    });
  });

  it('is result/target × 100 when missed, with the proportional method', () => {
    expect(scoreAchievement(72, target(80), 'proportional')).toMatchObject({ met: false, achievement: 90 });
  });

  it('is 0 when missed, with the binary method', () => {
    expect(scoreAchievement(79.99, target(80), 'binary')).toMatchObject({ met: false, achievement: 0 });
  });

  it('is 100 exactly at the target (100 against 100)', () => {
    expect(scoreAchievement(100, target(100), 'proportional')).toMatchObject({ met: true, achievement: 100 });
  });
});
