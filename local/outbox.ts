/** The local outbox: what the SES emulator received, in the shape the spec promises. */
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

interface EmulatorEmail {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  headers?: { name: string; value: string }[];
  replyTo?: string[];
  at: number;
}

export async function readOutbox(sesEndpoint: string): Promise<OutboxEmail[]> {
  const res = await fetch(`${sesEndpoint}/store`);
  const { emails } = (await res.json()) as { emails: EmulatorEmail[] };
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
