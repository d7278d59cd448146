// Email addresses in free text. The lookbehinds make a match start only at the start of a run of
// address characters, which keeps the scan linear on long strings.

const EMAIL =
  /(?<![A-Za-z0-9_%+-])[A-Za-z0-9_%+-][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9-])/;

// People dodge scrapers with `jane [at] example [dot] com`; the guard should not be dodged the same way.
const OBFUSCATED_EMAIL =
  /(?<![\w.+-])[\w.+-]{1,64}\s*[[(]\s*at\s*[\])]\s*[A-Za-z0-9-]{1,63}(?:\s*(?:[[(]\s*dot\s*[\])]|\.)\s*[A-Za-z0-9-]{1,63})+/i;

// …and with bare words: `jane at example dot com`. The last part must be a common top-level domain,
// so ordinary sentences ("meet at the hall dot …") are left alone.
const SPELLED_OUT_EMAIL =
  /(?<![\w.+-])[\w.+-]{1,64}\s+at\s+[A-Za-z0-9-]{1,63}(?:\s+dot\s+[A-Za-z0-9-]{1,63})*\s+dot\s+(?:com|org|net|edu|gov|mil|us|io|co|info|biz|me|uk|ca|app|dev)(?![\w-])/i;

export function containsEmail(text: string): boolean {
  return EMAIL.test(text) || OBFUSCATED_EMAIL.test(text) || SPELLED_OUT_EMAIL.test(text);
}
