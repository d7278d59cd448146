// Numbers that are PII because of the words next to them, the way Presidio's context words raise a
// match: `ssn: 078051120`, `Social Security 078 05 1120`, `cell 555 0142`, `phone #2155550142`. A
// bare nine-digit run is as likely a ZIP+4 and a seven-digit run a count, so without such a label the
// SSN and phone detectors leave them alone.

const SSN_LABEL = String.raw`ssn|ss#|ss\s*no|soc(?:ial)?\s*sec(?:urity)?(?:\s*(?:number|no|#))?`;
const PHONE_LABEL = String.raw`phone|ph|tel|telephone|cell|cellphone|cell\s*phone|mobile|mob|fax|call|text|sms|whatsapp|contact`;

// The label, then up to a few glue characters or words (`:`, `#`, `no.`, `number`, `is`), then the digits.
const LABELLED = new RegExp(
  String.raw`(?<![a-z])(${SSN_LABEL}|${PHONE_LABEL})(?![a-z])[\s:#=.,-]*(?:(?:no|num|number|is|at)\b[\s:#=.,-]*){0,2}(\+?\(?\d[\d\s().\/_-]{5,22}\d)(?![\d])`,
  'gi',
);

const SSN_LABEL_ONLY = new RegExp(String.raw`^(?:${SSN_LABEL})$`, 'i');

function validSsn(digits: string): boolean {
  return (
    digits.length === 9 &&
    !/^(000|666|9)/.test(digits) &&
    digits.slice(3, 5) !== '00' &&
    digits.slice(5) !== '0000'
  );
}

function validPhone(digits: string): boolean {
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (national.length === 7) return /^[2-9]/.test(national);
  return national.length === 10 && /^[2-9]\d\d[2-9]/.test(national);
}

/** The kind of a labelled number in the text: `ssn`, `phone-number`, or null. */
export function labelledNumberKinds(text: string): ('ssn' | 'phone-number')[] {
  const kinds = new Set<'ssn' | 'phone-number'>();
  for (const match of text.matchAll(LABELLED)) {
    const digits = match[2].replace(/\D/g, '');
    if (SSN_LABEL_ONLY.test(match[1].trim())) {
      if (validSsn(digits)) kinds.add('ssn');
    } else if (validPhone(digits)) {
      kinds.add('phone-number');
    }
  }
  return [...kinds];
}
