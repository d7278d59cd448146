import { InitialSchema1795651200000 } from './1795651200000-initial-schema';
import { RowLevelSecurity1795651300000 } from './1795651300000-row-level-security';
import { PrivacyHardening1795651400000 } from './1795651400000-privacy-hardening';

/** Every migration, in order. The data source and the migration CLI load this list. */
export const MIGRATIONS = [
  InitialSchema1795651200000,
  RowLevelSecurity1795651300000,
  PrivacyHardening1795651400000,
];
