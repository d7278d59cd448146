// Lets a benchmark script require the project's TypeScript sources as they are: each .ts file is
// compiled on load with @swc/core (as Jest does) and the @lbi/* aliases resolve to libs/.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const swc = require('@swc/core');

Module._extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
require(join(root, 'test/support/register-aliases.ts'));

/** Loads a TypeScript module of the project by its path from the repository root. */
export const requireTs = (path) => require(join(root, path));
