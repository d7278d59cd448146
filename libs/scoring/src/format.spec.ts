import { display, formatInteger, formatPercent } from './format';

describe('display: every number with its unit and ± margin', () => {
  it('writes shares, dollars, years and counts with their margins', () => {
    expect(display({ unit: 'share', value: 0.8949, moe: 0.0152 })).toBe('89% ± 1.5 pts');
    expect(display({ unit: 'dollars', value: 243500, moe: 12000 })).toBe('$243,500 ± $12,000');
    expect(display({ unit: 'year', value: 1955, moe: 15 })).toBe('1955 ± 15 years');
    expect(display({ unit: 'year', value: 1955, moe: 1 })).toBe('1955 ± 1 year');
    expect(display({ unit: 'count', value: 22838, moe: 679, noun: 'households' })).toBe(
      '22,838 ± 679 households',
    );
    expect(display({ unit: 'years', value: 41.24, moe: 1.1 })).toBe('41.2 ± 1.1 years');
    expect(display({ unit: 'dollars', value: 243500, moe: null })).toBe('$243,500');
  });

  it('writes top and bottom codes as the ACS does, never as a figure', () => {
    expect(
      display({
        unit: 'dollars',
        value: 250001,
        moe: null,
        censored: 'top',
        metric: 'median_household_income',
      }),
    ).toBe('$250,000+');
    expect(
      display({ unit: 'year', value: 1938, moe: null, censored: 'bottom', metric: 'median_year_built' }),
    ).toBe('1939 or earlier');
    expect(
      display({ unit: 'dollars', value: 3501, moe: null, censored: 'top', metric: 'median_gross_rent' }),
    ).toBe('$3,500+');
  });

  it('keeps one decimal under 10% so 18954’s 1.5% renters do not read as 2%', () => {
    expect(formatPercent(57 / 3769)).toBe('1.5%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.27)).toBe('27%');
  });
});

describe('formatInteger', () => {
  it('groups thousands the en-US way', () => {
    expect([0, 999, 1000, 22838, 1234567, -1500, 249.6].map(formatInteger)).toEqual([
      '0',
      '999',
      '1,000',
      '22,838',
      '1,234,567',
      '-1,500',
      '250',
    ]);
  });
});
