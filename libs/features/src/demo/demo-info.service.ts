import { Injectable } from '@nestjs/common';
import type { DemoInfoResponse } from '@lbi/contracts';
import { AppConfig } from '@lbi/server';
import { loadDemoDefinition } from './demo-seeder';

/**
 * What the sign-in page shows in demo mode: the seeded demo logins (invented accounts of the demo
 * tenant, printed by `npm run demo` too). Outside demo mode there is nothing to show: null (the
 * controller answers 204, which a browser does not log as a failed request).
 */
@Injectable()
export class DemoInfoService {
  constructor(private readonly config: AppConfig) {}

  info(): DemoInfoResponse | null {
    if (!this.config.demo) return null;
    const definition = loadDemoDefinition();
    return {
      client_name: definition.client_name,
      geography_name: definition.geography.name,
      accounts: definition.accounts.map(({ role, email, password }) => ({ role, email, password })),
    };
  }
}
