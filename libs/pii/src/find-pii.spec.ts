import { findPii } from './find-pii';

describe('findPii', () => {
  it('accepts a channel as the API receives it', () => {
    const channel = {
      geography_id: '2f1c7d0e-8a4b-4c1e-9f55-3b1a6e2d9c10',
      channel_type: 'hoa',
      name: 'Doylestown Lions Club',
      city: 'Doylestown',
      state: 'PA',
      zip_code: '18901',
      estimated_reach: 1200,
      website: 'https://doylestownlions.org',
      source_url: 'https://doylestownlions.org/events/2026/05/01/spring-fair',
      notes: 'Meets on the 2nd Tuesday; newsletter reaches about 1,200 households in 18901 and 18902.',
      metadata: { tags: ['civic', 'seniors'], stats: [{ metric: 'members', value: 85, moe: null }] },
    };
    expect(findPii(channel)).toEqual([]);
  });

  it('finds keys inside objects inside arrays inside objects, with their paths', () => {
    const payload = {
      metadata: {
        contact: { ownerName: 'withheld', role: 'chair' },
        sources: [{ dataset: 'acs5' }, { extra: { 'e-mail': 'withheld', Phone_2: 'withheld' } }],
      },
      rows: [{}, {}, {}, { notes: 'n/a', unit_number: 'n/a' }],
    };
    expect(findPii(payload)).toEqual([
      { path: 'metadata.contact.ownerName', kind: 'person-name key' },
      { path: 'metadata.sources[1].extra.e-mail', kind: 'email key' },
      { path: 'metadata.sources[1].extra.Phone_2', kind: 'phone-number key' },
      { path: 'rows[3].unit_number', kind: 'unit-number key' },
    ]);
  });

  it('finds PII in string values, nested arrays included', () => {
    const payload = {
      rows: [{ notes: 'fine' }, { notes: 'fine' }, { notes: 'fine' }, { notes: 'call 215-555-0142' }],
      metadata: { comments: [['ok', 'SSN 123-45-6789']], venue: '45 Oak Avenue Apt 4' },
    };
    expect(findPii(payload)).toEqual([
      { path: 'rows[3].notes', kind: 'phone-number value' },
      { path: 'metadata.comments[0][1]', kind: 'ssn value' },
      { path: 'metadata.venue', kind: 'street-address value' },
    ]);
  });

  it('checks a top-level array and a top-level string', () => {
    expect(findPii([{ first_name: 'x' }])).toEqual([{ path: '[0].first_name', kind: 'person-name key' }]);
    expect(findPii('jane@example.com')).toEqual([{ path: '', kind: 'email value' }]);
  });

  it('never scans numbers: aggregates can have ten digits', () => {
    expect(findPii({ aggregate_income: 2155550142, households: 12000 })).toEqual([]);
  });

  it('walks Maps and Sets, and skips Dates and byte arrays', () => {
    const payload = {
      byZip: new Map<string, unknown>([['19002', { owner_name: 'x' }]]),
      notes: new Set(['fine', 'jane@example.com']),
      when: new Date('2026-05-01T00:00:00Z'),
      bytes: new Uint8Array([50, 49, 53]),
    };
    expect(findPii(payload)).toEqual([
      { path: 'byZip.19002.owner_name', kind: 'person-name key' },
      { path: 'notes[1]', kind: 'email value' },
    ]);
  });

  it('checks class instances such as entities by their own fields', () => {
    class ChannelEntity {
      name = 'Rotary';
      contact_name = 'x';
    }
    expect(findPii(new ChannelEntity())).toEqual([{ path: 'contact_name', kind: 'person-name key' }]);
  });

  it('terminates on cycles and visits a shared object once', () => {
    const node: Record<string, unknown> = { owner_name: 'x' };
    node['self'] = node;
    expect(findPii({ a: node, b: node })).toEqual([{ path: 'a.owner_name', kind: 'person-name key' }]);
  });

  it('survives very deep input without a stack overflow', () => {
    let deep: Record<string, unknown> = { email: 'x' };
    for (let i = 0; i < 20_000; i++) deep = { child: deep };
    const violations = findPii(deep);
    expect(violations).toHaveLength(1);
    expect(violations[0].kind).toBe('email key');
  });

  it('redacts a key that is itself PII instead of echoing it in the path', () => {
    const violations = findPii({ visitsBy: { 'jane@example.com': { visits: 3 } } });
    expect(violations).toEqual([{ path: 'visitsBy.[redacted]', kind: 'email value' }]);
    expect(JSON.stringify(violations)).not.toContain('jane');
  });

  describe('allowKeys', () => {
    const account = { email: 'jane@example.com', password: 'hunter2', role: 'analyst' };

    it('refuses an email without the exemption', () => {
      expect(findPii(account)).toEqual([
        { path: 'email', kind: 'email key' },
        { path: 'email', kind: 'email value' },
      ]);
    });

    it('accepts the exempt path, key and value', () => {
      expect(findPii(account, { allowKeys: ['email'] })).toEqual([]);
    });

    it('is narrow: exact path, exact spelling, no other field', () => {
      const body = { Email: 'a@b.com', user: { email: 'c@d.com' }, email: 'e@f.com', notes: 'g@h.com' };
      expect(findPii(body, { allowKeys: ['email'] })).toEqual([
        { path: 'Email', kind: 'email key' },
        { path: 'Email', kind: 'email value' },
        { path: 'user.email', kind: 'email key' },
        { path: 'user.email', kind: 'email value' },
        { path: 'notes', kind: 'email value' },
      ]);
    });

    it('matches array items without indices in the path', () => {
      const body = { users: [{ email: 'a@b.com' }, { email: 'c@d.com', phone: 'x' }] };
      expect(findPii(body, { allowKeys: ['users.email'] })).toEqual([
        { path: 'users[1].phone', kind: 'phone-number key' },
      ]);
    });

    it('does not exempt what lies below an exempt object', () => {
      const body = { contact: { owner_name: 'x' } };
      expect(findPii(body, { allowKeys: ['contact'] })).toEqual([
        { path: 'contact.owner_name', kind: 'person-name key' },
      ]);
    });
  });

  describe('value scanning', () => {
    it('can be turned off; keys are still checked', () => {
      const body = { notes: 'call 215-555-0142', owner_name: 'x' };
      expect(findPii(body, { checkValues: false })).toEqual([
        { path: 'owner_name', kind: 'person-name key' },
      ]);
    });

    it('scans URLs and ids for emails only', () => {
      const body = {
        source_url: 'https://example.org/events/2155550142/123-main-st',
        website: 'https://example.org/?contact=jane@example.com',
        file_ref: 'uploads/2155550142.csv',
        external_id: '215-555-0142',
        client_id: 'jane@example.com',
      };
      expect(findPii(body)).toEqual([
        { path: 'website', kind: 'email value' },
        { path: 'client_id', kind: 'email value' },
      ]);
    });

    it('never reads secrets', () => {
      expect(findPii({ password: 'jane@example.com 215-555-0142', access_token: 'a@b.com' })).toEqual([]);
    });

    it('gives array items the scan of their array key', () => {
      const body = {
        source_urls: ['https://x.org/215-555-0142', 'mailto:jane@example.com'],
        notes: ['215-555-0142'],
      };
      expect(findPii(body)).toEqual([
        { path: 'source_urls[1]', kind: 'email value' },
        { path: 'notes[0]', kind: 'phone-number value' },
      ]);
    });

    it('lets valueFields override the default per key name', () => {
      const body = { legacy_code: '215-555-0142', external_id: '215-555-0142' };
      expect(findPii(body)).toEqual([{ path: 'legacy_code', kind: 'phone-number value' }]);
      expect(findPii(body, { valueFields: { legacy_code: 'none', external_id: 'all' } })).toEqual([
        { path: 'external_id', kind: 'phone-number value' },
      ]);
    });
  });
});
