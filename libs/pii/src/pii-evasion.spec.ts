import { detectPiiValueKinds } from './detect-pii-value';
import { findPii } from './find-pii';
import { isPiiKey } from './is-pii-key';
import { normaliseText } from './normalise-text';

// The spellings a review used to step around the value detectors: each was stored before.
describe('value detectors after normalisation and context words', () => {
  it.each([
    ['jane＠example.com', 'email'],
    ['jane﹫example.com', 'email'],
    ['ｊａｎｅ@ｅｘａｍｐｌｅ.ｃｏｍ', 'email'],
    ['jane\u200b@\u200bexample.com', 'email'],
    ['jane at example dot com', 'email'],
    ['write to Jane Quimby at quimby dot org', 'email'],
    ['215–555–0142', 'phone-number'],
    ['215—555—0142', 'phone-number'],
    ['215−555−0142', 'phone-number'],
    ['２１５-５５５-０１４２', 'phone-number'],
    ['215/555/0142', 'phone-number'],
    ['215_555_0142', 'phone-number'],
    ['2\u200b1\u200b5 555 0142', 'phone-number'],
    ['cell 555 0142', 'phone-number'],
    ['phone #2155550142', 'phone-number'],
    ['SSN 123.45.6789', 'ssn'],
    ['123/45/6789', 'ssn'],
    ['123_45_6789', 'ssn'],
    ['123–45–6789', 'ssn'],
    ['ssn: 078051120', 'ssn'],
    ['Social Security no. 078 05 1120', 'ssn'],
    ['SSN#078051120', 'ssn'],
  ])('finds %j (%s)', (text, kind) => {
    expect(detectPiiValueKinds(text)).toContain(kind);
  });

  it.each([
    '19002-4501',
    '190024501',
    'ZIP+4 190024501',
    'Call for vendors: 2026 spring fair',
    'Text us about the 5K on 05/01/2026',
    'Phone bank volunteers: 120 households reached',
    'Meet at the Ambler library dot matrix printer demo',
    'Version 2.10.3 of the newsletter',
    '12/05/2026',
    'ss 2026 season',
    'Median year built 1978; 2,163 housing units, 73% owner-occupied',
    'Ｓｐｒｉｎｇ Ｈｏｍｅ Ｓｈｏｗ ２０２６',
  ])('does not flag %j', (text) => {
    expect(detectPiiValueKinds(text)).toEqual([]);
  });

  it('normalises full-width forms, format characters, dashes and odd spaces', () => {
    expect(normaliseText('ｊａｎｅ\u00ad＠ex\u200dample.com')).toBe('jane@example.com');
    expect(normaliseText('215\u2013555\u2014 0142\u00a0x')).toBe('215-555- 0142 x');
    expect(normaliseText('plain ascii stays as it is')).toBe('plain ascii stays as it is');
  });

  it('refuses PII keys spelled with full-width letters or zero-width characters', () => {
    expect(isPiiKey('ｅｍａｉｌ')?.kind).toBe('email');
    expect(isPiiKey('e\u200bmail')?.kind).toBe('email');
    expect(findPii({ ｐｈｏｎｅ: 'x' })).toEqual([{ path: 'ｐｈｏｎｅ', kind: 'phone-number key' }]);
  });
});
