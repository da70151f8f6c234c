/**
 * The SES mailer as the functions build it (functions/aws-deps.ts: timeouts, retries), sending
 * through the fault proxy to the SES emulator. Each way SES can fail is reported as "not sent"
 * or "outcome unknown", and the SDK repeats only what certainly did not send: a lost answer is
 * never retried behind the caller's back (that would be a second copy of the email).
 */
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildDeps } from '../../functions/aws-deps.js';
import { REQUEST_LIMITS, type AwsCallLimits } from '../../functions/call-limits.js';
import { readOutbox } from '../../local/outbox.js';
import { startSesFaultProxy, type SesFaultProxy } from '../../local/ses-fault-proxy.js';
import { LOCAL_MAX_SEND_RATE, localSesAccount, sesSendingEndpoint } from '../../local/services.js';
import { FAULTS, parseFault } from '../../local/ses-faults.js';
import { jsonLogger } from '../../shared/adapters/system/logger.js';
import { MailSendError, type Mailer, type OutgoingEmail } from '../../shared/ports/mailer.js';
import { MailHeldError } from '../../shared/ports/sending.js';
import { uniqueEmail } from '../support/harness.js';

let proxy: SesFaultProxy;

function mailerWith(limits: AwsCallLimits = REQUEST_LIMITS): Mailer {
  return buildDeps(
    { TABLE_NAME: 'not-used', MAIL_FROM: 'Afterword <no-reply@afterword.test>', SES_ENDPOINT: proxy.endpoint },
    { log: jsonLogger(() => {}) },
    { limits },
  ).mailer;
}

const email = (to: string): OutgoingEmail => ({
  to,
  subject: 'Hello',
  text: 'Hello',
  html: '<p>Hello</p>',
  headers: [],
});
const received = async (to: string) => (await readOutbox(inject('sesEndpoint'))).filter((m) => m.to.includes(to));

async function thrown(send: Promise<unknown>): Promise<unknown> {
  return send.then(
    () => new Error('sent, but a failure was expected'),
    (e: unknown) => e,
  );
}

async function failure(send: Promise<unknown>): Promise<MailSendError> {
  const err = await thrown(send);
  if (!(err instanceof MailSendError)) throw err;
  return err;
}

beforeAll(async () => {
  proxy = await startSesFaultProxy({ target: inject('sesSendEndpoint') });
});
afterAll(() => proxy.close());
beforeEach(async () => {
  await proxy.up();
  proxy.set(FAULTS.pass);
});

describe('the SES mailer behind the fault proxy', () => {
  it('sends through the proxy when SES is well, with the message id SES gave', async () => {
    const to = uniqueEmail('well');
    const { messageId } = await mailerWith().send(email(to));
    expect(messageId).not.toBe('');
    expect(await received(to)).toHaveLength(1);
  });

  it.each([
    ['internal-failure', 'unavailable', 'InternalFailure'],
    ['fail:503:ServiceUnavailable', 'unavailable', 'ServiceUnavailable'],
    ['fail:400:MessageRejected', 'rejected', 'MessageRejected'],
  ] as const)('reports %s as not sent (%s, %s)', async (spec, reason, code) => {
    proxy.set(parseFault(spec));
    const to = uniqueEmail('refused');
    const err = await failure(mailerWith().send(email(to)));
    expect(err).toMatchObject({ outcome: 'not-sent', reason, code });
    expect(await received(to)).toHaveLength(0);
  });

  it.each([
    ['throttled', 'throttled'],
    ['limit-exceeded', 'throttled'],
    ['paused', 'paused'],
  ] as const)("reports SES's %s as held (%s): not sent, and not a failed try", async (spec, reason) => {
    proxy.set(FAULTS[spec]);
    const to = uniqueEmail('held');
    const err = await thrown(mailerWith().send(email(to)));
    expect(err).toBeInstanceOf(MailHeldError);
    expect(err).toMatchObject({ reason });
    expect(await received(to)).toHaveLength(0);
  });

  it('retries an answered failure, so one 500 costs a moment, not the email', async () => {
    proxy.next(FAULTS['internal-failure']);
    const before = proxy.state().sends;
    const to = uniqueEmail('retried');
    await mailerWith().send(email(to));
    expect(proxy.state().sends - before).toBe(REQUEST_LIMITS.ses.attempts);
    expect(await received(to)).toHaveLength(1);
  });

  it('reports SES being unreachable (connection refused) as not sent', async () => {
    await proxy.down();
    const err = await failure(mailerWith().send(email(uniqueEmail('down'))));
    expect(err).toMatchObject({ outcome: 'not-sent', reason: 'unavailable', code: 'ECONNREFUSED' });
  });

  it('reports a dropped connection as outcome unknown, and does not send it again', async () => {
    proxy.set(FAULTS.drop);
    const before = proxy.state().sends;
    const err = await failure(mailerWith().send(email(uniqueEmail('dropped'))));
    expect(err).toMatchObject({ outcome: 'unknown', reason: 'unanswered' });
    expect(proxy.state().sends - before).toBe(1);
  });

  it('reports an accepted email whose answer was lost as outcome unknown: it arrived, once', async () => {
    proxy.set(FAULTS.lose);
    const to = uniqueEmail('lost-answer');
    const err = await failure(mailerWith().send(email(to)));
    expect(err).toMatchObject({ outcome: 'unknown', reason: 'unanswered' });
    expect(await received(to)).toHaveLength(1);
  });

  it('gives up on a hanging SES after its request timeout, outcome unknown, without retrying', async () => {
    proxy.set(FAULTS.hang);
    const before = proxy.state().sends;
    const short = { ...REQUEST_LIMITS, ses: { connectMs: 200, requestMs: 400, attempts: 3 } };
    const started = Date.now();
    const err = await failure(mailerWith(short).send(email(uniqueEmail('hung'))));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(err).toMatchObject({ outcome: 'unknown', code: 'ETIMEDOUT' });
    expect(proxy.state().sends - before).toBe(1);
  });

  it("stops at the caller's deadline (abort signal), outcome unknown", async () => {
    proxy.set(FAULTS.hang);
    const started = Date.now();
    const err = await failure(mailerWith().send(email(uniqueEmail('deadline')), { signal: AbortSignal.timeout(300) }));
    expect(Date.now() - started).toBeLessThan(REQUEST_LIMITS.ses.requestMs);
    expect(err).toMatchObject({ outcome: 'unknown', code: 'AbortError' });
  });

  it('does not start a send whose deadline has passed, and says nothing was sent', async () => {
    const before = proxy.state().sends;
    const err = await failure(mailerWith().send(email(uniqueEmail('late')), { signal: AbortSignal.abort() }));
    expect(err).toMatchObject({ outcome: 'not-sent', code: 'AbortedBeforeSending' });
    expect(proxy.state().sends).toBe(before);
  });

  it('waits out a slow SES within the limits', async () => {
    proxy.set(parseFault('delay:300'));
    const to = uniqueEmail('slow');
    const started = Date.now();
    await mailerWith().send(email(to));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await received(to)).toHaveLength(1);
  });
});

describe('GetAccount through the proxy', () => {
  const client = () =>
    new SESv2Client({
      region: 'local',
      endpoint: proxy.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

  it("passes through to the emulator's local account, even while sending fails", async () => {
    proxy.set(FAULTS['internal-failure']);
    const account = await client().send(new GetAccountCommand({}));
    expect(account.SendQuota?.MaxSendRate).toBe(LOCAL_MAX_SEND_RATE);
    expect(account.SendingEnabled).toBe(true);
  });

  it('answers with another account when told to (a paused one, say)', async () => {
    proxy.account({ ...JSON.parse(localSesAccount()), SendingEnabled: false, EnforcementStatus: 'PROBATION' });
    try {
      const account = await client().send(new GetAccountCommand({}));
      expect(account).toMatchObject({ SendingEnabled: false, EnforcementStatus: 'PROBATION' });
    } finally {
      proxy.account(undefined);
    }
  });
});

describe('SES_ENDPOINT (npm start and the tests read it the same way)', () => {
  const emulator = 'http://127.0.0.1:8005';

  it('is where every SES client sends when set, and the emulator otherwise', () => {
    expect(sesSendingEndpoint(emulator, {})).toBe(emulator);
    expect(sesSendingEndpoint(emulator, { SES_ENDPOINT: ' ' })).toBe(emulator);
    expect(sesSendingEndpoint(emulator, { SES_ENDPOINT: 'http://127.0.0.1:4599/' })).toBe('http://127.0.0.1:4599');
  });

  it('says plainly when it is not an http(s) URL', () => {
    for (const wrong of ['localhost:4599', 'not a url', 'ftp://127.0.0.1:21'])
      expect(() => sesSendingEndpoint(emulator, { SES_ENDPOINT: wrong })).toThrow(/SES_ENDPOINT must be an http/);
  });
});
