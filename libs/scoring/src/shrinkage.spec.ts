import { heterogeneity, percentileStandardErrors, shrinkAdvantages, signalVariance } from './shrinkage';
import { assignTiers, scoresDiffer } from './significance';

// Figures are synthetic and small so the arithmetic can be checked by hand.
describe('shrinkAdvantages', () => {
  const items = [
    { value: 0.1, se: 0.01, censored: false },
    { value: 0.3, se: 0.01, censored: false },
    { value: 0.5, se: 0.2, censored: false },
    { value: 0.05, se: 0.2, censored: false },
  ];

  it('estimates τ² by Paule-Mandel: the τ² at which Q equals n − 1', () => {
    const tau2 = signalVariance(items)!;
    expect(tau2).toBeGreaterThan(0);
    const known = items.map((i) => ({ value: i.value, se: i.se }));
    expect(heterogeneity(known, tau2)).toBeCloseTo(items.length - 1, 6);
    expect(signalVariance(items.slice(0, 1))).toBeNull();
    // Figures no more spread than their noise: no true spread, everything shrinks fully.
    expect(
      signalVariance([
        { value: 0.5, se: 0.2, censored: false },
        { value: 0.52, se: 0.2, censored: false },
      ]),
    ).toBe(0);
  });

  it('is not swamped by one tiny ZCTA with a huge margin (the method of moments would be)', () => {
    const spread = [0.6, 0.7, 0.8, 0.9].map((value) => ({ value, se: 0.01, censored: false }));
    const withNoisy = [...spread, { value: 1, se: 0.7, censored: false }];
    // Variance of the five figures 0.025; mean SE² 0.098: the method of moments gives τ² = 0.
    expect(signalVariance(withNoisy)!).toBeGreaterThan(0.01);
  });

  it('pulls a noisy advantage toward the geography by τ² / (τ² + SE²) and leaves disadvantages alone', () => {
    const tau2 = signalVariance(items)!;
    const [low, precise, noisyHigh, noisyLow] = shrinkAdvantages(items, 0.25, 'high');
    expect(low).toEqual({ adjusted: 0.1, k: null, se: 0.01 });
    const kPrecise = tau2 / (tau2 + 0.0001);
    expect(precise.adjusted).toBeCloseTo(0.25 + kPrecise * 0.05, 10);
    const kNoisy = tau2 / (tau2 + 0.04);
    expect(noisyHigh.adjusted).toBeCloseTo(0.25 + kNoisy * 0.25, 10);
    expect(noisyHigh.adjusted).toBeLessThan(0.5);
    // A noisy weak figure is not lifted toward the geography: noise never helps.
    expect(noisyLow.adjusted).toBe(0.05);
  });

  it('reads "lower is better" the other way round and never shrinks a censored figure', () => {
    const years = [
      { value: 1940, se: 9, censored: false },
      { value: 1990, se: 1, censored: false },
      { value: 1938, se: null, censored: true },
    ];
    const [old, newer, coded] = shrinkAdvantages(years, 1971, 'low');
    expect(old.adjusted).toBeGreaterThan(1940);
    expect(newer.adjusted).toBe(1990);
    expect(coded.adjusted).toBe(1938);
  });
});

describe('percentileStandardErrors', () => {
  it('is half the share of the other figures within one SE', () => {
    // Around 10 ± 2.5: 8 and 12 are within, 20 is not → 2 / (2 · 3) = 0.3333
    expect(percentileStandardErrors([8, 10, 12, 20], [null, 2.5, 0, 1])).toEqual([0, 2 / 6, 0, 0]);
  });
});

describe('tiers', () => {
  it('groups contiguous ranks whose scores are not significantly different from any member', () => {
    const list = [
      { score: 90, score_moe: 1, tier: 0 },
      { score: 89.5, score_moe: 1, tier: 0 },
      { score: 85, score_moe: 1, tier: 0 },
      { score: 84.8, score_moe: 0, tier: 0 },
    ];
    // 90 vs 89.5: |Δ| 0.5 ≤ 1.645 · √(2 · (1 / 1.645)²) = 1.414 → same tier; 89.5 vs 85 differ.
    expect(scoresDiffer(list[0], list[1])).toBe(false);
    assignTiers(list);
    expect(list.map((x) => x.tier)).toEqual([1, 1, 2, 2]);
  });

  it('puts exactly known scores in one tier only when equal', () => {
    const list = [
      { score: 50, score_moe: 0, tier: 0 },
      { score: 50, score_moe: 0, tier: 0 },
      { score: 49.9, score_moe: 0, tier: 0 },
    ];
    assignTiers(list);
    expect(list.map((x) => x.tier)).toEqual([1, 1, 2]);
  });
});
