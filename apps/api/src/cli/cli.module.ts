import { DynamicModule, Module } from '@nestjs/common';
import {
  ALL_ENTITIES,
  CensusModule,
  ImportsModule,
  IngestionModule,
  ReportsModule,
  ScansModule,
  TenantsModule,
} from '@lbi/features';
import { MIGRATIONS } from '@lbi/migrations';
import { AppConfig, ConfigModule, DatabaseModule, QueueModule } from '@lbi/server';
import { CreateAdminCommand } from './create-admin.command';
import { ReportCommand } from './report.command';

/** The operator CLI: the database and the feature modules, no HTTP; jobs it needs run in-process. */
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
        // The report command runs the report job itself; the registry needs every handler present,
        // and the CLI owns no repeating job.
        QueueModule.forRoot({ role: 'api', runSchedules: false }),
        IngestionModule,
        ImportsModule,
        CensusModule,
        ReportsModule,
        ScansModule,
      ],
      providers: [CreateAdminCommand, ReportCommand],
    };
  }
}
