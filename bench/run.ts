/**
 * `npm run bench`: what each function costs in size and start-up time, how fast the two
 * hot requests are locally, and how many DynamoDB capacity units each operation uses.
 * Measurements, not tests: nothing here passes or fails.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDeps } from '../functions/aws-deps.js';
import { FUNCTIONS as DECLARED } from '../functions/needs.js';
import { bundleFiles, bundleFunction, ENTRY_FILE, functionEntry } from '../infra/bundling.js';
import { LocalSigner } from '../local/auth.js';
import { LocalClock } from '../local/clock.js';
import { createLocalServer } from '../local/server.js';
import { startDynamoLocal, startSesEmulator } from '../local/services.js';
import { ensureTable } from '../shared/adapters/dynamodb/create-table.js';
import { DynamoStore } from '../shared/adapters/dynamodb/dynamo-store.js';
import { LocalEventLog } from '../shared/adapters/local/event-log.js';
import { cryptoIds } from '../shared/adapters/system/ids.js';
import { silentLogger } from '../shared/adapters/system/logger.js';
import { dispatch } from '../shared/use-cases/dispatch.js';
import { dispatchBurst } from './dispatch.js';

const FUNCTIONS = Object.keys(DECLARED);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 21);
const LATENCY_SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const out = mkdtempSync(join(tmpdir(), 'afterword-bench-'));

const say = (line: string) => process.stdout.write(`${line}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

/** Bundled exactly as the CDK construct does (infra/bundling.ts), into a folder of its own. */
function bundle(name: string, entry: string | { contents: string }) {
  const dir = join(out, name.replace(/\W+/g, '-'));
  const meta = bundleFunction(entry, dir);
  const { all, atStart } = bundleFiles(meta);
  const bytes = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + meta.outputs[f]!.bytes, 0);
  const byPackage = new Map<string, number>();
  for (const file of atStart)
    for (const [input, info] of Object.entries(meta.outputs[file]!.inputs)) {
      const key = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? 'our code';
      byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
    }
  const largest = [...byPackage.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, v]) => `${k} ${kb(v)}`);
  return {
    name,
    entry: pathToFileURL(join(dir, ENTRY_FILE)).href,
    atStart: bytes(atStart),
    total: bytes(all),
    largest,
  };
}

/**
 * `import()` of a bundle in a fresh Node process, timed inside it: wall time, and the CPU time
 * the process spent on it (steadier on a shared machine, and what a cold start is made of:
 * the files are in the page cache). Node's ES module loader is warmed first with an empty
 * module (in Lambda the runtime has loaded its own code by then), and source maps are on,
 * as NODE_OPTIONS has them in Lambda.
 */
function importOnce(entry: string): { wall: number; cpu: number } {
  const script = `await import('data:text/javascript,');const c=process.cpuUsage();const t=process.hrtime.bigint();await import(${JSON.stringify(entry)});const w=Number(process.hrtime.bigint()-t)/1e6;const u=process.cpuUsage(c);process.stdout.write(JSON.stringify({wall:w,cpu:(u.user+u.system)/1000}))`;
  const env = { ...process.env, AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const run = execFileSync(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], { env });
  return JSON.parse(run.toString()) as { wall: number; cpu: number };
}

type ImportTime = { wall: number; wallRatio: number; cpu: number; cpuRatio: number };

/**
 * Every bundle once per round, the bare client included, in an order that turns each round:
 * the ratio to the bare client is taken within a round (both met the same machine load), and
 * each figure is the median over the rounds.
 */
function importTimes(entries: string[]): ImportTime[] {
  const runs = entries.map((): { wall: number; cpu: number; wallRatio: number; cpuRatio: number }[] => []);
  for (let round = 0; round < IMPORT_RUNS; round += 1) {
    const order = entries.map((_, i) => (i + round) % entries.length);
    const times: { wall: number; cpu: number }[] = [];
    for (const i of order) times[i] = importOnce(entries[i]!);
    const bare = times[0]!;
    times.forEach((t, i) => runs[i]!.push({ ...t, wallRatio: t.wall / bare.wall, cpuRatio: t.cpu / bare.cpu }));
  }
  return runs.map((r) => ({
    wall: median(r.map((x) => x.wall)),
    wallRatio: median(r.map((x) => x.wallRatio)),
    cpu: median(r.map((x) => x.cpu)),
    cpuRatio: median(r.map((x) => x.cpuRatio)),
  }));
}

async function sizesAndImports() {
  say('\n## Bundles (minified ES modules, from esbuild metafile) and fresh-process import time\n');
  const bare = "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = DynamoDBClient;\n";
  const rows = [bundle('bare DynamoDB client', { contents: bare })];
  for (const name of FUNCTIONS) rows.push(bundle(name, functionEntry(name)));
  const times = importTimes(rows.map((r) => r.entry));
  say(`Import: median of ${IMPORT_RUNS} fresh processes each, taken in turns with the bare client.\n`);
  say('| bundle | loaded at start | whole bundle | import | vs bare | import CPU | vs bare (CPU) | largest at start |');
  say('|---|---:|---:|---:|---:|---:|---:|---|');
  rows.forEach((row, i) => {
    const t = times[i]!;
    say(
      `| ${row.name} | ${kb(row.atStart)} | ${kb(row.total)} | ${t.wall.toFixed(1)} ms | ${t.wallRatio.toFixed(2)}× | ${t.cpu.toFixed(1)} ms | ${t.cpuRatio.toFixed(2)}× | ${row.largest.join(', ')} |`,
    );
  });
  say(
    '\n"Loaded at start": the entry and the chunks it imports statically; the rest (the SES client, email templates, SDK parts for other protocols) loads on first use. Source maps are separate files, in neither figure.',
  );
}

/** One table, one local server with the real handlers, a metered store and a movable clock. */
async function localService(dynamoEndpoint: string, sesEndpoint: string, tableName: string) {
  const client = new DynamoDBClient({
    endpoint: dynamoEndpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  let consumed = 0;
  let meterOn = false;
  const clock = new LocalClock();
  clock.set(new Date('2026-11-20T15:00:00Z'));
  const store = new DynamoStore(client, tableName, {
    clock,
    ids: cryptoIds,
    meter: (_op, units) => {
      if (meterOn) consumed += units;
    },
  });
  const eventLog = new LocalEventLog(100);
  const deps = buildDeps(
    {
      TABLE_NAME: tableName,
      PUBLIC_BASE_URL: 'http://127.0.0.1',
      MAIL_FROM: 'Afterword <no-reply@bench.test>',
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SES_ENDPOINT: sesEndpoint,
    },
    { clock, store, log: silentLogger },
  );
  const signer = new LocalSigner();
  const server = createLocalServer({ deps, eventLog, clock, signer, sesEndpoint });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps.config.publicBaseUrl = base;
  const token = signer.signIn({ email: 'bench@example.com', name: 'Dr. Bench' });

  const call = async (method: string, path: string, body?: unknown, auth = false) => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  };
  /** Runs one operation and returns the DynamoDB capacity units it consumed. */
  const metered = async <T>(run: () => Promise<T>) => {
    consumed = 0;
    meterOn = true;
    const result = await run();
    meterOn = false;
    return { result, units: consumed };
  };
  let n = 0;
  const newActivePolicy = async (updates: Record<string, number>) => {
    n += 1;
    const email = `client${n}.${tableName}@bench.test`;
    const created = await metered(() =>
      call(
        'POST',
        '/policies',
        { client: { name: 'Bench', email }, endedOn: '2026-11-20', timeZone: 'America/New_York', updates },
        true,
      ),
    );
    const outbox = (await (await fetch(`${sesEndpoint}/store`)).json()) as {
      emails: { destination: { to: string[] }; body: { text: string } }[];
    };
    const invite = outbox.emails.filter((e) => e.destination.to.includes(email)).at(-1)!;
    const link = /\/c\/([\w-]{43})/.exec(invite.body.text)![1]!;
    await call('POST', `/client/${link}/accept`);
    return { link, createUnits: created.units };
  };
  const close = async () => {
    server.close();
    client.destroy();
  };
  return { deps, clock, call, metered, newActivePolicy, close };
}

async function requestsAndCapacity() {
  say('\n## Local latency (DynamoDB Local, SES emulator, real handlers over HTTP) and DynamoDB capacity\n');
  const [dynamo, ses] = await Promise.all([startDynamoLocal(), startSesEmulator()]);
  const svc = await localService(dynamo.endpoint, ses.endpoint, 'bench');

  // Accepting an update: fresh policies of 12 updates each, no gap, until enough samples.
  const accepted: number[] = [];
  const acceptUnits: number[] = [];
  let createUnits = 0;
  while (accepted.length < LATENCY_SAMPLES) {
    const policy = await svc.newActivePolicy({ limit: 12, minDaysBetween: 0 });
    createUnits = policy.createUnits;
    for (let i = 0; i < 12 && accepted.length < LATENCY_SAMPLES; i += 1) {
      const m = await svc.metered(() => svc.call('POST', `/client/${policy.link}/updates`, { text: `update ${i}` }));
      if (m.result.status !== 201) throw new Error(`expected 201, got ${m.result.status}`);
      accepted.push(m.result.ms);
      acceptUnits.push(m.units);
    }
  }
  // A refusal: too soon after the first update.
  const slow = await svc.newActivePolicy({ limit: 3, minDaysBetween: 7 });
  await svc.call('POST', `/client/${slow.link}/updates`, { text: 'first' });
  const refused: number[] = [];
  const refuseUnits: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
    const m = await svc.metered(() => svc.call('POST', `/client/${slow.link}/updates`, { text: 'too soon' }));
    if (m.result.status !== 409) throw new Error(`expected 409, got ${m.result.status}`);
    refused.push(m.result.ms);
    refuseUnits.push(m.units);
  }
  await svc.close();

  // Dispatching one due item, alone in its own table: a check-in reminder and the two emails it sends.
  const lone = await localService(dynamo.endpoint, ses.endpoint, 'bench-dispatch');
  await lone.newActivePolicy({});
  lone.clock.set(new Date('2027-02-13T14:00:30Z'));
  const run = await lone.metered(() => dispatch(lone.deps));
  await lone.close();

  say(`| request | p50 | p99 | samples |`);
  say('|---|---:|---:|---:|');
  say(
    `| accept an update (201, both emails sent in the request) | ${median(accepted).toFixed(1)} ms | ${percentile(accepted, 99).toFixed(1)} ms | ${accepted.length} |`,
  );
  say(
    `| refuse an update (409 too-soon) | ${median(refused).toFixed(1)} ms | ${percentile(refused, 99).toFixed(1)} ms | ${refused.length} |`,
  );
  say('\n| operation (everything the request or run does) | DynamoDB capacity units |');
  say('|---|---:|');
  say(`| create policy (incl. sending invitation + therapist copy) | ${createUnits.toFixed(1)} |`);
  say(`| accept update (incl. sending 2 emails) | ${median(acceptUnits).toFixed(1)} |`);
  say(`| refusal | ${median(refuseUnits).toFixed(1)} |`);
  say(`| dispatch one due reminder (the query, the claim, and the 2 emails it sends) | ${run.units.toFixed(1)} |`);
  if (run.result.outcomes.done < 1) throw new Error('the reminder did not run');
  await Promise.all([dynamo.stop(), ses.stop()]);
}

/** BENCH_ONLY=bundles|requests|burst runs one part (e.g. to repeat the burst on a quiet machine). */
const only = process.env.BENCH_ONLY;
say(`# Afterword bench (Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)})`);
if (!only || only === 'bundles') await sizesAndImports();
if (!only || only === 'requests') await requestsAndCapacity();
if (!only || only === 'burst') {
  const [dynamo, ses] = await Promise.all([startDynamoLocal(), startSesEmulator()]);
  await dispatchBurst(dynamo.endpoint, ses.endpoint);
  await Promise.all([dynamo.stop(), ses.stop()]);
}
