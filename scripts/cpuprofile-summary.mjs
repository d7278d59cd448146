// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by area of the
// stack (auth, Nest pipeline, TypeORM, pg, logging, GC…), and the share of samples whose stack passes
// through each area ("inclusive"). Used for the tenant-read profile in docs/BENCHMARKS.md.
//   node scripts/cpuprofile-summary.mjs <file.cpuprofile> [top N, default 30] [from s] [to s]
// `from`/`to` keep only the samples taken that many seconds after the profile started (one route of
// a benchmark run); each top function is shown with its heaviest caller chain.
import { readFileSync } from 'node:fs';

// First match wins; the order puts specific packages before the frameworks that call them.
const AREAS = [
  ['GC', (f) => f.functionName === '(garbage collector)'],
  ['idle', (f) => f.functionName === '(idle)'],
  ['program (native, unattributed)', (f) => f.functionName === '(program)'],
  [
    'auth (passport, JWT, guard, user cache)',
    (f) => /passport|jsonwebtoken|\/jws\/|\/jwa\/|\/auth\//.test(f.url),
  ],
  ['PII guard', (f) => /pii-guard|\/libs\/pii\/|\/pii\/src\//.test(f.url)],
  ['logging (pino)', (f) => /pino|sonic-boom|fast-redact|fast-safe-stringify|quick-format/.test(f.url)],
  ['TypeORM', (f) => /node_modules\/typeorm\//.test(f.url)],
  ['pg driver + protocol', (f) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-)/.test(f.url)],
  ['tenant scope (TenantDb, TenantContext)', (f) => /\/tenancy\//.test(f.url)],
  [
    'Nest pipeline (core, interceptors, pipes, rxjs)',
    (f) => /@nestjs\/|node_modules\/rxjs\/|\/http\/|interceptor/.test(f.url),
  ],
  ['validation / transformation', (f) => /class-validator|class-transformer|validator\//.test(f.url)],
  [
    'Express (router, send, static)',
    (f) =>
      /node_modules\/(express|router|send|serve-static|finalhandler|body-parser|on-finished|etag|fresh|content-type|qs|mime|path-to-regexp)/.test(
        f.url,
      ),
  ],
  ['app code (controllers, services)', (f) => /\/dist\/server\//.test(f.url)],
  ['other packages', (f) => /node_modules\//.test(f.url)],
  ['JSON (parse/stringify, native)', (f) => f.url === '' && /^(stringify|parse|JSON)/.test(f.functionName)],
  ['Node core (http, net, streams, crypto)', (f) => f.url.startsWith('node:') || f.url === ''],
];

const areaOf = (frame) => AREAS.find(([, test]) => test(frame))?.[0] ?? 'other';

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/cpuprofile-summary.mjs <file.cpuprofile> [topN]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// Each sample's duration is the next time delta (V8 records the delta before each sample).
const fromUs = Number(fromArg ?? 0) * 1e6;
const toUs = toArg === undefined ? Infinity : Number(toArg) * 1e6;
const selfUs = new Map();
const deltas = profile.timeDeltas;
for (let i = 0, at = 0; i < profile.samples.length; i++) {
  at += deltas[i];
  if (at < fromUs || at > toUs) continue;
  const us = deltas[i + 1] ?? 0;
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + us);
}

const shortUrl = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, '~/')
    .replace(/.*\/dist\//, 'dist/');
const fnSelf = new Map();
const fnCallers = new Map();
const areaSelf = new Map();
const areaInclusive = new Map();
let total = 0;
let busy = 0;
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  const frame = node.callFrame;
  total += us;
  const leafArea = areaOf(frame);
  if (leafArea !== 'idle') busy += us;
  const key = `${frame.functionName || '(anonymous)'}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + us);
  const callers = [];
  for (let at = parent.get(id); at !== undefined && callers.length < 4; at = parent.get(at)) {
    callers.push(byId.get(at).callFrame.functionName || '(anonymous)');
  }
  const chains = fnCallers.get(key) ?? new Map();
  const chain = callers.join(' < ');
  chains.set(chain, (chains.get(chain) ?? 0) + us);
  fnCallers.set(key, chains);
  areaSelf.set(leafArea, (areaSelf.get(leafArea) ?? 0) + us);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) seen.add(areaOf(byId.get(at).callFrame));
  for (const area of seen) areaInclusive.set(area, (areaInclusive.get(area) ?? 0) + us);
}

const ms = (us) => (us / 1000).toFixed(0).padStart(7);
const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
console.log(`profile ${file}: ${ms(total)} ms sampled, ${ms(busy)} ms busy (not idle); % are of busy time\n`);
console.log('self time by area (the leaf frame of each sample)');
for (const [area, us] of [...areaSelf].sort((a, b) => b[1] - a[1])) {
  if (area !== 'idle') console.log(`${ms(us)} ms ${pct(us)}  ${area}`);
}
console.log('\nsamples whose synchronous stack passes through the area (overlaps; async callers are cut)');
for (const [area, us] of [...areaInclusive].sort((a, b) => b[1] - a[1])) {
  if (area !== 'idle') console.log(`${ms(us)} ms ${pct(us)}  ${area}`);
}
console.log(`\ntop ${top} functions by self time`);
for (const [key, us] of [...fnSelf].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  const [chain] = [...fnCallers.get(key)].sort((a, b) => b[1] - a[1])[0];
  console.log(`${ms(us)} ms ${pct(us)}  ${key}\n                     < ${chain}`);
}
