import { describe, expect, it } from 'vitest';
import { rate } from './rating.js';

const bands = [
  { min: 60, label: 'Sufficiente' },
  { min: 90, label: 'Eccellente' },
  { min: 0, label: 'Insufficiente' },
  { min: 75, label: 'Buono' },
];

describe('rate', () => {
  it('gives the band with the highest minimum the score reaches, whatever the order of the table', () => {
    expect(rate(100, bands)?.label).toBe('Eccellente');
    expect(rate(90, bands)?.label).toBe('Eccellente');
    expect(rate(89.99, bands)?.label).toBe('Buono');
    expect(rate(60, bands)?.label).toBe('Sufficiente');
    expect(rate(10, bands)?.label).toBe('Insufficiente');
  });

  it('gives null below every band or without bands', () => {
    expect(rate(50, [{ min: 60, label: 'x' }])).toBeNull();
    expect(rate(50, [])).toBeNull();
  });
});
