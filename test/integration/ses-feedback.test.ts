/**
 * SES bounce and complaint events (realistic records as SES publishes them to SNS) reach
 * the feedback handler, which stops all mail to the address and tells the therapist why.
 */
import type { SNSEvent } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler } from '../../functions/ses-feedback.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

function snsEvent(fixture: string, policyId: string, address: string): SNSEvent {
  const message = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ses', fixture), 'utf8')
    .replaceAll('POLICY_ID', policyId)
    .replaceAll('CLIENT_ADDRESS', address);
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:us-east-1:123456789012:SesFeedback:1',
        Sns: {
          Type: 'Notification',
          MessageId: 'b2a1c7f0-0000-4000-8000-000000000001',
          TopicArn: 'arn:aws:sns:us-east-1:123456789012:SesFeedback',
          Subject: null as unknown as string,
          Message: message,
          Timestamp: '2026-11-21T10:41:03.000Z',
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.us-east-1.amazonaws.com/cert.pem',
          UnsubscribeUrl: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

describe('SES bounce and complaint handling', () => {
  let app: App;
  let token: string;
  let handle: (event: SNSEvent) => ReturnType<ReturnType<typeof makeHandler>>;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(uniqueEmail('dr.feedback'), 'Dr. Feedback');
    handle = (event: SNSEvent) => app.as('ses-feedback', () => makeHandler(() => app.deps)(event));
  });
  afterAll(() => app.close());

  async function acceptedPolicy() {
    const client = uniqueEmail('client');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Rae', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    await app.request('POST', `/client/${await app.linkFor(client)}/accept`);
    return { id: created.json.id as string, client };
  }

  it('suppresses the client address on a permanent bounce, shows why, and sends the client nothing more', async () => {
    const { id, client } = await acceptedPolicy();
    expect(await handle(snsEvent('bounce-permanent.json', id, client))).toEqual({ outcomes: ['suppressed'] });
    const detail = await app.request('GET', `/policies/${id}`, { token });
    expect(detail.json.clientEmailSuppressed).toBe(true);
    expect(detail.json.history.at(-1)).toMatchObject({ type: 'client-email-suppressed', data: { kind: 'bounce' } });
    const before = (await app.mailTo(client)).length;
    app.clock.set(new Date('2027-02-13T14:00:30Z'));
    await app.dispatch();
    app.clock.set(new Date('2026-11-20T15:00:00Z'));
    expect(await app.mailTo(client)).toHaveLength(before);
  });

  it('ignores a late bounce from an address the therapist has since corrected, and keeps sending to the right one', async () => {
    const wrong = uniqueEmail('typo');
    const right = uniqueEmail('client');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Rae', email: wrong }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    const id = created.json.id as string;
    await app.request('PATCH', `/policies/${id}`, { token, body: { client: { email: right } } });
    // The bounce of the first invitation (sent to address generation 1) arrives after the correction.
    const late = JSON.parse(JSON.stringify(snsEvent('bounce-permanent.json', id, wrong)));
    const message = JSON.parse(late.Records[0].Sns.Message);
    message.mail.tags.address = ['1'];
    late.Records[0].Sns.Message = JSON.stringify(message);
    expect(await handle(late)).toEqual({ outcomes: ['ignored'] });
    expect((await app.request('GET', `/policies/${id}`, { token })).json.clientEmailSuppressed).toBe(false);
    // A bounce from the corrected address itself still stops mail to it.
    message.mail.tags.address = ['2'];
    late.Records[0].Sns.Message = JSON.stringify(message);
    expect(await handle(late)).toEqual({ outcomes: ['suppressed'] });
  });

  it('suppresses on a complaint', async () => {
    const { id, client } = await acceptedPolicy();
    expect(await handle(snsEvent('complaint.json', id, client))).toEqual({ outcomes: ['suppressed'] });
  });

  it('ignores a transient bounce (a full mailbox today is not a dead address)', async () => {
    const { id, client } = await acceptedPolicy();
    expect(await handle(snsEvent('bounce-transient.json', id, client))).toEqual({ outcomes: ['ignored'] });
    expect((await app.request('GET', `/policies/${id}`, { token })).json.clientEmailSuppressed).toBe(false);
  });

  it('skips an unreadable record without failing the batch, and logs no address', async () => {
    const { id, client } = await acceptedPolicy();
    const event = snsEvent('complaint.json', id, client);
    event.Records.unshift({ ...event.Records[0]!, Sns: { ...event.Records[0]!.Sns, Message: '{"not":"ses"}' } });
    expect(await handle(event)).toEqual({ outcomes: ['unreadable', 'suppressed'] });
    expect(app.logs.join('\n')).not.toContain(client);
  });
});
