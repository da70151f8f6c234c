/**
 * The Mailer port on Amazon SES v2. We use the v2 API because its "Simple" message takes
 * custom headers (List-Unsubscribe for one-click stop) without building raw MIME by hand,
 * and because the local emulator speaks the same API.
 */
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { MailSendError, type Mailer, type OutgoingEmail, type SendOptions } from '../../ports/mailer.js';
import { sendFailure } from './send-failure.js';

export interface SesMailerOptions {
  /** The service's own sender; the therapist's address is never used as From or Reply-To. */
  from: string;
  configurationSet?: string | undefined;
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

function command(email: OutgoingEmail, options: SesMailerOptions): SendEmailCommand {
  return new SendEmailCommand({
    FromEmailAddress: options.from,
    Destination: { ToAddresses: [email.to] },
    ...(email.replyTo ? { ReplyToAddresses: [email.replyTo] } : {}),
    ConfigurationSetName: options.configurationSet,
    EmailTags: email.tags?.map((t) => ({ Name: t.name, Value: t.value })),
    Content: {
      Simple: {
        Subject: { Data: oneLine(email.subject), Charset: 'UTF-8' },
        Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
        Headers: email.headers.map((h) => ({ Name: h.name, Value: oneLine(h.value) })),
      },
    },
  });
}

/**
 * Build the client with `sendRetryStrategy` (./send-failure.ts): the SDK's own retries would
 * otherwise repeat a request whose answer was lost, and SES would deliver it twice.
 */
export function sesMailer(client: SESv2Client, options: SesMailerOptions): Mailer {
  return {
    async send(email: OutgoingEmail, sendOptions: SendOptions = {}) {
      const { signal } = sendOptions;
      // Past the deadline already: nothing has been sent, so say so (not "unknown").
      if (signal?.aborted) throw new MailSendError('not-sent', 'unavailable', 'AbortedBeforeSending');
      try {
        const out = await client.send(command(email, options), signal ? { abortSignal: signal } : {});
        return { messageId: out.MessageId ?? '' };
      } catch (err) {
        throw sendFailure(err);
      }
    },
  };
}
