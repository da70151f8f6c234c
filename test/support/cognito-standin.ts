/**
 * A stand-in for the Cognito user pool API, for the commands a practice admin's directory
 * sends (shared/adapters/cognito/cognito-directory.ts), spoken over HTTP in Cognito's own
 * protocol (AWS JSON 1.1: POST /, `X-Amz-Target: AWSCognitoIdentityProviderService.<Command>`,
 * errors as `{"__type": …}`), so the real SDK client signs, serializes, retries and parses
 * exactly as it does against AWS; only the answers are ours. cognito-local (the ops test's
 * emulator) lacks AdminUserGlobalSignOut, which removing a therapist needs.
 *
 * It answers as a pool whose username attribute is the email address: an account is found by
 * its address or its `sub`, a second create of the same address is UsernameExistsException,
 * and only the groups the pool has exist. Every request it received is kept, in order.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInUser {
  sub: string;
  attributes: Record<string, string>;
  enabled: boolean;
  status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
  groups: Set<string>;
  signedOutAt?: number;
}

export interface CognitoStandIn {
  endpoint: string;
  poolId: string;
  /** Every request, in order: the command and its input as sent. */
  requests: { command: string; input: Record<string, unknown>; signed: boolean }[];
  users: Map<string, StandInUser>;
  stop(): Promise<void>;
}

class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

type Input = Record<string, unknown>;

const asAttributes = (list: unknown) =>
  Object.fromEntries(((list as { Name: string; Value: string }[] | undefined) ?? []).map((a) => [a.Name, a.Value]));
const asList = (attributes: Record<string, string>) =>
  Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));

export async function startCognitoStandIn(options: { groups?: string[] } = {}): Promise<CognitoStandIn> {
  const poolId = `local_${randomUUID().replace(/-/g, '').slice(0, 9)}`;
  const groups = new Set(options.groups ?? ['admin']);
  const users = new Map<string, StandInUser>();
  const requests: CognitoStandIn['requests'] = [];

  const find = (username: unknown) => {
    const key = String(username).toLowerCase();
    const user = users.get(key) ?? [...users.values()].find((u) => u.sub === key);
    if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    return user;
  };
  const describe = (u: StandInUser) => ({
    Username: u.sub,
    Enabled: u.enabled,
    UserStatus: u.status,
    UserCreateDate: 1796200000,
  });

  const commands: Record<string, (input: Input) => unknown> = {
    AdminCreateUser(input) {
      const email = String(input.Username).toLowerCase();
      if (!email.includes('@')) throw new CognitoError('InvalidParameterException', 'Username should be an email.');
      if (users.has(email))
        throw new CognitoError('UsernameExistsException', 'An account with the given email already exists.');
      const sub = randomUUID();
      const user: StandInUser = {
        sub,
        attributes: { sub, ...asAttributes(input.UserAttributes) },
        enabled: true,
        status: 'FORCE_CHANGE_PASSWORD',
        groups: new Set(),
      };
      users.set(email, user);
      return { User: { ...describe(user), Attributes: asList(user.attributes) } };
    },
    AdminGetUser: (input) => {
      const user = find(input.Username);
      return { ...describe(user), UserAttributes: asList(user.attributes) };
    },
    AdminAddUserToGroup(input) {
      if (!groups.has(String(input.GroupName))) throw new CognitoError('ResourceNotFoundException', 'Group not found.');
      find(input.Username).groups.add(String(input.GroupName));
      return {};
    },
    AdminDisableUser(input) {
      find(input.Username).enabled = false;
      return {};
    },
    AdminUserGlobalSignOut(input) {
      find(input.Username).signedOutAt = Date.now();
      return {};
    },
  };

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const command = target.replace(/^AWSCognitoIdentityProviderService\./, '');
    const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Input;
    requests.push({ command, input, signed: String(req.headers.authorization).startsWith('AWS4-HMAC-SHA256') });
    const run = commands[command];
    if (req.method !== 'POST' || !target.startsWith('AWSCognitoIdentityProviderService.') || !run)
      return answer(res, 400, { __type: 'UnknownOperationException', message: `Not served here: ${target}` });
    try {
      if (input.UserPoolId !== poolId) throw new CognitoError('ResourceNotFoundException', 'User pool does not exist.');
      answer(res, 200, run(input));
    } catch (err) {
      if (!(err instanceof CognitoError)) throw err;
      answer(res, 400, { __type: err.type, message: err.message });
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    poolId,
    requests,
    users,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
