// Text the PDF standard-14 fonts can draw (WinAnsi: Latin-1 plus typographic quotes and dashes).

/** The extra characters WinAnsi (CP1252) has beyond Latin-1. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
};

/**
 * Text the standard fonts can draw: characters outside WinAnsi would print as nothing (pdfkit's
 * `.notdef`), so common ones get an ASCII stand-in and the rest a "?", which at least shows a gap.
 */
export function pdfText(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (
      char === '\n' ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      WIN_ANSI_EXTRA.has(char)
    ) {
      out += char;
    } else if (char === '\t' || char === '\r') {
      out += ' ';
    } else {
      out += REPLACEMENTS[char] ?? '?';
    }
  }
  return out;
}
