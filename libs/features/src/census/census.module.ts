import { Module } from '@nestjs/common';
import { CensusCacheFillJob } from '../census-cache/census-cache-fill.job';
import { CensusCacheFills } from '../census-cache/census-cache-fills';
import { PublicCensusCache } from '../census-cache/public-census-cache';
import { FreshnessService } from '../ingestion/freshness.service';
import { IngestionRunsService } from '../ingestion/ingestion-runs.service';
import { BusinessRefreshJob } from './business-refresh.job';
import { createAxiosCensusHttp } from './census-http';
import { CensusNightlyRefreshJob } from './census-nightly.job';
import { CensusRefreshJob } from './census-refresh.job';
import { CensusRefreshService } from './census-run';
import { CENSUS_FETCH_TUNING, CENSUS_HTTP } from './census-tuning';

/**
 * The Census collectors (refresh_census, refresh_census_business, the nightly refresh_stale_census),
 * the public Census cache and its fills (fill_census_cache), with the run and freshness services the
 * API reads. Imported by the API and the worker alike.
 */
@Module({
  providers: [
    IngestionRunsService,
    FreshnessService,
    CensusRefreshService,
    CensusRefreshJob,
    BusinessRefreshJob,
    CensusNightlyRefreshJob,
    PublicCensusCache,
    CensusCacheFills,
    CensusCacheFillJob,
    { provide: CENSUS_HTTP, useFactory: () => createAxiosCensusHttp() },
    { provide: CENSUS_FETCH_TUNING, useValue: {} },
  ],
  exports: [
    IngestionRunsService,
    FreshnessService,
    CensusRefreshService,
    PublicCensusCache,
    CensusCacheFills,
    CensusCacheFillJob,
  ],
})
export class CensusModule {}
