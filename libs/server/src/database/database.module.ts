import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TenantDb } from '../tenancy/tenant-db';
import { DataSourceInputs, buildDataSourceOptions } from './data-source-options';

/** TypeORM over PostgreSQL (external or the embedded PGlite socket): the same path either way. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(inputs: DataSourceInputs): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(inputs), retryAttempts: 3, retryDelay: 1000 }),
      ],
      providers: [TenantDb],
      exports: [TenantDb],
    };
  }
}
