/**
 * Runs one bundled function the way Lambda does: a fresh Node process, the environment given
 * by the caller and nothing else, `import(bundle/index.mjs)` and `handler(event, context)`. Records which of
 * the service's own variables the code read, and prints one JSON line with the outcome.
 * Usage: node run-bundle.cjs <bundle dir> <event JSON file> <comma-separated variables to watch>
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const [dir, eventFile, watchList] = process.argv.slice(2);
const watched = new Set(watchList.split(','));
const read = new Set();
const env = process.env;
process.env = new Proxy(env, {
  get(target, key) {
    if (typeof key === 'string' && watched.has(key)) read.add(key);
    return target[key];
  },
  has(target, key) {
    if (typeof key === 'string' && watched.has(key)) read.add(key);
    return key in target;
  },
});

const logs = [];
for (const level of ['log', 'info', 'warn', 'error'])
  console[level] = (...args) => logs.push(args.map(String).join(' '));

(async () => {
  let outcome;
  try {
    // The ES module bundle Lambda loads for `index.handler` (see infra/bundling.ts).
    const { handler } = await import(pathToFileURL(join(dir, 'index.mjs')).href);
    const event = JSON.parse(readFileSync(eventFile, 'utf8'));
    const result = await handler(event, {
      getRemainingTimeInMillis: () => 10_000,
      functionName: 'under-test',
      awsRequestId: 'contract-test',
    });
    outcome = { ok: true, result };
  } catch (err) {
    outcome = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  process.stdout.write(`${JSON.stringify({ ...outcome, read: [...read].sort(), logs })}\n`);
  process.exit(0);
})();
