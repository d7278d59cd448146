// One form of a text for the value detectors, so look-alike characters cannot step around them:
// NFKC folds full-width and compatibility forms (`jane＠example.com`, `２１５`, `ﬁ`) to ASCII, format
// characters (zero-width spaces and joiners, soft hyphens, BOMs, bidi marks) are removed, every dash
// and minus sign becomes `-`, and every space-like character a plain space.

/** Unicode format characters (category Cf) and invisible fillers that render as nothing. */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0]/gu;

/** Hyphens, dashes and minus signs (NFKC leaves most of them alone). */
const DASHES = /[\u2010-\u2015\u2043\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]/g;

/** Space-like characters NFKC does not fold. */
const SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;

/** Plain printable ASCII (with tabs and line breaks) needs no work: the common case stays cheap. */
const PLAIN = /^[\t\n\r\x20-\x7e]*$/;

export function normaliseText(text: string): string {
  if (PLAIN.test(text)) return text;
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(SPACES, ' ');
}
