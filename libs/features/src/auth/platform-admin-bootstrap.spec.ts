import { loadConfig } from '@lbi/server';
import { UsersService } from '../tenants/users.service';
import { PlatformAdminBootstrap } from './platform-admin-bootstrap';

const SECRET = 'a-secret-that-is-long-enough-0123456789';

function bootstrapWith(env: Record<string, string>) {
  const users = { ensurePlatformAdmin: jest.fn().mockResolvedValue({ id: 'new-admin-id' }) };
  const bootstrap = new PlatformAdminBootstrap(
    loadConfig({ JWT_SECRET: SECRET, ...env }),
    users as unknown as UsersService,
  );
  return { bootstrap, users };
}

describe('PlatformAdminBootstrap', () => {
  it('does nothing without BOOTSTRAP_ADMIN_EMAIL / _PASSWORD', async () => {
    const { bootstrap, users } = bootstrapWith({});
    await bootstrap.onApplicationBootstrap();
    expect(users.ensurePlatformAdmin).not.toHaveBeenCalled();
  });

  it('asks for a platform admin when both are set', async () => {
    const { bootstrap, users } = bootstrapWith({
      BOOTSTRAP_ADMIN_EMAIL: 'owner@agency.example',
      BOOTSTRAP_ADMIN_PASSWORD: 'a-long-bootstrap-password',
    });
    await bootstrap.onApplicationBootstrap();
    expect(users.ensurePlatformAdmin).toHaveBeenCalledWith(
      'owner@agency.example',
      'a-long-bootstrap-password',
    );
  });

  it('refuses a short bootstrap password at config time', () => {
    expect(() =>
      loadConfig({
        JWT_SECRET: SECRET,
        BOOTSTRAP_ADMIN_EMAIL: 'a@b.example',
        BOOTSTRAP_ADMIN_PASSWORD: 'short',
      }),
    ).toThrow(/BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters/);
  });
});
