import { PublicAcsZcta } from './census-cache/public-acs-zcta.entity';
import { PublicBusinessCount } from './census-cache/public-business-count.entity';
import { PublicCacheFill } from './census-cache/public-cache-fill.entity';
import { Channel } from './channels/channel.entity';
import { DemandSignal } from './geographies/demand-signal.entity';
import { Geography } from './geographies/geography.entity';
import { IngestionRun } from './ingestion/ingestion-run.entity';
import { PropertyAggregate } from './ingestion/property-aggregate.entity';
import { Upload } from './ingestion/upload.entity';
import { ZipScore } from './intelligence/zip-score.entity';
import { IntelligenceReport } from './reports/intelligence-report.entity';
import { Scan } from './scans/scan.entity';
import { Client } from './tenants/client.entity';
import { User } from './tenants/user.entity';

/** Every entity the data source knows. */
export const ALL_ENTITIES = [
  Client,
  User,
  Geography,
  DemandSignal,
  IngestionRun,
  Channel,
  Upload,
  PropertyAggregate,
  ZipScore,
  IntelligenceReport,
  Scan,
  PublicAcsZcta,
  PublicBusinessCount,
  PublicCacheFill,
];

/** Tables that belong to a tenant (have client_id): the ones row-level security covers. */
export const TENANT_TABLES = [
  'geographies',
  'demand_signals',
  'ingestion_runs',
  'channels',
  'uploads',
  'property_aggregates',
  'zip_scores',
  'intelligence_reports',
  'scans',
] as const;

/** Public Census figures shared by every tenant: no client_id, read-only to the app role. */
export const PUBLIC_CACHE_TABLES = ['public_acs_zctas', 'public_business_counts'] as const;
