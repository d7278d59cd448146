// Enumerations shared by the API, the worker and the console. Wire values are the contract's.

export enum Role {
  Admin = 'admin',
  Analyst = 'analyst',
  Client = 'client',
}

export enum SourceType {
  Census = 'census',
  /** ZIP Code Business Patterns: competing establishments per ZIP and industry. */
  CensusBusiness = 'census_business',
  CsvProperty = 'csv_property',
  CsvEvents = 'csv_events',
  CsvChannels = 'csv_channels',
}

export enum RunStatus {
  Queued = 'queued',
  Running = 'running',
  Success = 'success',
  Failed = 'failed',
}

export enum SignalType {
  Census = 'CENSUS',
  Event = 'EVENT',
  Property = 'PROPERTY',
  /** Establishment counts (ZIP Code Business Patterns) per ZIP and NAICS industry. */
  Business = 'BUSINESS',
}

/** Scans and reports share their life cycle. */
export enum ReportStatus {
  Queued = 'queued',
  Running = 'running',
  Success = 'success',
  Failed = 'failed',
}

export const ROLES: readonly Role[] = Object.values(Role);
export const SOURCE_TYPES: readonly SourceType[] = Object.values(SourceType);
export const RUN_STATUSES: readonly RunStatus[] = Object.values(RunStatus);
export const SIGNAL_TYPES: readonly SignalType[] = Object.values(SignalType);
