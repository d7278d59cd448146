// US Social Security numbers written with dashes, spaces, dots, slashes or underscores (123-45-6789,
// 123 45 6789, 123.45.6789), with the validity
// rules Presidio applies: no 000, 666 or 9xx area, no 00 group, no 0000 serial. Bare nine-digit runs are
// not matched: they are as likely a ZIP+4 without its dash.

const SSN = /(?<![\w-])(?!000|666|9\d\d)\d{3}([- ./_])(?!00)\d{2}\1(?!0000)\d{4}(?![\w-])/;

export function containsSsn(text: string): boolean {
  return SSN.test(text);
}
