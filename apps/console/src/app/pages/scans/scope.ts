import { SCAN_NATION, stateByAbbreviation } from '@lbi/contracts';

/** A scan's scope in words: a state's name, or "United States" for the nation. */
export function scopeName(scope: string): string {
  if (scope === SCAN_NATION) return 'United States';
  return stateByAbbreviation(scope)?.name ?? scope;
}
