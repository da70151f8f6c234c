/** The local outbox: what the SES emulator received, in the shape the spec promises. */
import * as z from 'zod/mini';

export interface OutboxEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  /** The service's reply address, when replies count as updates (never the therapist's). */
  replyTo: string[];
  sentAt: string;
}

/** What the emulator's /store answers, read as far as the outbox needs it. */
const emulatorStore = z.object({
  emails: z.array(
    z.object({
      from: z.string(),
      destination: z.object({ to: z.array(z.string()) }),
      subject: z.string(),
      body: z.object({ text: z.optional(z.string()), html: z.optional(z.string()) }),
      headers: z.optional(z.array(z.object({ name: z.string(), value: z.string() }))),
      replyTo: z.optional(z.array(z.string())),
      at: z.number(),
    }),
  ),
});

export async function readOutbox(sesEndpoint: string): Promise<OutboxEmail[]> {
  const res = await fetch(`${sesEndpoint}/store`);
  const { emails } = emulatorStore.parse(await res.json());
  return emails.map((e) => ({
    to: e.destination.to,
    from: e.from,
    subject: e.subject,
    text: e.body.text ?? '',
    html: e.body.html ?? '',
    headers: Object.fromEntries((e.headers ?? []).map((h) => [h.name, h.value])),
    replyTo: e.replyTo ?? [],
    sentAt: new Date(e.at * 1000).toISOString(),
  }));
}

export async function clearOutbox(sesEndpoint: string): Promise<void> {
  await fetch(`${sesEndpoint}/clear-store`, { method: 'POST' });
}
