// The only file of libs/census that touches node built-ins: it reads the bundled crosswalk from disk.
// Parsing stays in zip-crosswalk.ts so browsers and tests can use it on any text.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import { ZipCrosswalk, parseCrosswalk } from './zip-crosswalk';

export const CROSSWALK_FILE_NAME = 'zip_to_zcta_2022.csv';

/**
 * Path of a file under `data/census/`, found by walking up from `startDir`, so the same code works from
 * the sources (libs/census/src) and from the build output (dist/server/libs/census/src).
 */
export function findCensusDataFile(fileName: string, startDir: string = __dirname): string {
  return findDataFile('census', fileName, startDir);
}

/** Path of `data/<folder>/<fileName>`, found by walking up from `startDir` (see findCensusDataFile). */
export function findDataFile(folder: string, fileName: string, startDir: string = __dirname): string {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, 'data', folder, fileName);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`data/${folder}/${fileName} not found above ${startDir}`);
    dir = parent;
  }
}

// 41,061 rows take a few hundred ms to parse: do it once per process and path.
const cache = new Map<string, Promise<ZipCrosswalk>>();

/** Loads and parses the crosswalk once per path; concurrent callers share the same parse. */
export function loadCrosswalk(path: string = findCensusDataFile(CROSSWALK_FILE_NAME)): Promise<ZipCrosswalk> {
  const key = resolve(path);
  let pending = cache.get(key);
  if (!pending) {
    pending = readFile(key, 'utf8').then((text) => parseCrosswalk(text));
    // A failed read should not poison the cache for the next caller.
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

export function clearCrosswalkCache(): void {
  cache.clear();
}
