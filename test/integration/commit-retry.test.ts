/**
 * A commit whose answer is lost (a timeout after DynamoDB applied it) is repeated by the SDK.
 * The SDK fills TransactWriteItems' ClientRequestToken itself (an idempotency token in the
 * API model) and repeats the very same request, so DynamoDB answers the repeat with success
 * instead of a failed condition: the change is not decided (or applied) a second time.
 */
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { DynamoStore } from '../../shared/adapters/dynamodb/dynamo-store.js';
import { systemClock } from '../../shared/adapters/system/clock.js';
import { cryptoIds } from '../../shared/adapters/system/ids.js';
import { makePolicy } from '../support/policy-factory.js';

/** A DynamoDB client whose first TransactWriteItems reaches DynamoDB but whose answer is "lost". */
function clientLosingFirstCommitAnswer() {
  const client = new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
  let lost = 0;
  const tokens: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const body = (args.request as { body?: unknown }).body;
      if (context.commandName === 'TransactWriteItemsCommand')
        tokens.push(
          String(
            JSON.parse(typeof body === 'string' ? body : Buffer.from(body as Uint8Array).toString()).ClientRequestToken,
          ),
        );
      return next(args);
    },
    { step: 'deserialize', name: 'seeTokens', priority: 'low' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'TransactWriteItemsCommand' && lost === 0) {
        lost += 1;
        // What the SDK sees when a socket times out after the request was sent: a transient error it retries.
        throw Object.assign(new Error('answer lost'), { name: 'TimeoutError', $metadata: {} });
      }
      return result;
    },
    { step: 'deserialize', name: 'loseFirstCommitAnswer' },
  );
  return { client, lostAnswers: () => lost, tokens };
}

describe('a commit whose answer was lost', () => {
  it('is repeated by the SDK and succeeds once: no conflict, one policy, one update', async () => {
    const { client, lostAnswers, tokens } = clientLosingFirstCommitAnswer();
    const tableName = `afterword-${randomUUID()}`;
    await ensureTable(client, tableName);
    const store = new DynamoStore(client, tableName, { clock: systemClock, ids: cryptoIds });
    const policy = makePolicy({ id: `pol_${randomUUID().slice(0, 8)}` });
    await expect(
      store.commit({
        at: new Date().toISOString(),
        policy,
        expectedVersion: null,
        addUpdate: { seq: 1, text: 'hello', characters: 5, sentOn: '2026-11-22', receivedAt: new Date().toISOString() },
      }),
    ).resolves.toEqual([]);
    expect(lostAnswers()).toBe(1);
    // Sent twice, with one and the same token.
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toMatch(/^[\w-]{16,}$/);
    expect(tokens[1]).toBe(tokens[0]);
    const items = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `POLICY#${policy.id}` } },
      }),
    );
    expect((items.Items ?? []).map((i) => i.sk?.S).sort()).toEqual(['POLICY', 'UPDATE#0001']);
    expect((await store.getPolicy(policy.id))?.version).toBe(policy.version);
    client.destroy();
  });
});
