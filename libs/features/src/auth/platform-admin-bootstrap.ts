import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@lbi/server';
import { UsersService } from '../tenants/users.service';

/** BOOTSTRAP_ADMIN_EMAIL / _PASSWORD: creates the platform admin at start when none exists. */
@Injectable()
export class PlatformAdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlatformAdminBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = this.config;
    if (!email || !password) return;
    const created = await this.users.ensurePlatformAdmin(email, password);
    if (created) {
      this.logger.log({ msg: 'created the platform admin from BOOTSTRAP_ADMIN_EMAIL', user_id: created.id });
    }
  }
}
