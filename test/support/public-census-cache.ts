import type { DataSource } from 'typeorm';

/**
 * Empties the public Census cache (ACS rows, business counts and the fills that vouch for them) of
 * the test database. The cache is shared by every suite of a run: a suite whose fake Census API serves
 * other figures (the SYNTHETIC tables) must not leave them for the next, and a suite that asserts what
 * its own fills fetched must not find another suite's rows.
 */
export async function clearPublicCensusCache(dataSource: DataSource): Promise<void> {
  await dataSource.query('DELETE FROM public_acs_zctas');
  await dataSource.query('DELETE FROM public_business_counts');
  await dataSource.query('DELETE FROM public_cache_fills');
}
