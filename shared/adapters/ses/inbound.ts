/**
 * Mail SES received, as its SNS action publishes it (with the raw message as content):
 * validated with zod, then the MIME message parsed with postal-mime (small, no dependencies).
 */
import PostalMime from 'postal-mime';
import * as z from 'zod/mini';
import type { InboundUpdate } from '../../use-cases/receive-email.js';

const verdict = z.optional(z.object({ status: z.string() }));

export const sesReceivedNotification = z.object({
  notificationType: z.literal('Received'),
  mail: z.object({ messageId: z.string() }),
  receipt: z.object({
    recipients: z.array(z.string()),
    spfVerdict: verdict,
    dkimVerdict: verdict,
    virusVerdict: verdict,
  }),
  content: z.string(),
});

export type SesReceivedNotification = z.infer<typeof sesReceivedNotification>;

/** A raw MIME message: who it is from and to, its plain-text words, its Message-ID. */
export async function parseMessage(raw: string | Uint8Array) {
  const email = await PostalMime.parse(raw);
  return {
    from: email.from?.address ?? null,
    to: (email.to ?? []).flatMap((a) => ('address' in a && a.address ? [a.address] : [])),
    text: email.text ?? '',
    messageId: email.messageId ?? null,
  };
}

/** Parses the message; `encoding` is how the SNS action was told to encode the content. */
export async function readInbound(n: SesReceivedNotification, encoding: 'UTF-8' | 'Base64' = 'Base64'): Promise<InboundUpdate> {
  const message = await parseMessage(encoding === 'Base64' ? Buffer.from(n.content, 'base64') : n.content);
  const passes = (v: { status: string } | undefined) => v?.status === 'PASS';
  return {
    recipients: n.receipt.recipients,
    from: message.from,
    text: message.text,
    messageId: message.messageId ?? n.mail.messageId,
    authenticated: (passes(n.receipt.spfVerdict) || passes(n.receipt.dkimVerdict)) && n.receipt.virusVerdict?.status !== 'FAIL',
  };
}
