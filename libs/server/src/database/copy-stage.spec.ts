import { copyLine, copyValue } from './copy-stage';

describe('COPY text format', () => {
  it('writes NULL as \\N and escapes backslashes and control characters, so no value can read as NULL', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(undefined)).toBe('\\N');
    expect(copyValue('\\N')).toBe('\\\\N');
    expect(copyValue('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyValue('{"note":"say \\"hi\\""}')).toBe('{"note":"say \\\\"hi\\\\""}');
  });

  it('writes numbers and booleans as PostgreSQL reads them', () => {
    expect(copyValue(-12.5)).toBe('-12.5');
    expect(copyValue(0)).toBe('0');
    expect(copyValue(true)).toBe('true');
  });

  it('joins a row with tabs and ends it with a newline', () => {
    expect(copyLine(['19002', null, 3, 'x\ty'])).toBe('19002\t\\N\t3\tx\\ty\n');
  });
});
