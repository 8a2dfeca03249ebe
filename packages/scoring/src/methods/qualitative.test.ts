import { describe, expect, it } from 'vitest';
import { scoreQualitative } from './qualitative.js';

describe('scoreQualitative', () => {
  it('takes the entered assessment as the score', () => {
    expect(scoreQualitative(85, { kind: 'entered' })).toEqual({ rule: 'qualitative', value: 85, source: { kind: 'entered' }, score: 85 });
  });

  it('is not computable outside 0-100', () => {
    expect(scoreQualitative(120, { kind: 'entered' })).toMatchObject({ rule: 'not-computable', reason: 'out-of-range' });
    expect(scoreQualitative(-1, { kind: 'entered' })).toMatchObject({ rule: 'not-computable', reason: 'out-of-range' });
  });
});
