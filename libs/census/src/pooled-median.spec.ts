import { pooledMedian, standardErrorOfFiftyPercent } from './pooled-median';

// Synthetic bracket counts (no real figures involved): the arithmetic of the ACS accuracy document's
// method, worked by hand beside each expectation.
const brackets = (counts: number[]) =>
  counts.map((count, i) => ({ lower: i * 10, upper: i === counts.length - 1 ? null : (i + 1) * 10, count }));

describe('pooledMedian', () => {
  it('interpolates the 50% point within its bracket', () => {
    // 1,000 cases; cumulative 10%, 30%, 60%, 100%: the median is in [20, 30): 20 + (50 − 30) / 30 · 10 = 26.67
    const m = pooledMedian(brackets([100, 200, 300, 400, 0]));
    expect(m.value).toBeCloseTo(26.667, 3);
    expect(m.base).toBe(1000);
    expect(m.censored).toBeNull();
  });

  it('gives the SE of the 50% point and turns the ±1.645 SE band back into the bracket scale', () => {
    // SE(50%) = 1.5 · √(95 / (5 · 1,000) · 50²) = 10.338 pts; band 50 ∓ 17.006 = 32.994 .. 67.006 %
    // lower 20 + (32.994 − 30) / 30 · 10 = 20.998; upper 30 + (67.006 − 60) / 40 · 10 = 31.752
    // MOE = (31.752 − 20.998) / 2 = 5.377
    expect(standardErrorOfFiftyPercent(1000)).toBeCloseTo(10.338, 3);
    const m = pooledMedian(brackets([100, 200, 300, 400, 0]));
    expect(m.lower_bound).toBeCloseTo(20.998, 3);
    expect(m.upper_bound).toBeCloseTo(31.752, 3);
    expect(m.moe).toBeCloseTo(5.377, 3);
    // A design factor of 1 narrows it: SE(50%) = 6.892 pts.
    expect(pooledMedian(brackets([100, 200, 300, 400, 0]), { designFactor: 1 }).moe).toBeLessThan(m.moe!);
  });

  it('marks a median in the open top bracket as censored at its lower bound, with no MOE', () => {
    const m = pooledMedian(brackets([10, 10, 10, 100]));
    expect(m).toMatchObject({ value: 30, censored: 'top', moe: null });
  });

  it('marks a median in an open bottom bracket as censored at its upper bound', () => {
    const m = pooledMedian([
      { lower: null, upper: 1940, count: 600 },
      { lower: 1940, upper: 1950, count: 400 },
    ]);
    expect(m).toMatchObject({ value: 1940, censored: 'bottom', moe: null });
  });

  it('has no median for an empty base and refuses negative counts', () => {
    expect(pooledMedian(brackets([0, 0])).value).toBeNull();
    expect(() => pooledMedian(brackets([1, -1]))).toThrow(/>= 0/);
  });
});
