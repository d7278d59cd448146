// Words for the API's codes, shared by every page (one place to change a label).
import { Role, RunStatus, SourceType } from '@lbi/contracts';

export const ROLE_LABELS: Readonly<Partial<Record<string, string>>> = {
  [Role.Admin]: 'Admin',
  [Role.Analyst]: 'Analyst',
  [Role.Client]: 'Client (read-only)',
};

export const ROLE_DESCRIPTIONS: Readonly<Partial<Record<string, string>>> = {
  [Role.Admin]: 'everything in the tenant, including its users',
  [Role.Analyst]: 'everything in the tenant except users',
  [Role.Client]: 'reads geographies, runs and reports; changes nothing',
};

export const SOURCE_LABELS: Readonly<Partial<Record<string, string>>> = {
  [SourceType.Census]: 'Census (ACS)',
  [SourceType.CsvProperty]: 'Property CSV',
  [SourceType.CsvEvents]: 'Events CSV / iCalendar',
  [SourceType.CsvChannels]: 'Channels CSV',
};

export const STATUS_LABELS: Readonly<Partial<Record<string, string>>> = {
  [RunStatus.Queued]: 'Queued',
  [RunStatus.Running]: 'Running',
  [RunStatus.Success]: 'Succeeded',
  [RunStatus.Failed]: 'Failed',
};

export const JOIN_TYPE_LABELS: Readonly<Partial<Record<string, string>>> = {
  zip_matches_zcta: 'Matched',
  spatial_join: 'Mapped',
  no_zcta: 'No ZCTA',
};

/** `school_district` -> `School district`; `hoa` -> `HOA`. */
export function channelTypeLabel(type: string): string {
  const special: Record<string, string> = { hoa: 'HOA' };
  if (special[type]) return special[type];
  const words = type.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const label = (
  labels: Readonly<Partial<Record<string, string>>>,
  code: string | null | undefined,
): string => (code ? (labels[code] ?? channelTypeLabel(code)) : '—');

const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', timeZone: 'UTC' });

/** January … December, from the browser's own calendar data. */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, month) =>
  MONTH.format(new Date(Date.UTC(2000, month, 1))),
);
