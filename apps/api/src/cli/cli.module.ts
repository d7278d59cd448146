import { DynamicModule, Module } from '@nestjs/common';
import { ALL_ENTITIES, TenantsModule } from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import { AppConfig, ConfigModule, DatabaseModule } from '@lbi/server';
import { CreateAdminCommand } from './create-admin.command';

/** The operator CLI: the database and the tenants feature, no HTTP, no queue. */
@Module({})
export class CliModule {
  static forRoot(options: { config: AppConfig; databaseUrl: string }): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(options.config),
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          entities: ALL_ENTITIES,
          migrations: MIGRATIONS,
          applicationName: 'lbi-cli',
          poolSize: 2,
        }),
        TenantsModule,
      ],
      providers: [CreateAdminCommand],
    };
  }
}
