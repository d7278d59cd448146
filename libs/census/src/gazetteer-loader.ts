// Reads the bundled Gazetteer and ZCTA-county files (data/geo/) once per process, on first use.
import { readFileSync } from 'node:fs';
import { findDataFile } from './crosswalk-loader';
import { parseGazetteer, parseZctaCounties, type ZctaCountyPart, type ZctaGazetteer } from './gazetteer';
import { ZctaCountyIndex } from './trade-areas';

export const GAZETTEER_FILE_NAME = 'zcta_gazetteer_2025.txt';
export const ZCTA_COUNTIES_FILE_NAME = 'zcta_counties_2020.csv';

let gazetteer: ZctaGazetteer | undefined;
let zctaCounties: readonly ZctaCountyPart[] | undefined;

/** The ZCTA Gazetteer (33,791 internal points and land areas), parsed on first use (~2.4 MB held). */
export function loadGazetteer(): ZctaGazetteer {
  gazetteer ??= parseGazetteer(readFileSync(findDataFile('geo', GAZETTEER_FILE_NAME), 'utf8'));
  return gazetteer;
}

/** The ZCTA ↔ county rows (46,953), parsed on first use. */
export function loadZctaCounties(): readonly ZctaCountyPart[] {
  zctaCounties ??= parseZctaCounties(readFileSync(findDataFile('geo', ZCTA_COUNTIES_FILE_NAME), 'utf8'));
  return zctaCounties;
}

let countyIndex: ZctaCountyIndex | undefined;

/** The ZCTA ↔ county file indexed both ways (county sets, states), built on first use. */
export function loadZctaCountyIndex(): ZctaCountyIndex {
  countyIndex ??= new ZctaCountyIndex(loadZctaCounties());
  return countyIndex;
}
