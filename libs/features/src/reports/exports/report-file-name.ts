import type { ReportPayload } from '@lbi/contracts';

export type ReportExportFormat = 'csv' | 'json' | 'pdf';

/** Media types for the Content-Type of each export; CSV says UTF-8 explicitly for the non-ASCII text. */
export const REPORT_EXPORT_MEDIA_TYPES: Record<ReportExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
};

const MAX_PART = 60;

/**
 * A download name such as `lbi-roofing-philadelphia-suburbs-2026-11-26.csv`: lowercase ASCII letters,
 * digits and hyphens only, so it needs no quoting or RFC 5987 encoding in Content-Disposition and is
 * safe on every file system.
 */
export function reportFileName(payload: ReportPayload, format: ReportExportFormat): string {
  const category = slugify(payload.category.id || payload.category.label) || 'category';
  const geography = slugify(payload.geography.name) || 'geography';
  const date = /^\d{4}-\d{2}-\d{2}/.exec(payload.as_of)?.[0] ?? 'undated';
  return `lbi-${category}-${geography}-${date}.${format}`;
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: "Montréal" -> "montreal"
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_PART)
    .replace(/^-+|-+$/g, '');
}
