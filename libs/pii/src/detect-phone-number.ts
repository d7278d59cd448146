// US (NANP) phone numbers in free text: (215) 555-0142, 215-555-0142, 215.555.0142, 215/555/0142,
// 215_555_0142, +1 215 555 0142, 2155550142. Area code and exchange start with 2-9 and are not N11
// service codes, which also keeps counts and ids that start with 0 or 1 out. Groups must be 3-3-4, so ZIP codes, ZIP+4 (5-4), years and
// ISO dates (4-2-2) never match; a longer run of digits or a decimal around the number rejects it.

const SEP = String.raw`(?:\s*[./_-]\s*|\s)?`;
const CODE = String.raw`(?![2-9]11)[2-9]\d{2}`;
const AREA = String.raw`(?:\(\s*${CODE}\s*\)|${CODE})`;

const PHONE = new RegExp(
  String.raw`(?<![\w+]|\d[.-])(?:\+?1${SEP})?${AREA}${SEP}${CODE}${SEP}\d{4}(?!\w|[.-]\d)`,
);

export function containsPhoneNumber(text: string): boolean {
  return PHONE.test(text);
}
