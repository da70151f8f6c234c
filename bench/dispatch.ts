/**
 * The 09:00 burst, locally: thousands of check-in reminders due at the same minute on DynamoDB
 * Local, each sending two emails through the SES emulator. The same burst is drained several
 * ways in the same run, each on its own identically seeded table: one job at a time (the old,
 * sequential dispatcher) and the parallel dispatcher, first with SES answering as fast as the
 * emulator does, then with SES answering after a fixed delay (the local fault proxy), as it
 * does across a network; and the parallel dispatcher under a low account rate (to see it never
 * sends faster than SES allows). Measurements, not tests.
 *
 * Why both: locally the emulator answers in well under a millisecond, so one job at a time is
 * held back by this machine's CPU, not by waiting, and running jobs side by side on two cores
 * gains little. In AWS each SendEmail is a network round trip of tens of milliseconds, which is
 * the wait the parallel dispatcher overlaps; the delayed round measures that.
 */
import { buildDeps } from '../functions/aws-deps.js';
import { limitsFor } from '../functions/call-limits.js';
import { LocalClock } from '../local/clock.js';
import { readOutbox } from '../local/outbox.js';
import { localDynamoClient } from '../local/dynamo-client.js';
import { startSesFaultProxy } from '../local/ses-fault-proxy.js';
import { localSesAccount } from '../local/services.js';
import { ensureTable } from '../shared/adapters/dynamodb/create-table.js';
import { DynamoStore } from '../shared/adapters/dynamodb/dynamo-store.js';
import { DUE_SHARDS, shardOf } from '../shared/adapters/dynamodb/table-design.js';
import { cryptoIds } from '../shared/adapters/system/ids.js';
import { newPolicy, resolveRules, type Policy } from '../shared/domain/policy.js';
import { planSchedule } from '../shared/domain/schedule.js';
import type { LogFields } from '../shared/ports/logger.js';
import type { Mailer } from '../shared/ports/mailer.js';
import { dispatch, type DispatchOptions } from '../shared/use-cases/dispatch.js';
import { pool } from '../shared/use-cases/pacing.js';

const POLICIES = Number(process.env.BENCH_BURST_POLICIES ?? 1000);
/**
 * SendEmail's round trip in the delayed round. An assumption, not a measurement from here (no
 * AWS account): the sequential dispatcher was estimated at 8–15 emails/s in AWS, i.e. about
 * 70–125 ms per email, and 100 ms sits in that range. BENCH_SES_LATENCY_MS changes it.
 */
const SES_LATENCY_MS = Number(process.env.BENCH_SES_LATENCY_MS ?? 100);
/** New York's 09:00 on the 7-day reminder's day for arrangements that ended 2026-11-20. */
const BURST_AT = new Date('2027-02-13T14:00:30Z');
/**
 * Index writes per arrangement, from the code path: the reminder's claim moves its sort key
 * (a delete and a put in the index) and its completion deletes it (3); each of its two emails is
 * created held by the run that sends it (1) and leaves the index when recorded sent (1).
 */
const INDEX_WRITES_PER_REMINDER = 3 + 2 * 2;

const say = (line: string) => process.stdout.write(`${line}\n`);
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;

function benchPolicy(table: string, i: number): Policy {
  const rules = resolveRules({ endedOn: '2026-11-20', timeZone: 'America/New_York' });
  const policy = newPolicy({
    id: `pol_${table}_${i}`,
    practiceId: 'default',
    retentionDays: 90,
    therapistId: `th_${table}`,
    therapist: { name: 'Dr. Bench', email: `t${i}.${table}@bench.test` },
    client: { name: 'Bench', email: `c${i}.${table}@bench.test` },
    rules,
    createdAt: '2026-11-20T15:00:00.000Z',
  });
  return { ...policy, state: 'active', acceptedAt: '2026-11-20T16:00:00.000Z' };
}

/** A fresh table with POLICIES accepted arrangements, every 7-day reminder due at BURST_AT. */
async function seed(dynamoEndpoint: string, sesEndpoint: string, table: string) {
  const client = localDynamoClient(dynamoEndpoint);
  // No stream: the event relay is not part of this, and DynamoDB Local slows as stream records pile up (create-table.ts).
  await ensureTable(client, table, { stream: false });
  const clock = new LocalClock();
  clock.set(new Date('2026-11-20T16:00:00Z'));
  const store = new DynamoStore(client, table, { clock, ids: cryptoIds });
  const sentAt = new Map<string, number>();
  let started = 0;
  // What went wrong during the drain, by log event and error name (the logs carry no more).
  const problems = new Map<string, number>();
  const note = (event: string, fields?: LogFields) => {
    const key = `${event}${fields?.errorName ? ` (${fields.errorName})` : ''}`;
    problems.set(key, (problems.get(key) ?? 0) + 1);
  };
  const deps = buildDeps(
    {
      TABLE_NAME: table,
      PUBLIC_BASE_URL: 'http://127.0.0.1',
      MAIL_FROM: 'Afterword <no-reply@bench.test>',
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      SES_ENDPOINT: sesEndpoint,
    },
    { clock, store, log: { info() {}, warn: note, error: note } },
    // The deployed dispatcher's timeouts and connection counts.
    { limits: limitsFor('dispatcher') },
  );
  // Each SES call's own duration (after the rate limiter let it go), answered or not.
  const calls: number[] = [];
  const timed: Mailer = {
    async send(email, options) {
      const callStarted = performance.now();
      try {
        const out = await deps.mailer.send(email, options);
        sentAt.set(email.to, performance.now() - started);
        return out;
      } finally {
        calls.push(performance.now() - callStarted);
      }
    },
  };
  const run = pool(16);
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: POLICIES }, (_, i) =>
      run(async () => {
        const policy = benchPolicy(table, i);
        ids.push(policy.id);
        const schedule = planSchedule(policy, '2026-11-20');
        await store.commit({ at: clock.now().toISOString(), policy, expectedVersion: null, schedule });
      }),
    ),
  );
  clock.set(BURST_AT);
  return {
    ids,
    drain: async (options: DispatchOptions) => {
      started = performance.now();
      let ran = 0;
      let onTime = 0;
      // Runs back to back, as the every-minute schedule would, until nothing is due; then, if
      // mail is still waiting (a send that failed is retried minutes later), the clock moves on
      // as it would for the next runs, and what they send counts as late.
      for (let later = 0; later <= 5; later += 1) {
        for (;;) {
          const summary = await dispatch({ ...deps, mailer: timed }, { remainingMs: () => 600_000, ...options });
          ran += summary.ran;
          if (summary.ran === 0) break;
        }
        if (later === 0) onTime = sentAt.size;
        if (sentAt.size >= 2 * POLICIES) break;
        clock.set(new Date(clock.now().getTime() + 3 * 60_000));
      }
      const seconds = (performance.now() - started) / 1000;
      client.destroy();
      return { ran, seconds, latencies: [...sentAt.values()], late: sentAt.size - onTime, problems, calls };
    },
  };
}

async function duplicatesIn(sesEndpoint: string, table: string) {
  const received = (await readOutbox(sesEndpoint)).filter((m) =>
    m.to.some((to) => to.endsWith(`.${table}@bench.test`)),
  );
  const recipients = new Set(received.flatMap((m) => m.to));
  return { received: received.length, duplicates: received.length - recipients.size };
}

interface Scenario {
  name: string;
  table: string;
  /** The account's sending rate the emulator reports (emails a second). */
  rate: number;
  options: DispatchOptions;
  /** Through the proxy that delays every send by SES_LATENCY_MS. */
  delayed: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'one job at a time (sequential)',
    table: 'burst-seq',
    rate: 10_000,
    options: { concurrency: 1 },
    delayed: false,
  },
  { name: 'parallel (128 in flight)', table: 'burst-par', rate: 10_000, options: {}, delayed: false },
  {
    name: `one job at a time, SES answering in ${SES_LATENCY_MS} ms`,
    table: 'burst-seq-net',
    rate: 10_000,
    options: { concurrency: 1 },
    delayed: true,
  },
  {
    name: `parallel, SES answering in ${SES_LATENCY_MS} ms`,
    table: 'burst-par-net',
    rate: 10_000,
    options: {},
    delayed: true,
  },
  { name: 'parallel, account rate 100/s', table: 'burst-rate', rate: 100, options: {}, delayed: false },
];

export async function dispatchBurst(dynamoEndpoint: string, sesEndpoint: string) {
  say(`\n## The 09:00 burst: ${POLICIES} check-in reminders due at once (${2 * POLICIES} emails)\n`);
  say(`Seeding ${SCENARIOS.length} identical tables on DynamoDB Local (${DUE_SHARDS} shards)…`);
  const proxy = await startSesFaultProxy({ target: sesEndpoint, fault: { kind: 'delay', ms: SES_LATENCY_MS } });
  const previousAccount = process.env.AWS_SES_ACCOUNT;
  const seeded = [];
  for (const s of SCENARIOS) seeded.push(await seed(dynamoEndpoint, s.delayed ? proxy.endpoint : sesEndpoint, s.table));
  say('| dispatcher | emails | seconds | emails/s | p50 / p99 email latency | duplicates | shards used |');
  say('|---|---:|---:|---:|---:|---:|---:|');
  const rates = new Map<string, number>();
  const notes: string[] = [];
  for (const [i, s] of SCENARIOS.entries()) {
    process.env.AWS_SES_ACCOUNT = localSesAccount(s.rate);
    const { seconds, latencies, late, problems, calls } = await seeded[i]!.drain(s.options);
    const { received, duplicates } = await duplicatesIn(sesEndpoint, s.table);
    const shards = new Set(seeded[i]!.ids.map((id) => shardOf(id))).size;
    rates.set(s.table, received / seconds);
    say(
      `| ${s.name} | ${received} | ${seconds.toFixed(1)} | ${(received / seconds).toFixed(0)} | ${(percentile(latencies, 50) / 1000).toFixed(1)} s / ${(percentile(latencies, 99) / 1000).toFixed(1)} s | ${duplicates} | ${shards} of ${DUE_SHARDS} |`,
    );
    if (received !== 2 * POLICIES) notes.push(`${s.name}: expected ${2 * POLICIES} emails, received ${received}.`);
    notes.push(
      `${s.name}: SES calls took ${percentile(calls, 50).toFixed(0)} ms (p50), ${percentile(calls, 99).toFixed(0)} ms (p99), ${Math.max(...calls).toFixed(0)} ms at most.`,
    );
    if (late || problems.size)
      notes.push(
        `${s.name}: ${late} sent by a later run, after a retry; logged: ${[...problems].map(([k, n]) => `${k} ×${n}`).join(', ') || 'nothing'}.`,
      );
  }
  await proxy.close();
  for (const line of notes) say(`\n${line}`);
  if (previousAccount === undefined) delete process.env.AWS_SES_ACCOUNT;
  else process.env.AWS_SES_ACCOUNT = previousAccount;
  const ratio = (par: string, seq: string) => ((rates.get(par) ?? NaN) / (rates.get(seq) ?? NaN)).toFixed(1);
  say(
    `\nParallel vs sequential, same burst, same run: **${ratio('burst-par-net', 'burst-seq-net')}×** the emails a second ` +
      `with SES answering in ${SES_LATENCY_MS} ms (as across a network); ${ratio('burst-par', 'burst-seq')}× with the ` +
      `emulator answering at once (this machine's CPU is then the limit for both).`,
  );
  const perShard = new Map<number, number>();
  for (const id of seeded[1]!.ids) perShard.set(shardOf(id), (perShard.get(shardOf(id)) ?? 0) + 1);
  const counts = [...perShard.values()];
  say(
    `Index writes per shard for this burst (${INDEX_WRITES_PER_REMINDER} per reminder, from the code path): ` +
      `${Math.min(...counts) * INDEX_WRITES_PER_REMINDER} to ${Math.max(...counts) * INDEX_WRITES_PER_REMINDER}.`,
  );
}
