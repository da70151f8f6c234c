/**
 * Keeping promises on the client's page, in real headless Chromium: their own record (what
 * they sent, with the reply under it), a skip asked once and taken back, and a pause that
 * says until when, with the therapist's note. Every page is checked by axe-core and saved at
 * both widths.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openContext, screenshotBoth, seriousViolations } from '../support/browser.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

// Real browsers on a shared two-core CI machine: generous time, no retries.
describe('keeping promises on the client page', { timeout: 120_000 }, () => {
  let app: App;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(uniqueEmail('dr.promise'), 'Dr. Mira Castell');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function accepted(rules: Record<string, unknown> = {}) {
    const client = uniqueEmail('client');
    const res = await app.request('POST', '/policies', {
      token,
      body: {
        client: { name: 'Jordan', email: client },
        endedOn: '2026-11-20',
        timeZone: 'America/New_York',
        ...rules,
      },
    });
    expect(res.status).toBe(201);
    const link = await app.linkFor(client);
    expect((await app.request('POST', `/client/${link}/accept`)).status).toBe(200);
    return { id: res.json.id as string, link };
  }

  async function checkPage(page: Page, problems: string[], name: string) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('text=not for emergencies').count()).toBeGreaterThan(0);
    await screenshotBoth(page, name);
  }

  it('lists what the client sent, with the therapist’s reply under their words', async () => {
    const { id, link } = await accepted({ replies: 'may-reply', updates: { minDaysBetween: 0 } });
    for (const text of ['The new job started.', 'Walks every morning now.'])
      expect((await app.request('POST', `/client/${link}/updates`, { body: { text } })).status).toBe(201);
    const reply = await app.request('POST', `/policies/${id}/replies`, {
      token,
      body: { inReplyTo: { update: 1 }, text: 'I am so glad the job started.' },
    });
    expect(reply.status).toBe(201);

    const { context, page, problems } = await openContext(browser, 'phone');
    await page.goto(`${app.baseUrl}/c/${link}`);
    await page.getByRole('heading', { name: 'What you have sent' }).waitFor();
    const items = page.locator('ol.messages > li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toMatch(
      /Update 1, sent 20 November 2026[\s\S]*The new job started\.[\s\S]*Dr\. Mira Castell replied on 20 November 2026:[\s\S]*I am so glad the job started\./,
    );
    expect(await items.nth(1).textContent()).toContain('Walks every morning now.');
    expect(await items.nth(1).textContent()).not.toContain('replied');
    await checkPage(page, problems, 'client-record-with-reply');
    await context.close();
  });

  it('asks once before skipping the check-in, then offers to take it back, and takes it back', async () => {
    const { id, link } = await accepted();
    const { context, page, problems } = await openContext(browser, 'phone');
    await page.goto(`${app.baseUrl}/c/${link}`);
    await page.getByRole('button', { name: 'Skip the check-in' }).click();
    await page.getByRole('heading', { name: 'Skip the check-in?' }).waitFor();
    expect((await app.request('GET', `/client/${link}`)).json.checkIn.status).toBe('pending');
    expect(await page.getByRole('link', { name: 'No, keep the check-in' }).count()).toBe(1);
    await checkPage(page, problems, 'client-skip-confirm');

    await page.getByRole('button', { name: 'Yes, skip the check-in' }).click();
    await page.waitForURL(/done=skipped/);
    await page.getByRole('button', { name: 'Keep the check-in after all' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('until 26 February 2027');
    await checkPage(page, problems, 'client-skip-undo-offer');

    await page.getByRole('button', { name: 'Keep the check-in after all' }).click();
    await page.waitForURL(/done=restored/);
    await page.getByRole('button', { name: 'Skip the check-in' }).waitFor();
    expect((await app.request('GET', `/client/${link}`)).json.checkIn.status).toBe('pending');
    const history = (await app.request('GET', `/policies/${id}`, { token })).json.history.map(
      (h: { type: string }) => h.type,
    );
    expect(history).toEqual(expect.arrayContaining(['check-in-skipped', 'check-in-restored']));
    await context.close();
  });

  it('says until when it is paused, with the therapist’s note, and keeps no form to send', async () => {
    const { id, link } = await accepted();
    const note = 'I am away until the 10th. Your updates will wait for me, nothing is lost.';
    const paused = await app.request('POST', `/policies/${id}/pause`, { token, body: { until: '2026-12-10', note } });
    expect(paused.status).toBe(200);

    const { context, page, problems } = await openContext(browser, 'phone');
    await page.goto(`${app.baseUrl}/c/${link}`);
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain(note);
    expect(await main.textContent()).toContain('A note from Dr. Mira Castell:');
    expect(await main.textContent()).toMatch(/10 December 2026/);
    expect(await page.getByLabel(/Your update to/).count()).toBe(0);
    await checkPage(page, problems, 'client-paused-until');
    await context.close();
  });
});
