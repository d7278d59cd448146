import { Module } from '@nestjs/common';
import { FreshnessService } from '../ingestion/freshness.service';
import { IngestionRunsService } from '../ingestion/ingestion-runs.service';
import { createAxiosCensusHttp } from './census-http';
import { CensusNightlyRefreshJob } from './census-nightly.job';
import {
  CENSUS_FETCH_TUNING,
  CENSUS_HTTP,
  CensusRefreshJob,
  CensusRefreshService,
} from './census-refresh.job';

/**
 * The Census collector (refresh_census, the nightly refresh_stale_census) with the run and freshness
 * services the API reads. Imported by the API and the worker alike.
 */
@Module({
  providers: [
    IngestionRunsService,
    FreshnessService,
    CensusRefreshService,
    CensusRefreshJob,
    CensusNightlyRefreshJob,
    { provide: CENSUS_HTTP, useFactory: () => createAxiosCensusHttp() },
    { provide: CENSUS_FETCH_TUNING, useValue: {} },
  ],
  exports: [IngestionRunsService, FreshnessService, CensusRefreshService],
})
export class CensusModule {}
