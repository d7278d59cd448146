import { tokenLifetimeSeconds } from './token-lifetime';

describe('tokenLifetimeSeconds', () => {
  it.each([
    ['3600', 3600],
    ['45s', 45],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604800],
  ])('reads %s as %i seconds', (value, seconds) => {
    expect(tokenLifetimeSeconds(value)).toBe(seconds);
  });

  it('refuses anything else', () => {
    expect(() => tokenLifetimeSeconds('soon')).toThrow(/JWT_EXPIRES_IN/);
  });
});
