/**
 * A local HTTP proxy in front of the SES emulator that misbehaves on request: slow, failing,
 * hanging, dropping, or accepting an email and losing the answer. Point the service's SES
 * clients at it (SES_ENDPOINT) to see what a request and the dispatcher do when SES does that.
 * Tests drive it in-process; `SES_FAULTS=<fault> npm start` puts it in front of the emulator
 * with a control route (POST /local/ses-faults).
 *
 * Only sending (POST /v2/email/outbound-emails) meets the faults unless `faultAll` is set;
 * everything else (GetAccount, the emulator's own store) passes through.
 */
import { randomUUID } from 'node:crypto';
import {
  createServer,
  request as forwardRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeFault, type FaultControl, type SesFault } from './ses-faults.js';

export interface SesFaultProxyOptions {
  /** The emulator's endpoint, e.g. http://127.0.0.1:8005. */
  target: string;
  port?: number;
  /** The fault that stands until changed (default: pass). */
  fault?: SesFault;
  /** Fault every request, not only sending. */
  faultAll?: boolean;
}

export interface SesFaultProxyState {
  endpoint: string;
  standing: string;
  /** Faults waiting for the next sending requests, in order. */
  queued: string[];
  down: boolean;
  /** Sending requests seen so far (any fault, including pass). */
  sends: number;
}

export interface SesFaultProxy {
  readonly endpoint: string;
  /** Until changed: every sending request meets this fault. */
  set(fault: SesFault): void;
  /** Only the next `times` sending requests meet this fault, then the standing one again. */
  next(fault: SesFault, times?: number): void;
  /** Connections refused, as when SES cannot be reached at all, until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Answer GetAccount with this instead of the emulator's (undefined: pass it through again). */
  account(account: object | undefined): void;
  /** The control route's work: a setting from `parseControl` (ses-faults.ts). */
  apply(control: FaultControl): Promise<SesFaultProxyState>;
  state(): SesFaultProxyState;
  close(): Promise<void>;
}

const SENDING = /^\/v2\/email\/outbound-emails\/?(\?|$)/;

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** SES v2's REST JSON error shape: the SDK reads the type from x-amzn-errortype. */
function answerError(res: ServerResponse, status: number, errorType: string) {
  const body = JSON.stringify({ message: `Fault injected by the local SES proxy: ${errorType}` });
  res.writeHead(status, {
    'content-type': 'application/json',
    'x-amzn-errortype': errorType,
    'x-amzn-requestid': randomUUID(),
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

/** Sends the request on to the emulator; resolves with its whole answer. */
function forward(target: URL, req: IncomingMessage, body: Buffer) {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
    const out = forwardRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        readAll(answer).then(
          (data) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: data }),
          reject,
        );
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

async function passOn(target: URL, req: IncomingMessage, res: ServerResponse, body: Buffer, lose: boolean) {
  let answer;
  try {
    answer = await forward(target, req, body);
  } catch {
    // The emulator itself is unreachable: say so the way a gateway would (nothing was sent).
    return answerError(res, 502, 'BadGateway');
  }
  // The emulator has the email; the caller never hears about it.
  if (lose) return void req.socket.destroy();
  // The body is whole by now: its length replaces the emulator's framing headers.
  const framing = new Set(['connection', 'keep-alive', 'transfer-encoding']);
  const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !framing.has(name)));
  res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
  res.end(answer.body);
}

async function play(fault: SesFault, target: URL, req: IncomingMessage, res: ServerResponse, body: Buffer) {
  switch (fault.kind) {
    case 'pass':
      return passOn(target, req, res, body, false);
    case 'delay':
      await sleep(fault.ms);
      return passOn(target, req, res, body, false);
    case 'fail':
      return answerError(res, fault.status, fault.errorType);
    case 'hang':
      return; // the socket stays open until the caller gives up or the proxy closes
    case 'drop':
      return void req.socket.destroy();
    case 'lose':
      return passOn(target, req, res, body, true);
  }
}

/** Listening on loopback that can stop (down) and start again on the same port (up). */
function listening(server: Server) {
  return {
    listen: (port: number) =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      }),
    stopListening: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging requests and idle keep-alive connections too: down means nothing answers.
        server.closeAllConnections();
      }),
  };
}

export async function startSesFaultProxy(options: SesFaultProxyOptions): Promise<SesFaultProxy> {
  const target = new URL(options.target);
  let standing: SesFault = options.fault ?? { kind: 'pass' };
  const queued: SesFault[] = [];
  let accountOverride: string | undefined;
  let isDown = false;
  let sends = 0;

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const faulted = options.faultAll || (req.method === 'POST' && SENDING.test(req.url ?? ''));
      if (accountOverride && req.method === 'GET' && req.url?.startsWith('/v2/email/account')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(accountOverride);
      }
      if (!faulted) return passOn(target, req, res, body, false);
      sends += 1;
      await play(queued.shift() ?? standing, target, req, res, body);
    })().catch(() => req.socket.destroy());
  });
  const { listen, stopListening } = listening(server);
  await listen(options.port ?? 0);
  const address = server.address();
  // Down and up again on the same port, so the clients' endpoint stays right.
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const endpoint = `http://127.0.0.1:${port}`;

  const proxy: SesFaultProxy = {
    endpoint,
    set(fault) {
      standing = fault;
      queued.length = 0;
    },
    next(fault, times = 1) {
      for (let i = 0; i < times; i += 1) queued.push(fault);
    },
    async down() {
      if (isDown) return;
      isDown = true;
      await stopListening();
    },
    async up() {
      if (!isDown) return;
      await listen(port);
      isDown = false;
    },
    account(account) {
      accountOverride = account ? JSON.stringify(account) : undefined;
    },
    async apply({ setting, times }) {
      if (setting.kind === 'down') await proxy.down();
      else {
        await proxy.up();
        if (times) proxy.next(setting, times);
        else proxy.set(setting);
      }
      return proxy.state();
    },
    state: () => ({
      endpoint,
      standing: describeFault(standing),
      queued: queued.map(describeFault),
      down: isDown,
      sends,
    }),
    close: async () => (isDown ? undefined : stopListening()),
  };
  return proxy;
}
