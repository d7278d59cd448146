import Module from 'node:module';
import { join } from 'node:path';

// Jest's globalSetup runs outside the test runtime, so moduleNameMapper does not apply there:
// resolve the @lbi/* aliases the same way for the setup code.
const ALIASES: Record<string, string> = {
  '@lbi/contracts': 'libs/contracts/src/index.ts',
  '@lbi/pii': 'libs/pii/src/index.ts',
  '@lbi/census': 'libs/census/src/index.ts',
  '@lbi/scoring': 'libs/scoring/src/index.ts',
  '@lbi/server': 'libs/server/src/index.ts',
  '@lbi/features': 'libs/features/src/index.ts',
  '@lbi/migrations': 'migrations/index.ts',
};

const root = join(__dirname, '..', '..');
const moduleWithResolver = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
};
const original = moduleWithResolver._resolveFilename;
moduleWithResolver._resolveFilename = function resolveWithAliases(request: string, ...rest: unknown[]) {
  const alias = ALIASES[request];
  return original.call(this, alias ? join(root, alias) : request, ...rest);
};
