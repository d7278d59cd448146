import { ANNOTATION_REASONS, annotationFor, parseCensusValue } from './annotations';

describe('Census annotation values', () => {
  it.each([
    ['-666666666', /too few sample observations/],
    ['-999999999', /too few sample cases/],
    ['-888888888', /not applicable/],
    ['-222222222', /not computable/],
    ['-333333333', /open-ended interval/],
    ['-555555555', /margin of error is 0/],
  ])('%s has a reason and is never a number', (code, reason) => {
    expect(ANNOTATION_REASONS[code as keyof typeof ANNOTATION_REASONS]).toMatch(reason);
    const parsed = parseCensusValue(code, 'estimate');
    expect(parsed.value).toBeNull();
    expect(parsed.annotation).toEqual({ code, reason: expect.stringMatching(reason) });
  });

  it('reads -555555555 on an MOE as an exact estimate (MOE 0)', () => {
    expect(parseCensusValue('-555555555', 'moe')).toEqual({
      value: 0,
      annotation: { code: '-555555555', reason: expect.stringMatching(/exact/) },
    });
    expect(parseCensusValue('-222222222', 'moe').value).toBeNull();
  });

  it('reads plain figures, including decimals and zero', () => {
    expect(parseCensusValue('31681', 'estimate')).toEqual({ value: 31681 });
    expect(parseCensusValue('2.66', 'estimate')).toEqual({ value: 2.66 });
    expect(parseCensusValue('0', 'moe')).toEqual({ value: 0 });
  });

  it('treats null and empty as no value, and other text as an error', () => {
    expect(parseCensusValue(null, 'estimate')).toEqual({ value: null });
    expect(parseCensusValue('', 'estimate')).toEqual({ value: null });
    expect(() => parseCensusValue('N/A', 'estimate')).toThrow(/not a number: 'N\/A'/);
  });

  it('never turns an unknown sentinel of the same shape into a number', () => {
    expect(annotationFor('-111111111')).toEqual({
      code: '-111111111',
      reason: expect.stringMatching(/unrecognised/),
    });
    expect(annotationFor('-666666666.0')?.code).toBe('-666666666');
    expect(annotationFor('-12')).toBeUndefined();
  });
});
