/**
 * Keeping promises from the portal, in real headless Chromium: the therapist replies under
 * the client's messages (the form, the reply shown, a refusal kept in the form with the
 * words), sees why there is no reply when the client was told there would be none, and
 * pauses with an end date and a note (asked first, the service's answer beside the date,
 * then the page says until when). axe-core checks every state; each is saved at both widths.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openContext, screenshotBoth, seriousViolations } from '../support/browser.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Real browsers on a shared two-core CI machine: generous time, no retries.
describe('keeping promises from the portal', { timeout: 120_000 }, () => {
  let app: App;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(uniqueEmail('dr.reyes'), 'Dr. Elena Reyes');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** An accepted arrangement with Sam, who has sent these updates. */
  async function withUpdates(texts: string[], rules: Record<string, unknown> = {}) {
    const client = uniqueEmail('sam');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Sam Rivera', email: client }, endedOn: '2026-11-20', ...rules },
    });
    expect(created.status).toBe(201);
    const link = await app.linkFor(client);
    expect((await app.request('POST', `/client/${link}/accept`)).status).toBe(200);
    for (const text of texts)
      expect((await app.request('POST', `/client/${link}/updates`, { body: { text } })).status).toBe(201);
    return { id: created.json.id as string, client, link };
  }

  async function openPolicy(id: string, viewport: 'phone' | 'desktop' = 'desktop') {
    const opened = await openContext(browser, viewport);
    await opened.page.goto(`${app.baseUrl}/portal#token=${encodeURIComponent(token)}`);
    await opened.page.getByRole('link', { name: 'Arrangements' }).waitFor(); // signed in
    await opened.page.goto(`${app.baseUrl}/portal#/policies/${id}`);
    await opened.page.getByRole('heading', { name: 'Timeline' }).waitFor();
    return opened;
  }

  async function check(page: Page, problems: string[], name: string) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await screenshotBoth(page, name);
  }

  /** A refusal on purpose is reported by Chromium as a failed load; anything else is a problem. */
  function onlyRefused(problems: string[], status: number) {
    expect(problems.filter((p) => !p.includes(`status of ${status}`))).toEqual([]);
    problems.length = 0;
  }

  const focusedId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id');

  const mayReply = { replies: 'may-reply', updates: { minDaysBetween: 0, maxCharacters: 40 } };

  it('replies under an update: the form with its live count, then the reply under the client’s words', async () => {
    const { id, client } = await withUpdates(['The new job started.', 'Walks every morning now.'], mayReply);
    const { context, page, problems } = await openPolicy(id);
    const updates = page.getByRole('region', { name: 'Updates received' });
    expect(await updates.getByRole('button', { name: /^Reply/ }).count()).toBe(2);

    await page.getByRole('button', { name: 'Reply to update 1' }).click();
    expect(await focusedId(page)).toBe('reply-text-update-1');
    const box = page.getByLabel('Your reply to update 1');
    await box.fill('I am glad to hear it.');
    await expect.poll(() => page.locator('#reply-text-update-1-count').textContent()).toBe('21 of 40 characters');
    await check(page, problems, 'portal-reply-form');

    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/replies'));
    await page.getByRole('button', { name: 'Send reply' }).click();
    expect((await posted).headers()['idempotency-key']).toMatch(UUID);
    await updates.getByText('Your reply, sent').waitFor();
    expect(await focusedId(page)).toBe('reply-update-1');
    expect(await page.getByLabel('Your reply to update 1').count()).toBe(0);
    expect(await updates.textContent()).toContain('I am glad to hear it.');
    // Only the update without a reply still offers one.
    expect(await updates.getByRole('button', { name: /^Reply/ }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Timeline' }).textContent()).toContain('You replied to update 1');
    expect((await app.request('GET', `/policies/${id}`, { token })).json.replies).toHaveLength(1);
    expect((await app.mailTo(client)).filter((m) => m.subject.startsWith('A reply from'))).toHaveLength(1);
    await check(page, problems, 'portal-reply-sent');
    await context.close();
  });

  it('shows a refusal in the form, kindly, and keeps the words: too long, then already answered', async () => {
    const { id } = await withUpdates(['Three short words.'], mayReply);
    const { context, page, problems } = await openPolicy(id, 'phone');
    await page.getByRole('button', { name: 'Reply to update 1' }).click();
    const box = page.getByLabel('Your reply to update 1');
    const long = 'Thank you for writing; this is far longer than forty characters.';
    await box.fill(long);
    await expect.poll(() => page.locator('#reply-text-update-1-count').textContent()).toContain('over the limit');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('can be up to 40');
    expect(await focusedId(page)).toBe('reply-text-update-1-error');
    expect(await box.inputValue()).toBe(long);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    onlyRefused(problems, 409);
    await check(page, problems, 'portal-reply-refused-too-long');

    // Answered meanwhile from elsewhere (another tab): the form says so and keeps what was typed.
    const elsewhere = await app.request('POST', `/policies/${id}/replies`, {
      token,
      body: { inReplyTo: { update: 1 }, text: 'Thank you.' },
    });
    expect(elsewhere.status).toBe(201);
    await box.fill('Thank you for writing.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => alert.textContent()).toContain('You have already replied to this message.');
    expect(await box.inputValue()).toBe('Thank you for writing.');
    onlyRefused(problems, 409);
    await context.close();
  });

  it('offers no reply when the client was told there would be none, and says so once', async () => {
    const { id } = await withUpdates(['The new job started.']);
    const { context, page, problems } = await openPolicy(id, 'phone');
    const updates = page.getByRole('region', { name: 'Updates received' });
    expect(await updates.textContent()).toContain(
      'Replies are off for this arrangement: Sam Rivera was told you will not reply.',
    );
    expect(await page.getByRole('button', { name: /^Reply/ }).count()).toBe(0);
    await check(page, problems, 'portal-replies-off');
    await context.close();
  });

  it('answers the check-in message too', async () => {
    const { id, link } = await withUpdates([], { replies: 'may-reply' });
    app.clock.set(new Date('2027-02-21T15:00:00Z'));
    try {
      const sent = await app.request('POST', `/client/${link}/check-in`, { body: { text: 'Three months on.' } });
      expect(sent.status).toBe(201);
      const { context, page, problems } = await openPolicy(id);
      await page.getByRole('button', { name: 'Reply to the check-in message' }).click();
      await page.getByLabel('Your reply to the check-in message').fill('Thank you for writing.');
      await page.getByRole('button', { name: 'Send reply' }).click();
      const checkIn = page.getByRole('region', { name: 'Check-in message' });
      await checkIn.getByText('Your reply, sent').waitFor();
      expect(await checkIn.textContent()).toContain('Thank you for writing.');
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      app.clock.set(new Date('2026-11-20T15:00:00Z'));
    }
  });

  it('asks before pausing, puts the service’s answer beside the date, then says until when, with the note', async () => {
    const { id, client } = await withUpdates([]);
    const { context, page, problems } = await openPolicy(id);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await focusedId(page)).toBe('confirm-pause-title');
    const form = page.getByRole('form', { name: 'Pause this arrangement?' });
    expect(await form.textContent()).toContain(
      'Sam Rivera will get one email saying it is paused, until when, and that nothing is lost.',
    );
    // Cancel hands focus back, and nothing was paused.
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.evaluate('document.activeElement.dataset.action')).toBe('pause');
    await page.getByRole('button', { name: 'Pause' }).click();
    await check(page, problems, 'portal-pause-form');

    const note = 'I am away for two weeks. Nothing you send is lost.';
    await page.getByLabel('Paused until (optional)').fill('2026-11-20');
    await page.getByLabel('A note to Sam Rivera (optional)').fill(note);
    await page.getByRole('button', { name: 'Pause arrangement' }).click();
    await expect
      .poll(() => page.locator('#pause-until-error').textContent())
      .toContain('A pause can end from tomorrow until the day before the arrangement closes on 6 March 2027.');
    expect(await focusedId(page)).toBe('pause-until');
    expect(await page.getByLabel('A note to Sam Rivera (optional)').inputValue()).toBe(note);
    expect((await app.request('GET', `/policies/${id}`, { token })).json.state).toBe('active');
    onlyRefused(problems, 400);
    await check(page, problems, 'portal-pause-refused');

    await page.getByLabel('Paused until (optional)').fill('2026-12-10');
    await page.getByRole('button', { name: 'Pause arrangement' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await page.evaluate('document.activeElement.dataset.action')).toBe('resume');
    expect(await page.locator('.lead').textContent()).toMatch(/^Paused until Thursday 10 December 2026\./);
    expect(await page.locator('.pause-note').textContent()).toContain(note);
    expect(await page.getByRole('region', { name: 'Timeline' }).textContent()).toContain(
      'You paused the arrangement until 10 December 2026',
    );
    expect((await app.request('GET', `/policies/${id}`, { token })).json.pause).toEqual({ until: '2026-12-10', note });
    expect((await app.mailTo(client)).filter((m) => m.subject.endsWith('is paused'))).toHaveLength(1);
    await check(page, problems, 'portal-policy-paused-until');
    await context.close();
  });
});
