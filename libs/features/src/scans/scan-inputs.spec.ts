import { splitTextArray } from './scan-inputs';

describe('the text array a scan reads its cached cells as', () => {
  it('splits numbers, empty strings and NULLs in order', () => {
    expect(splitTextArray('{1200,-2.5,"",NULL,-666666666}')).toEqual([
      '1200',
      '-2.5',
      '',
      null,
      '-666666666',
    ]);
    expect(splitTextArray('{NULL}')).toEqual([null]);
    expect(splitTextArray('{}')).toEqual([]);
  });
});
