import {
  ACS_Z_90,
  coefficientOfVariation,
  compareEstimates,
  isReliable,
  moeOfProportion,
  moeOfRatio,
  moeOfSum,
  standardError,
} from './moe';

// Figures are real ACS 2019-2023 5-year values from data/census/acs5_2023_zcta_philadelphia_suburbs.csv
// (B25003: occupied, owner and renter units with their 90% MOEs). Expected results were worked by hand
// from the ACS General Handbook ch. 8 formulas; the arithmetic is written out beside each.

describe('moeOfSum', () => {
  it('is the root of the summed squares: occupied units of 19002 (11,907 ±463) + 19034 (2,484 ±277)', () => {
    // 463² + 277² = 214,369 + 76,729 = 291,098; √291,098 = 539.53
    expect(moeOfSum([463, 277])).toBeCloseTo(539.53, 2);
  });

  it('counts the largest zero-estimate MOE once: renters of 18921 (0 ±11), 18950 (0 ±11), 18920 (55 ±66)', () => {
    // 66² + 11² = 4,356 + 121 = 4,477; √4,477 = 66.91 (summing both ±11 would give √4,598 = 67.81)
    expect(moeOfSum([11, 11, 66], [0, 0, 55])).toBeCloseTo(66.91, 2);
    expect(moeOfSum([11, 11, 66])).toBeCloseTo(67.81, 2);
  });

  it('keeps one zero-estimate MOE when every estimate is zero, and 0 for an empty list', () => {
    expect(moeOfSum([11, 11], [0, 0])).toBe(11);
    expect(moeOfSum([])).toBe(0);
  });

  it('refuses negative MOEs, annotation codes and mismatched lengths', () => {
    expect(() => moeOfSum([-555555555])).toThrow(RangeError);
    expect(() => moeOfSum([10, Number.NaN])).toThrow(RangeError);
    expect(() => moeOfSum([10, 20], [1])).toThrow(/2 MOEs but 1 estimates/);
  });
});

describe('moeOfProportion', () => {
  it('owner share of occupied units in 19002: 9,485 ±472 of 11,907 ±463', () => {
    // p = 9,485 / 11,907 = 0.79659; p²·463² = 0.63456 × 214,369 = 136,030
    // 472² − 136,030 = 222,784 − 136,030 = 86,754; √86,754 / 11,907 = 294.54 / 11,907 = 0.02474
    expect(moeOfProportion(9485, 472, 11907, 463)).toBeCloseTo(0.02474, 5);
  });

  it('falls back to + when the radicand is negative: 19001 owners 5,256 ±330 of 6,384 ±489', () => {
    // p = 0.82331; p²·489² = 0.67784 × 239,121 = 162,085 > 330² = 108,900, so use +:
    // √(108,900 + 162,085) / 6,384 = 520.56 / 6,384 = 0.08154
    expect(moeOfProportion(5256, 330, 6384, 489)).toBeCloseTo(0.08154, 5);
    expect(moeOfProportion(5256, 330, 6384, 489)).toBeCloseTo(moeOfRatio(5256, 330, 6384, 489) as number, 12);
  });

  it('does not claim an exact 100%: 19373 owners 747 ±136 of 747 ±136 takes the ratio formula', () => {
    // 136² − 1 · 136² = 0 would give ±0; √(136² + 136²) / 747 = 192.33 / 747 = 0.25747
    expect(moeOfProportion(747, 136, 747, 136)).toBeCloseTo(0.25747, 5);
    expect(moeOfProportion(0, 0, 747, 0)).toBe(0);
  });

  it('is null for an empty universe', () => {
    expect(moeOfProportion(0, 11, 0, 11)).toBeNull();
  });
});

describe('moeOfRatio', () => {
  it('renters per owner in 19002: 2,422 ±228 over 9,485 ±472', () => {
    // r = 0.25535; r²·472² = 0.065204 × 222,784 = 14,526; √(51,984 + 14,526) / 9,485 = 257.90 / 9,485 = 0.02719
    expect(moeOfRatio(2422, 228, 9485, 472)).toBeCloseTo(0.02719, 5);
  });

  it('is null when the denominator is 0', () => {
    expect(moeOfRatio(5, 1, 0, 1)).toBeNull();
  });
});

describe('standard error, CV and reliability', () => {
  it('SE = MOE / 1.645', () => {
    expect(ACS_Z_90).toBe(1.645);
    expect(standardError(1645)).toBeCloseTo(1000, 10);
    expect(standardError(472)).toBeCloseTo(286.93, 2);
  });

  it('owner-occupied units of 19002 (9,485 ±472) are reliable: CV = 286.93 / 9,485 = 3.0%', () => {
    const cv = coefficientOfVariation(9485, 472);
    expect(cv).toBeCloseTo(0.03025, 5);
    expect(isReliable(cv)).toBe(true);
  });

  it('renter-occupied units of 18920 (55 ±66) are not: CV = 40.12 / 55 = 73%', () => {
    const cv = coefficientOfVariation(55, 66);
    expect(cv).toBeCloseTo(0.7295, 4);
    expect(isReliable(cv)).toBe(false);
    expect(isReliable(cv, 0.8)).toBe(true);
  });

  it('has no CV for a zero or missing estimate, and that is not reliable', () => {
    expect(coefficientOfVariation(0, 11)).toBeNull();
    expect(coefficientOfVariation(null, 11)).toBeNull();
    expect(coefficientOfVariation(100, null)).toBeNull();
    expect(isReliable(null)).toBe(false);
  });

  it('treats the threshold as inclusive', () => {
    expect(isReliable(0.3)).toBe(true);
    expect(isReliable(0.3000001)).toBe(false);
  });
});

describe('compareEstimates (Census significance test at 90%)', () => {
  // Owner share of 19401 Norristown (7,419 ±646 of 16,793 ±771) against the pooled share of 19401 and
  // 19403 (21,344 ±965.1 of 35,766 ±1,038.0), of which 19401 holds f = 16,793 / 35,766 = 0.4695.
  const zip = { value: 7419 / 16793, moe: 0.032686 };
  const whole = { value: 21344 / 35766, moe: 0.020692 };

  it('divides the difference by √(SE₁² + SE₂²) and calls it significant above 1.645', () => {
    // SE = 0.032686 / 1.645 = 0.019870 and 0.012579; Δ = 0.44179 − 0.59677 = −0.15498; z = 6.59
    const c = compareEstimates(zip, whole);
    expect(c.difference).toBeCloseTo(-0.15498, 4);
    expect(c.z).toBeCloseTo(6.59, 2);
    expect(c.significant).toBe(true);
  });

  it('takes the covariance out when the ZIP is part of the geography: √((1 − 2f)·SE₁² + SE₂²)', () => {
    // (1 − 0.939) · 0.019870² + 0.012579² = 0.0000241 + 0.0001582; √ = 0.013502; z = 0.15498 / 0.013502 = 11.48
    const c = compareEstimates(zip, whole, { overlapShare: 16793 / 35766 });
    expect(c.se_difference).toBeCloseTo(0.0135, 4);
    expect(c.z).toBeCloseTo(11.48, 2);
  });

  it('says "not significant" inside the margins and "not testable" without an MOE', () => {
    // 18927 renters 109 ±168 against 27% ±0.3 pts: a huge MOE, nothing can be said.
    expect(compareEstimates({ value: 0.74, moe: 0.9 }, { value: 0.27, moe: 0.003 }).significant).toBe(false);
    expect(compareEstimates({ value: 0.74, moe: null }, { value: 0.27, moe: 0.003 })).toMatchObject({
      significant: null,
      z: null,
    });
    expect(compareEstimates({ value: 5, moe: 0 }, { value: 4, moe: 0 }).significant).toBe(true);
  });
});
