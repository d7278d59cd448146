import { InitialSchema1795651200000 } from './1795651200000-initial-schema';
import { RowLevelSecurity1795651300000 } from './1795651300000-row-level-security';

/** Every migration, in order. The data source and the migration CLI load this list. */
export const MIGRATIONS = [InitialSchema1795651200000, RowLevelSecurity1795651300000];
