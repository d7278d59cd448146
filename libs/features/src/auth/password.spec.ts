import * as argon2 from 'argon2';
import { hashPassword, PASSWORD_HASH_OPTIONS, verifyAgainstDummy, verifyPassword } from './password';

describe('password hashing', () => {
  it('uses argon2id at the OWASP parameters (m=19456 KiB, t=2, p=1)', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(PASSWORD_HASH_OPTIONS).toMatchObject({ type: argon2.argon2id, memoryCost: 19456, timeCost: 2 });
    expect(await argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS)).toBe(false);
  });

  it('salts every hash and verifies only the right password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(first, 'Correct horse battery staple')).toBe(false);
  });

  it('answers false for a malformed hash instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever-password')).toBe(false);
  });

  it('has a dummy verification for unknown accounts that resolves quietly', async () => {
    await expect(verifyAgainstDummy('any-password-at-all')).resolves.toBeUndefined();
  });
});
