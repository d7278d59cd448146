import { ConfigError, describeConfig, loadConfig } from './app-config';

const SECRET = 'a-secret-that-is-long-enough-0123456789';

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config).toMatchObject({
      port: 3000,
      jwtExpiresIn: '1h',
      censusApiBaseUrl: 'https://api.census.gov/data',
      censusRefreshCron: '0 3 * * *',
      uploadMaxBytes: 200 * 1024 * 1024,
    });
    expect(config.resolvedUploadDir).toBe('.data/uploads');
    expect(config.loginRateLimitPerIp).toBe(10);
    expect(config.loginRateLimitPerEmail).toBe(5);
    expect(config.jobDriver).toBe('inline');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('parses typed values and picks the Bull driver when REDIS_URL is set', () => {
    const config = loadConfig({
      JWT_SECRET: SECRET,
      PORT: '8080',
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATABASE_URL: 'postgresql://app@db:5432/lbi',
      ACS_YEAR: '2023',
      UPLOAD_DIR: '/srv/uploads',
    });
    expect(config.port).toBe(8080);
    expect(config.acsYear).toBe(2023);
    expect(config.jobDriver).toBe('bull');
    expect(config.resolvedUploadDir).toBe('/srv/uploads');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, DATABASE_URL: '', REDIS_URL: '' }).jobDriver).toBe('inline');
  });

  it('lists every problem at once, naming the variables', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        JWT_EXPIRES_IN: 'soon',
        CENSUS_REFRESH_CRON: 'nightly',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL must be a postgres/);
    expect(problems).toMatch(/JWT_EXPIRES_IN/);
    expect(problems).toMatch(/CENSUS_REFRESH_CRON/);
    expect(problems).toMatch(/JWT_SECRET is required outside the demo/);
  });

  it('requires JWT_SECRET outside the demo only', () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(loadConfig({ LBI_DEMO: 'true' }).demo).toBe(true);
    expect(loadConfig({}, { requireJwtSecret: false }).jwtSecret).toBeUndefined();
  });

  it('refuses demo mode on a real database: it would seed accounts with known passwords', () => {
    expect(() =>
      loadConfig({ LBI_DEMO: 'true', DATABASE_URL: 'postgresql://app@db:5432/lbi', JWT_SECRET: SECRET }),
    ).toThrow(/demo mode runs only on the embedded database/);
    expect(loadConfig({ LBI_DEMO: 'true' }).databaseUrl).toBeUndefined();
  });

  it('reads the upload lifecycle, iCalendar limits and the API docs switch', () => {
    const config = loadConfig({
      JWT_SECRET: SECRET,
      UPLOAD_RETENTION_HOURS: '6',
      UPLOAD_QUOTA_BYTES: '1048576',
      ICS_MAX_BYTES: '65536',
      ICS_MAX_EVENTS: '100',
      API_DOCS: 'false',
    });
    expect(config).toMatchObject({
      uploadRetentionHours: 6,
      uploadQuotaBytes: 1_048_576,
      icsMaxBytes: 65_536,
      icsMaxEvents: 100,
      apiDocs: false,
    });
    expect(loadConfig({ JWT_SECRET: SECRET })).toMatchObject({ uploadRetentionHours: 24, apiDocs: true });
    expect(() => loadConfig({ JWT_SECRET: SECRET, UPLOAD_RETENTION_HOURS: '0' })).toThrow(
      /UPLOAD_RETENTION_HOURS/,
    );
  });

  it('refuses an UPLOAD_DIR inside CONSOLE_DIR (served to anyone at /), and accepts siblings', () => {
    for (const UPLOAD_DIR of ['/srv/console', '/srv/console/uploads', '/srv/console/../console/x']) {
      expect(() => loadConfig({ JWT_SECRET: SECRET, CONSOLE_DIR: '/srv/console', UPLOAD_DIR })).toThrow(
        /UPLOAD_DIR lies inside CONSOLE_DIR/,
      );
    }
    expect(
      loadConfig({ JWT_SECRET: SECRET, CONSOLE_DIR: '/srv/console', UPLOAD_DIR: '/srv/console-uploads' }),
    ).toBeDefined();
  });

  it('wants both bootstrap admin variables or neither', () => {
    expect(() => loadConfig({ JWT_SECRET: SECRET, BOOTSTRAP_ADMIN_EMAIL: 'ops@agency.example' })).toThrow(
      /set together/,
    );
  });
});

describe('describeConfig', () => {
  it('never shows secrets, only whether they are set', () => {
    const config = loadConfig({
      JWT_SECRET: SECRET,
      CENSUS_API_KEY: 'census-key-value',
      DATABASE_URL: 'postgresql://app:db-password@db:5432/lbi',
    });
    const text = JSON.stringify(describeConfig(config));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('census-key-value');
    expect(text).not.toContain('db-password');
    expect(
      describeConfig(
        loadConfig({
          JWT_SECRET: SECRET,
          BOOTSTRAP_ADMIN_EMAIL: 'ops@agency.example',
          BOOTSTRAP_ADMIN_PASSWORD: 'a-long-passphrase-1',
        }),
      ).bootstrapAdminEmail,
    ).toBe('(set, redacted)');
    expect(describeConfig(config)).toMatchObject({
      jwtSecret: '(set, redacted)',
      redisUrl: '(unset)',
      port: 3000,
    });
  });
});
