import { assertNoPii } from './assert-no-pii';
import { PiiViolationError } from './pii-violation-error';

function thrown(fn: () => void): PiiViolationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PiiViolationError) return error;
    throw error;
  }
  throw new Error('expected a PiiViolationError');
}

describe('assertNoPii', () => {
  it('returns quietly for aggregate data', () => {
    expect(() =>
      assertNoPii({
        zip_code: '19002',
        households: 8123,
        owner_occupied: 6010,
        units_in_structure: { '1': 5400 },
      }),
    ).not.toThrow();
  });

  it('throws a PiiViolationError naming the field and kind', () => {
    const error = thrown(() => assertNoPii({ owner_name: 'John Smith' }));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PiiViolationError');
    expect(error.violations).toEqual([{ path: 'owner_name', kind: 'person-name key' }]);
    expect(error.message).toBe(
      'PII is not accepted: field "owner_name" looks like a person name (key). Remove it and try again.',
    );
  });

  it('passes the options through', () => {
    expect(() => assertNoPii({ email: 'jane@example.com' }, { allowKeys: ['email'] })).not.toThrow();
    expect(() => assertNoPii({ notes: '215-555-0142' }, { checkValues: false })).not.toThrow();
  });

  // The values below must never reach a message, a violation or a log line built from them.
  const SECRETS = [
    ['John Smith', { owner_name: 'John Smith' }],
    ['jane.doe@example.com', { notes: 'write to jane.doe@example.com' }],
    ['215-555-0142', { rows: [{ notes: 'cell 215-555-0142' }] }],
    ['123-45-6789', { metadata: { memo: 'ssn 123-45-6789' } }],
    ['45 Oak Avenue', { event_name: 'Yard sale at 45 Oak Avenue' }],
    ['jane.doe@example.com', { index: { 'jane.doe@example.com': 1 } }],
    ['Jane Doe', { contact: { fullName: 'Jane Doe', phone: '2155550142' } }],
  ] as const;

  it.each(SECRETS)('never puts %j in the error', (secret, payload) => {
    const error = thrown(() => assertNoPii(payload));
    expect(error.violations.length).toBeGreaterThan(0);
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error.violations)).not.toContain(secret);
    expect(String(error)).not.toContain(secret);
  });
});
