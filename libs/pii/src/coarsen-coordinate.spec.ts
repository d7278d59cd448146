import { coarsenCoordinate } from './coarsen-coordinate';

describe('coarsenCoordinate', () => {
  it.each([
    [40.31015, 0.01, 40.31],
    [40.3151, 0.01, 40.32],
    [-75.12974, 0.01, -75.13],
    [0.285, 0.01, 0.29],
    [-0.285, 0.01, -0.29],
    [0.004, 0.01, 0],
    [-0.004, 0.01, 0],
    [40.3101, 0.25, 40.25],
    [40.4, 0.25, 40.5],
    [40.3101, 0.05, 40.3],
    [40.3101, 0.1, 40.3],
    [-75.1297, 1, -75],
    [40.123456, 0.001, 40.123],
    [90, 0.01, 90],
  ])('coarsenCoordinate(%d, %d) = %d', (value, step, expected) => {
    expect(coarsenCoordinate(value, step)).toBe(expected);
  });

  it('uses a 0.01 degree grid by default', () => {
    expect(coarsenCoordinate(40.318765)).toBe(40.32);
  });

  it('is deterministic: the same point always lands on the same cell', () => {
    const results = new Set(Array.from({ length: 50 }, () => coarsenCoordinate(40.318765)));
    expect([...results]).toEqual([40.32]);
  });

  it('puts every point of a cell on the same value, with no floating-point noise', () => {
    for (let i = 0; i < 100; i++) {
      const value = 40.305 + i * 0.0000999;
      expect(coarsenCoordinate(value)).toBe(40.31);
    }
    expect(String(coarsenCoordinate(40.7))).toBe('40.7');
  });

  it('never returns negative zero', () => {
    expect(Object.is(coarsenCoordinate(-0.001), 0)).toBe(true);
  });

  it.each([0, -0.01, Number.NaN, Number.POSITIVE_INFINITY])('refuses the step %d', (step) => {
    expect(() => coarsenCoordinate(40, step)).toThrow(RangeError);
  });

  it.each([Number.NaN, Number.NEGATIVE_INFINITY])('refuses the coordinate %d', (value) => {
    expect(() => coarsenCoordinate(value)).toThrow(RangeError);
  });
});
