/**
 * The Mailer port on Amazon SES v2. We use the v2 API because its "Simple" message takes
 * custom headers (List-Unsubscribe for one-click stop) without building raw MIME by hand,
 * and because the local emulator speaks the same API.
 */
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from '../../ports/mailer.js';
import { asHeld } from './held-errors.js';

export interface SesMailerOptions {
  /** The service's own sender; the therapist's address is never used as From or Reply-To. */
  from: string;
  configurationSet?: string | undefined;
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

export function sesMailer(client: SESv2Client, options: SesMailerOptions): Mailer {
  return {
    async send(email: OutgoingEmail) {
      const out = await client
        .send(
          new SendEmailCommand({
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
          }),
        )
        .catch((err: unknown) => {
          throw asHeld(err);
        });
      return { messageId: out.MessageId ?? '' };
    },
  };
}
