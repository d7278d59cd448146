import { resolve, sep } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const MIB = 1024 * 1024;

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number.parseInt(String(value), 10);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Keys whose values are secrets: never logged, never echoed. */
export const SECRET_CONFIG_KEYS = [
  'jwtSecret',
  'censusApiKey',
  'bootstrapAdminPassword',
  // An email address is personal data: it is never logged either.
  'bootstrapAdminEmail',
  'databaseUrl',
  'redisUrl',
  'appDatabasePassword',
] as const;

/**
 * The one typed view of the environment. Parsed and validated once at boot; nothing else reads
 * process.env (ARCHITECTURE.md convention 9).
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  nodeEnv: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  port = 3000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  databaseUrl?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  redisUrl?: string;

  /**
   * `npm run migration:run` only: the login the API and workers connect as (not the owner of the
   * tables); created or updated with this password after the migrations, as a member of lbi_service.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, {
    message: 'APP_DATABASE_USER must be a lower-case PostgreSQL role name (letters, digits, _)',
  })
  appDatabaseUser?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'APP_DATABASE_PASSWORD must be at least 12 characters' })
  appDatabasePassword?: string;

  /** Namespace of the Bull keys in Redis, so environments can share one Redis. */
  @Matches(/^[A-Za-z0-9:_-]{1,40}$/, {
    message: 'QUEUE_PREFIX may use letters, digits, ":", "_" and "-" (at most 40)',
  })
  queuePrefix = 'lbi';

  /** Demo mode: the embedded default with a generated JWT secret and demo data. */
  @Transform(toBool)
  @IsBoolean()
  demo = false;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  jwtSecret?: string;

  @Matches(/^\d+[smhd]?$/, { message: 'JWT_EXPIRES_IN must look like 3600, 15m, 1h or 7d' })
  jwtExpiresIn = '1h';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  bootstrapAdminEmail?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  bootstrapAdminPassword?: string;

  /** Sign-in attempts allowed per client IP per minute (then 429 with Retry-After). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginRateLimitPerIp = 10;

  /**
   * Sign-in attempts allowed per email address from one IP per minute (then 429); past this many
   * failures for an address from anywhere, further attempts are slowed down, not refused.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  loginRateLimitPerEmail = 5;

  @Matches(/^https?:\/\/.+/, { message: 'CENSUS_API_BASE_URL must be an http(s) URL' })
  censusApiBaseUrl = 'https://api.census.gov/data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  censusApiKey?: string;

  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(2009)
  @Max(2100)
  acsYear?: number;

  /** ZIP Code Business Patterns year to fetch; unset: the newest the API serves (ZIP data in cbp since 2019). */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(2019)
  @Max(2100)
  cbpYear?: number;

  @Matches(/^(\S+\s+){4,5}\S+$/, {
    message: 'CENSUS_REFRESH_CRON must be a cron expression such as "0 3 * * *"',
  })
  censusRefreshCron = '0 3 * * *';

  /** CSV sources (property, events, channels) count as stale this many days after their last success. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  csvStaleDays = 90;

  @IsString()
  dataDir = '.data';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  uploadDir?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  uploadMaxBytes = 200 * MIB;

  /** iCalendar files are parsed whole: they get their own, smaller size limit. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  icsMaxBytes = 10 * MIB;

  /** At most this many events (VEVENT) in one iCalendar file. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  icsMaxEvents = 20_000;

  /** Database connections per process (API or worker); size it for the requests served at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  dbPoolSize = 10;

  /** Uploaded files are deleted this many hours after they were uploaded (imported or not). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  uploadRetentionHours = 24;

  /** Storage one tenant's kept uploads may take together. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  uploadQuotaBytes = 2 * 1024 * MIB;

  /** Serve the OpenAPI document and Swagger UI (switch off in production if they should not be public). */
  @Transform(toBool)
  @IsBoolean()
  apiDocs = true;

  /** A run still `running` after this long without progress belongs to a dead worker. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  staleRunTimeoutMs = 30 * 60 * 1000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Where the built console lives; served at `/`. */
  @IsString()
  consoleDir = 'dist/console/browser';

  get resolvedUploadDir(): string {
    return this.uploadDir ?? `${this.dataDir}/uploads`;
  }

  get jobDriver(): 'bull' | 'inline' {
    return this.redisUrl ? 'bull' : 'inline';
  }
}

/** Environment variable behind each config field. */
const ENV_NAMES: Record<string, keyof AppConfig> = {
  NODE_ENV: 'nodeEnv',
  PORT: 'port',
  DATABASE_URL: 'databaseUrl',
  DB_POOL_SIZE: 'dbPoolSize',
  REDIS_URL: 'redisUrl',
  APP_DATABASE_USER: 'appDatabaseUser',
  APP_DATABASE_PASSWORD: 'appDatabasePassword',
  QUEUE_PREFIX: 'queuePrefix',
  LBI_DEMO: 'demo',
  JWT_SECRET: 'jwtSecret',
  JWT_EXPIRES_IN: 'jwtExpiresIn',
  BOOTSTRAP_ADMIN_EMAIL: 'bootstrapAdminEmail',
  BOOTSTRAP_ADMIN_PASSWORD: 'bootstrapAdminPassword',
  LOGIN_RATE_LIMIT_PER_IP: 'loginRateLimitPerIp',
  LOGIN_RATE_LIMIT_PER_EMAIL: 'loginRateLimitPerEmail',
  CENSUS_API_BASE_URL: 'censusApiBaseUrl',
  CENSUS_API_KEY: 'censusApiKey',
  ACS_YEAR: 'acsYear',
  CBP_YEAR: 'cbpYear',
  CENSUS_REFRESH_CRON: 'censusRefreshCron',
  CSV_STALE_DAYS: 'csvStaleDays',
  LBI_DATA_DIR: 'dataDir',
  UPLOAD_DIR: 'uploadDir',
  UPLOAD_MAX_BYTES: 'uploadMaxBytes',
  ICS_MAX_BYTES: 'icsMaxBytes',
  ICS_MAX_EVENTS: 'icsMaxEvents',
  UPLOAD_RETENTION_HOURS: 'uploadRetentionHours',
  UPLOAD_QUOTA_BYTES: 'uploadQuotaBytes',
  API_DOCS: 'apiDocs',
  STALE_RUN_TIMEOUT_MS: 'staleRunTimeoutMs',
  LOG_LEVEL: 'logLevel',
  CONSOLE_DIR: 'consoleDir',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment; throws a ConfigError that lists every problem. */
export function loadConfig(
  env: Record<string, string | undefined>,
  options: { requireJwtSecret?: boolean } = {},
): AppConfig {
  const plain: Record<string, unknown> = {};
  for (const [envName, field] of Object.entries(ENV_NAMES)) {
    if (env[envName] !== undefined) plain[field] = env[envName];
  }
  const config = plainToInstance(AppConfig, plain, { exposeDefaultValues: true });
  const problems = validateSync(config, { forbidUnknownValues: false }).flatMap((error) => {
    const envName =
      Object.keys(ENV_NAMES).find((name) => ENV_NAMES[name] === error.property) ?? error.property;
    return Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(envName) ? message : `${envName}: ${message}`,
    );
  });
  if ((options.requireJwtSecret ?? true) && !config.demo && !config.jwtSecret) {
    problems.push('JWT_SECRET is required outside the demo (at least 32 random characters)');
  }
  if (config.demo && config.databaseUrl) {
    // Demo mode seeds accounts with published passwords: never on a real database.
    problems.push(
      'LBI_DEMO: demo mode runs only on the embedded database; unset DATABASE_URL (or LBI_DEMO) — it seeds accounts with known passwords',
    );
  }
  if ((config.appDatabaseUser === undefined) !== (config.appDatabasePassword === undefined)) {
    problems.push('APP_DATABASE_USER and APP_DATABASE_PASSWORD must be set together');
  }
  if ((config.bootstrapAdminEmail === undefined) !== (config.bootstrapAdminPassword === undefined)) {
    problems.push('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (config.bootstrapAdminPassword !== undefined && config.bootstrapAdminPassword.length < 12) {
    problems.push('BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters');
  }
  const consoleRoot = resolve(config.consoleDir);
  const uploadRoot = resolve(config.resolvedUploadDir);
  if (uploadRoot === consoleRoot || uploadRoot.startsWith(consoleRoot + sep)) {
    // The console directory is served to anyone at `/`: uploads there would be public files.
    problems.push(
      'UPLOAD_DIR lies inside CONSOLE_DIR, which is served to anyone at /: uploaded files would be public; put UPLOAD_DIR elsewhere (default .data/uploads)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The config as it may be logged: secrets replaced by a marker saying whether they are set. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  const described: Record<string, unknown> = {};
  for (const field of Object.values(ENV_NAMES)) {
    const value = config[field];
    described[field] = (SECRET_CONFIG_KEYS as readonly string[]).includes(field)
      ? value === undefined
        ? '(unset)'
        : '(set, redacted)'
      : value;
  }
  described.jobDriver = config.jobDriver;
  return described;
}
