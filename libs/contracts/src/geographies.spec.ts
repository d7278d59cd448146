import { CHANNEL_TYPES, isChannelType } from './geographies';

describe('channel types', () => {
  it('are distinct lowercase slugs of institutions, with `other` as the catch-all', () => {
    for (const type of CHANNEL_TYPES) expect(type).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(new Set(CHANNEL_TYPES).size).toBe(CHANNEL_TYPES.length);
    expect(CHANNEL_TYPES).toContain('other');
    expect(CHANNEL_TYPES).toEqual(expect.arrayContaining(['hoa', 'school_district', 'chamber_of_commerce']));
  });

  it('recognises only listed values, exactly spelt', () => {
    expect(isChannelType('hoa')).toBe(true);
    expect(isChannelType('HOA')).toBe(false);
    expect(isChannelType('person')).toBe(false);
    expect(isChannelType(7)).toBe(false);
  });
});
