/**
 * Domain events through the table's stream (the transactional outbox), on DynamoDB Local's
 * real stream: an event whose writer died right after the commit still goes out, with an id
 * derived from its timeline item; a redelivery carries the same ids; a record that can never
 * be published ends in the failure path (in AWS, the relay's on-failure queue), and the
 * records after it go on.
 */
import { CreateTableCommand, DescribeTableCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildRelayDeps } from '../../functions/relay-deps.js';
import { makeHandler } from '../../functions/event-relay.js';
import { STREAM_DELIVERY } from '../../functions/needs.js';
import { startEventBridgeStandIn } from '../../local/eventbridge-standin.js';
import { startLocalRelay } from '../../local/event-relay.js';
import { StreamPoller, type DiscardedBatch } from '../../local/stream-poller.js';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { OUTBOX_FILTER, stableEventId } from '../../shared/adapters/dynamodb/outbox.js';
import { keys } from '../../shared/adapters/dynamodb/table-design.js';
import { toItem } from '../../shared/adapters/dynamodb/table-client.js';
import { LocalEventLog } from '../../shared/adapters/local/event-log.js';
import { jsonLogger, silentLogger } from '../../shared/adapters/system/logger.js';
import { next } from '../../shared/use-cases/mutate.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const LOCAL = { region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

describe('domain events through the table’s stream', () => {
  let app: App;
  let token: string;

  beforeAll(async () => {
    app = await startApp();
    token = await app.signIn(uniqueEmail('dr.outbox'), 'Dr. Outbox');
  });
  afterAll(() => app.close());

  async function createPolicy(): Promise<string> {
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Robin', email: uniqueEmail('robin') }, endedOn: '2026-11-20', timeZone: 'Europe/Paris' },
    });
    expect(created.status).toBe(201);
    return created.json.id as string;
  }

  /** The keys of a policy's timeline items of one type, as stored. */
  async function timelineKeys(policyId: string, type: string): Promise<{ pk: string; sk: string }[]> {
    const out = await app.dynamo.send(
      new QueryCommand({
        TableName: app.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        ExpressionAttributeValues: toItem({ ':pk': keys.policyPk(policyId), ':event': keys.sortPrefix.event }),
      }),
    );
    return (out.Items ?? [])
      .map((i) => unmarshall(i) as { pk: string; sk: string; event: { type: string } })
      .filter((i) => i.event.type === type)
      .map(({ pk, sk }) => ({ pk, sk }));
  }

  /** A second relay on the same stream, from its start: a consumer that came up after a crash, or a redelivery. */
  async function freshRelay() {
    const log = new LocalEventLog();
    const bus = await startEventBridgeStandIn(log, 'afterword-fresh-relay');
    const relay = await startLocalRelay({
      dynamoEndpoint: inject('dynamoEndpoint'),
      tableName: app.tableName,
      bus,
      log: silentLogger,
    });
    return { log, relay, stop: async () => (await relay.stop(), await bus.stop()) };
  }

  it('publishes the event of a change whose writer died right after the commit, with the id of its timeline item', async () => {
    const policyId = await createPolicy();
    const policy = (await app.deps.store.getPolicy(policyId))!;
    const at = app.clock.now().toISOString();
    // What the pause use case commits; the process then "dies": nothing runs after the commit.
    await app.deps.store.commit({
      at,
      policy: next(policy, { state: 'paused' }),
      expectedVersion: policy.version,
      events: [{ at, type: 'paused' }],
    });
    const paused = () => app.events.events.filter((e) => e.type === 'policy.paused' && e.detail.policyId === policyId);
    expect(paused()).toEqual([]);

    await app.relay.drain();
    const [item] = await timelineKeys(policyId, 'paused');
    expect(paused().map((e) => e.detail)).toEqual([
      {
        version: 1,
        policyId,
        therapistId: policy.therapistId,
        occurredAt: at,
        eventId: stableEventId(item!.pk, item!.sk),
      },
    ]);
  });

  it('publishes a practice’s timeline entries too (admin actions), each with the id of its item, and gives up on none', async () => {
    const practiceId = `p-${randomUUID().slice(0, 8)}`;
    const admin = await app.signIn(uniqueEmail('dr.practice'), 'Dr. Practice', { role: 'admin', practice: practiceId });
    const saved = await app.request('PUT', '/practice', { token: admin, body: { bounds: { maxUpdates: 6 } } });
    expect(saved.status).toBe(200);
    const out = await app.dynamo.send(
      new QueryCommand({
        TableName: app.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        ExpressionAttributeValues: toItem({ ':pk': keys.practicePk(practiceId), ':event': keys.sortPrefix.event }),
      }),
    );
    const items = (out.Items ?? []).map((i) => unmarshall(i) as { pk: string; sk: string });
    expect(items).toHaveLength(2);
    const published = app.events.events.filter((e) => 'practiceId' in e.detail && e.detail.practiceId === practiceId);
    expect(published.map((e) => e.type).sort()).toEqual(['practice.settings-changed', 'practice.therapist-added']);
    expect(new Set(published.map((e) => e.detail.eventId))).toEqual(
      new Set(items.map((i) => stableEventId(i.pk, i.sk))),
    );
    expect(app.relay.discarded).toEqual([]);
  });

  it('publishes a redelivered entry with the same id, so a consumer can tell it from a new one', async () => {
    const policyId = await createPolicy();
    const first = app.events.forPolicy(policyId);
    expect(first.map((e) => e.type)).toEqual(['policy.created']);
    const again = await freshRelay();
    try {
      await again.relay.drain();
      const redelivered = again.log.forPolicy(policyId);
      expect(redelivered.map((e) => ({ type: e.type, detail: e.detail }))).toEqual(
        first.map((e) => ({ type: e.type, detail: e.detail })),
      );
      // Everything the first relay published so far comes again, each under its first id.
      const ids = new Set(app.events.events.map((e) => e.detail.eventId));
      expect(again.log.events.length).toBeGreaterThanOrEqual(app.events.events.length);
      for (const event of again.log.events) expect(ids.has(event.detail.eventId)).toBe(true);
    } finally {
      await again.stop();
    }
  });

  it('retries a batch the bus refused and loses nothing, each event under its one id', async () => {
    await createPolicy();
    const log = new LocalEventLog();
    const bus = await startEventBridgeStandIn(log, 'afterword-flaky');
    const real = buildRelayDeps(
      { EVENT_BUS_NAME: bus.busName, EVENTBRIDGE_ENDPOINT: bus.endpoint, AWS_REGION: 'local' },
      { log: silentLogger },
    );
    let refusals = 2;
    const seen: string[] = [];
    const { Table } = await app.dynamo.send(new DescribeTableCommand({ TableName: app.tableName }));
    const client = new DynamoDBStreamsClient({ endpoint: inject('dynamoEndpoint'), ...LOCAL });
    const poller = new StreamPoller({
      client,
      streamArn: Table!.LatestStreamArn!,
      fn: 'event-relay',
      filter: OUTBOX_FILTER,
      onDiscarded: () => expect.fail('nothing may be given up on'),
      handler: async (event) => {
        seen.push(...event.Records.map((r) => r.dynamodb!.Keys!.sk!.S!));
        return makeHandler(() => ({
          log: silentLogger,
          events: {
            publish: async (events) => {
              if (refusals-- > 0) throw Object.assign(new Error('bus unavailable'), { name: 'ServiceUnavailable' });
              await real.events.publish(events);
            },
          },
        }))(event);
      },
    });
    try {
      await poller.drain();
      // Only new timeline entries reached the function: the filter kept policies, jobs and links out.
      expect(seen.length).toBeGreaterThan(0);
      for (const sk of seen) expect(sk.startsWith(keys.sortPrefix.event)).toBe(true);
      const published = log.events.map((e) => e.detail.eventId);
      expect(new Set(published)).toEqual(new Set(app.events.events.map((e) => e.detail.eventId)));
    } finally {
      await poller.stop();
      client.destroy();
      await bus.stop();
    }
  });

  it('sends a record that can never be published to the failure path after every retry, and goes on with the next', async () => {
    const logs: string[] = [];
    const before = await createPolicy();
    // A timeline entry that names no therapist cannot become an event, however often it is tried.
    const poisonPolicy = randomUUID();
    await app.dynamo.send(
      new PutItemCommand({
        TableName: app.tableName,
        Item: toItem({
          ...keys.event(poisonPolicy, app.clock.now().toISOString(), randomUUID()),
          policyId: poisonPolicy,
          event: { at: app.clock.now().toISOString(), type: 'paused' },
        }),
      }),
    );
    const relayed = new LocalEventLog();
    const bus = await startEventBridgeStandIn(relayed, 'afterword-poison');
    const relay = await startLocalRelay({
      dynamoEndpoint: inject('dynamoEndpoint'),
      tableName: app.tableName,
      bus,
      log: jsonLogger((line) => logs.push(line)),
    });
    try {
      await relay.drain();
      expect(relay.discarded).toHaveLength(1);
      const [batch] = relay.discarded as [DiscardedBatch];
      expect(batch).toMatchObject({ batchSize: 1, startSequenceNumber: batch.endSequenceNumber });
      // Tried once and then once per retry, each time found unreadable (by position, never by content).
      const unreadable = logs.filter((l) => l.includes('"events.unreadable"'));
      expect(unreadable).toHaveLength(STREAM_DELIVERY.retryAttempts + 1);
      for (const line of unreadable)
        expect(JSON.parse(line)).toMatchObject({ sequenceNumber: batch.startSequenceNumber });
      expect(logs.filter((l) => l.includes('"events.discarded"'))).toHaveLength(1);
      // What was written before and after it is published all the same.
      const after = await createPolicy();
      await relay.drain();
      expect(relay.discarded).toHaveLength(1);
      expect(relayed.forPolicy(before).map((e) => e.type)).toEqual(['policy.created']);
      expect(relayed.forPolicy(after).map((e) => e.type)).toEqual(['policy.created']);
    } finally {
      await relay.stop();
      await bus.stop();
    }
  });

  it('turns the stream on for a local table made before it existed', async () => {
    const tableName = `afterword-old-${randomUUID()}`;
    await app.dynamo.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
    await ensureTable(app.dynamo, tableName);
    const { Table } = await app.dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
  });
});
