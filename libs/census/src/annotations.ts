// The Census API puts these sentinel values in estimate and MOE cells instead of numbers. They must
// never reach arithmetic or a ranking as if they were figures (DOMAIN.md, ACS data notes).

export type AnnotationCode =
  '-666666666' | '-999999999' | '-888888888' | '-222222222' | '-333333333' | '-555555555';

export interface CensusAnnotation {
  readonly code: string;
  readonly reason: string;
}

export const ANNOTATION_REASONS: Readonly<Record<AnnotationCode, string>> = {
  '-666666666':
    'no estimate: too few sample observations, or the median falls in the lowest or highest open-ended interval',
  '-999999999': 'no estimate: too few sample cases to compute it (or its margin of error)',
  '-888888888': 'not applicable: the estimate is not available for this geography or table',
  '-222222222': 'margin of error not computable: too few sample observations',
  '-333333333': 'no margin of error: the median falls in an open-ended interval',
  '-555555555': 'controlled estimate: the margin of error is 0 (treat the estimate as exact)',
};

export function isAnnotationCode(value: string): value is AnnotationCode {
  return Object.prototype.hasOwnProperty.call(ANNOTATION_REASONS, value);
}

// Any other value of this shape is a sentinel the catalogue has not met yet: still not a number.
const SENTINEL_SHAPE = /^-(\d)\1{8}(\.0+)?$/;

export function annotationFor(value: string): CensusAnnotation | undefined {
  const code = value.replace(/\.0+$/, '');
  if (isAnnotationCode(code)) return { code, reason: ANNOTATION_REASONS[code] };
  if (SENTINEL_SHAPE.test(value)) return { code, reason: 'no estimate: unrecognised Census annotation code' };
  return undefined;
}

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;

/** Parsed cell: a number, nothing (API null / annotation), or an annotation with its reason. */
export interface ParsedCell {
  readonly value: number | null;
  readonly annotation?: CensusAnnotation;
}

/**
 * Reads an estimate or MOE cell. `null` means the API returned no value. On an MOE cell -555555555 means
 * the estimate is controlled, so the MOE is exactly 0; on an estimate it carries no number.
 */
export function parseCensusValue(raw: string | null, role: 'estimate' | 'moe'): ParsedCell {
  if (raw === null) return { value: null };
  // Most cells are plain non-negative numbers, and annotation codes are all negative: no lookup needed.
  if (PLAIN_NUMBER.test(raw)) return { value: Number(raw) };
  const text = raw.trim();
  const annotation = annotationFor(text);
  if (annotation) {
    return { value: role === 'moe' && annotation.code === '-555555555' ? 0 : null, annotation };
  }
  if (text === '') return { value: null };
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    throw new Error(`not a number: '${raw.slice(0, 40)}'`);
  }
  return { value: Number(text) };
}
