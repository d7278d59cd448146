// `npm run test:resilience`: fault and scale-out tests that start and kill processes of the build
// (dist/server), a private redis-server and a fresh database on DATABASE_URL's server. Kept out of
// jest.config.js so `npm test` does not run them (they take minutes); .ci/run calls them separately.
import base from './jest.config.js';

// The integration project's transform and aliases, without its shared test database: each file here
// makes its own (test/resilience/support/stack.ts).
const shared = { ...base.projects.find((project) => project.displayName === 'integration') };
delete shared.globalSetup;
delete shared.globalTeardown;

export default {
  testTimeout: 600000,
  projects: [
    {
      ...shared,
      displayName: 'resilience',
      testMatch: ['<rootDir>/test/resilience/**/*.resilience-spec.ts'],
    },
  ],
};
