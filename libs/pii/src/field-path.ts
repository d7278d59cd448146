// Field paths for violations (`metadata.contact.ownerName`, `rows[3].notes`) and the allowKeys match.
// A path is a linked list from leaf to root so a deep walk shares prefixes instead of copying them;
// it is turned into text only when a violation is reported.

export type PathSegment = string | number;

export interface FieldPath {
  readonly segment: PathSegment;
  readonly parent: FieldPath | null;
  /** How many key (non-index) segments the path has, to skip allowKeys work on deep paths. */
  readonly keyCount: number;
}

/** Stands in for a key that itself looks like PII (`{"jane@x.com": ...}`): paths get logged. */
export const REDACTED_SEGMENT = '[redacted]';

export function childPath(parent: FieldPath | null, segment: PathSegment): FieldPath {
  const keyCount = (parent?.keyCount ?? 0) + (typeof segment === 'string' ? 1 : 0);
  return { segment, parent, keyCount };
}

function segmentsOf(path: FieldPath | null): PathSegment[] {
  const segments: PathSegment[] = [];
  for (let node = path; node; node = node.parent) segments.push(node.segment);
  return segments.reverse();
}

export function formatFieldPath(path: FieldPath | null): string {
  return segmentsOf(path).reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    return text === '' ? segment : `${text}.${segment}`;
  }, '');
}

/** Allowed dotted paths, prepared once per check. */
export interface AllowedPaths {
  readonly paths: ReadonlySet<string>;
  readonly maxKeyCount: number;
}

export function allowedPaths(allowKeys: readonly string[] = []): AllowedPaths {
  return {
    paths: new Set(allowKeys),
    maxKeyCount: Math.max(0, ...allowKeys.map((p) => p.split('.').length)),
  };
}

/** True when the path, without array indices, is exactly one of the allowed dotted paths. */
export function isAllowedPath(path: FieldPath | null, allowed: AllowedPaths): boolean {
  if (!path || path.keyCount === 0 || path.keyCount > allowed.maxKeyCount) return false;
  const keys = segmentsOf(path).filter((s): s is string => typeof s === 'string');
  return !keys.includes(REDACTED_SEGMENT) && allowed.paths.has(keys.join('.'));
}
