import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CROSSWALK_FILE_NAME,
  clearCrosswalkCache,
  findCensusDataFile,
  loadCrosswalk,
} from './crosswalk-loader';

describe('loadCrosswalk', () => {
  afterEach(() => clearCrosswalkCache());

  it('finds data/census above the sources and loads the bundled crosswalk', async () => {
    const path = findCensusDataFile(CROSSWALK_FILE_NAME);
    expect(path).toMatch(/data[\\/]census[\\/]zip_to_zcta_2022\.csv$/);
    const crosswalk = await loadCrosswalk();
    expect(crosswalk.size).toBe(41061);
    expect(crosswalk.get('78711')?.zcta).toBe('78701');
  });

  it('parses once per path and shares the result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosswalk-'));
    const file = join(dir, 'x.csv');
    writeFileSync(
      file,
      'zip,po_name,state,zip_type,zcta,zip_join_type\n19002,Ambler,PA,Zip Code Area,19002,Zip matches ZCTA\n',
    );
    const [a, b] = await Promise.all([loadCrosswalk(file), loadCrosswalk(file)]);
    expect(a).toBe(b);
    writeFileSync(file, 'zip,po_name,state,zip_type,zcta,zip_join_type\n');
    expect((await loadCrosswalk(file)).size).toBe(1);
    clearCrosswalkCache();
    expect((await loadCrosswalk(file)).size).toBe(0);
  });

  it('reports a missing file and does not cache the failure', async () => {
    const missing = join(tmpdir(), 'no-such-dir-census', 'x.csv');
    await expect(loadCrosswalk(missing)).rejects.toThrow(/ENOENT/);
    expect(() => findCensusDataFile('no-such-file.csv')).toThrow(/data\/census\/no-such-file\.csv not found/);
  });
});
