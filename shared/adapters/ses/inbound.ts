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
    dmarcVerdict: verdict,
    virusVerdict: verdict,
  }),
  content: z.string(),
});

export type SesReceivedNotification = z.infer<typeof sesReceivedNotification>;

/**
 * Can the From address be trusted? DMARC checks that SPF or DKIM passed *for the From
 * domain*. A domain without a DMARC policy (GRAY) falls back to SPF or DKIM passing, which
 * is weaker; the 256-bit reply token is the other half of the check. Virus-flagged: never.
 */
function senderAuthenticated(r: SesReceivedNotification['receipt']): boolean {
  if (r.virusVerdict?.status === 'FAIL') return false;
  const status = (v: { status: string } | undefined) => v?.status;
  if (status(r.dmarcVerdict) === 'PASS') return true;
  if (status(r.dmarcVerdict) === 'FAIL') return false;
  return status(r.spfVerdict) === 'PASS' || status(r.dkimVerdict) === 'PASS';
}

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
export async function readInbound(
  n: SesReceivedNotification,
  encoding: 'UTF-8' | 'Base64' = 'Base64',
): Promise<InboundUpdate> {
  const message = await parseMessage(encoding === 'Base64' ? Buffer.from(n.content, 'base64') : n.content);
  return {
    recipients: n.receipt.recipients,
    from: message.from,
    text: message.text,
    messageId: message.messageId ?? n.mail.messageId,
    authenticated: senderAuthenticated(n.receipt),
  };
}
