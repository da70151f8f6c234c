/**
 * A stand-in for EventBridge's PutEvents, on loopback, so local mode and the tests run the
 * real EventBridge adapter and SDK client (the same request the deployed functions send).
 * Each entry is checked against the domain event contract, then kept in the local event log
 * shown at /local/events. An entry that breaks the contract is refused, as a failed entry.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import * as z from 'zod/mini';
import type { LocalEventLog } from '../shared/adapters/local/event-log.js';
import { checkedDomainEvent, EVENT_SOURCE, isDomainEventType, type DomainEvent } from '../shared/domain/events.js';
import { listenOnLoopback } from './loopback.js';

const putEvents = z.object({
  Entries: z
    .array(z.object({ EventBusName: z.string(), Source: z.string(), DetailType: z.string(), Detail: z.string() }))
    .check(z.minLength(1), z.maxLength(10)),
});

function toDomainEvent(entry: z.infer<typeof putEvents>['Entries'][number], busName: string): DomainEvent | string {
  if (entry.EventBusName !== busName) return 'ResourceNotFoundException';
  if (entry.Source !== EVENT_SOURCE) return 'InvalidSource';
  const type = entry.DetailType;
  if (!isDomainEventType(type)) return 'UnknownDetailType';
  let detail: unknown;
  try {
    detail = JSON.parse(entry.Detail);
  } catch {
    return 'MalformedDetail';
  }
  return checkedDomainEvent(type, detail) ?? 'InvalidDetail';
}

export interface RunningEventBridge {
  endpoint: string;
  busName: string;
  stop(): Promise<void>;
}

export async function startEventBridgeStandIn(
  log: LocalEventLog,
  busName = 'afterword-local-events',
): Promise<RunningEventBridge> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const reply = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(value));
      };
      if (req.headers['x-amz-target'] !== 'AWSEvents.PutEvents')
        return reply(400, { __type: 'UnknownOperationException' });
      let parsed;
      try {
        parsed = putEvents.safeParse(JSON.parse(body));
      } catch {
        parsed = undefined;
      }
      if (!parsed?.success)
        return reply(400, { __type: 'ValidationException', message: 'Malformed PutEvents request' });
      const results = parsed.data.Entries.map((entry) => toDomainEvent(entry, busName));
      const accepted = results.filter((r): r is DomainEvent => typeof r !== 'string');
      void log.publish(accepted);
      reply(200, {
        FailedEntryCount: results.length - accepted.length,
        Entries: results.map((r) =>
          typeof r === 'string' ? { ErrorCode: r, ErrorMessage: `Refused: ${r}` } : { EventId: randomUUID() },
        ),
      });
    });
  });
  const port = await listenOnLoopback(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    busName,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
