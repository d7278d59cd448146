import { describePiiViolation, formatPiiViolations } from './pii-violation';

describe('formatPiiViolations', () => {
  it('words a key violation and a value violation', () => {
    expect(describePiiViolation({ path: 'owner_name', kind: 'person-name key' })).toBe(
      'field "owner_name" looks like a person name (key)',
    );
    expect(describePiiViolation({ path: 'rows[3].notes', kind: 'phone-number value' })).toBe(
      'field "rows[3].notes" contains a phone number (value)',
    );
    expect(describePiiViolation({ path: '', kind: 'email value' })).toBe(
      'the value contains an email address (value)',
    );
  });

  it('lists several violations and asks to remove them', () => {
    expect(
      formatPiiViolations([
        { path: 'email', kind: 'email key' },
        { path: 'notes', kind: 'ssn value' },
      ]),
    ).toBe(
      'PII is not accepted: field "email" looks like an email address (key); ' +
        'field "notes" contains a Social Security number (value). Remove them and try again.',
    );
  });

  it('lists five and counts the rest', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      path: `rows[${i}].phone`,
      kind: 'phone-number key' as const,
    }));
    const message = formatPiiViolations(many);
    expect(message).toContain('rows[4].phone');
    expect(message).not.toContain('rows[5].phone');
    expect(message).toContain('; and 3 more. Remove them and try again.');
  });
});
