/**
 * The local outbox page stays one screenful of recent mail however long the session (or the
 * test run sharing one emulator) has been: a page with every email ever sent grew past what a
 * browser will draw.
 */
import { describe, expect, it } from 'vitest';
import type { OutboxEmail } from '../../local/outbox.js';
import { OUTBOX_PAGE, outboxPage } from '../../local/pages.js';

const email = (n: number, to = `client${n}@example.org`): OutboxEmail => ({
  to: [to],
  from: 'Afterword <no-reply@example.org>',
  subject: `Subject ${n}`,
  text: `Body ${n} https://afterword.example/c/link${n}`,
  html: '',
  headers: {},
  replyTo: [],
  sentAt: `2026-11-20T15:00:${String(n % 60).padStart(2, '0')}Z`,
});

const articles = (html: string) => html.match(/<article>/g)?.length ?? 0;

describe('local outbox page', () => {
  it('shows the newest emails first, at most a page of them, and says how many it left out', () => {
    const html = outboxPage(Array.from({ length: 300 }, (_, i) => email(i)));
    expect(articles(html)).toBe(OUTBOX_PAGE.emails);
    expect(html.indexOf('Subject 299')).toBeLessThan(html.indexOf('Subject 298'));
    expect(html).not.toContain('Subject 274<');
    expect(html).toContain(`The newest ${OUTBOX_PAGE.emails} of 300 emails`);
  });

  it('shows only the mail to an address when asked, ignoring case', () => {
    const emails = [email(1, 'alexis@example.org'), email(2), email(3, 'Alexis@Example.org')];
    const html = outboxPage(emails, [], 'ALEXIS@');
    expect(articles(html)).toBe(2);
    expect(html).toContain('Subject 3');
    expect(html).not.toContain('Subject 2<');
    expect(html).toContain('(2 of 3 in all)');
    expect(html).toContain('value="ALEXIS@"');
  });

  it('says so when nothing went to that address, and escapes what was typed', () => {
    const html = outboxPage([email(1)], [], '<b>x');
    expect(articles(html)).toBe(0);
    expect(html).toContain('Nothing has been sent to that address yet.');
    expect(html).not.toContain('<b>x');
  });

  it('links the client links in the text so they can be opened', () => {
    expect(outboxPage([email(7)])).toContain('<a href="https://afterword.example/c/link7">');
  });

  it('keeps the events to the latest ones too', () => {
    const events = Array.from({ length: 120 }, (_, i) => ({
      type: 'update.accepted' as const,
      detail: {
        version: 1 as const,
        policyId: '6f1c1f7e-3b7a-4d0e-9a55-0d6f0c1a2b3c',
        therapistId: 't-1',
        occurredAt: '2026-11-20T15:00:00Z',
        seq: i + 1,
      },
      publishedAt: '2026-11-20T15:00:00Z',
    }));
    const html = outboxPage([], events);
    expect(html).toContain(`(the latest ${OUTBOX_PAGE.events} of 120)`);
    expect(html).toContain('&quot;seq&quot;:120}');
    expect(html).not.toContain('&quot;seq&quot;:70}');
  });
});
