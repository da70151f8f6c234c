/**
 * The client's private page in real headless Chromium: accept, write, be refused kindly with
 * the words kept, stop all emails; with and without JavaScript. Every page is checked by
 * axe-core (no serious or critical violations) and saved as a screenshot at both widths.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openContext, screenshotBoth, seriousViolations } from '../support/browser.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

// Real browsers on a shared two-core CI machine: generous time, no retries.
describe('the client page in a browser', { timeout: 120_000 }, () => {
  let app: App;
  let browser: Browser;
  let therapistToken: string;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    therapistToken = await app.signIn(uniqueEmail('dr.page'), 'Dr. Noor Haddad');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function invite(rules: Record<string, unknown> = {}) {
    const client = uniqueEmail('client');
    const res = await app.request('POST', '/policies', {
      token: therapistToken,
      body: {
        client: { name: 'Jordan', email: client },
        endedOn: '2026-11-20',
        timeZone: 'America/New_York',
        referrals: [{ name: 'Riverside Counselling', contact: '555-0100' }],
        ...rules,
      },
    });
    expect(res.status).toBe(201);
    return { id: res.json.id as string, client, link: await app.linkFor(client) };
  }

  /** Checks the page as it is: accessible, no console errors, and saved at both widths. */
  async function checkPage(page: Page, problems: string[], name: string) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('text=not for emergencies').count()).toBeGreaterThan(0);
    await screenshotBoth(page, name);
  }

  it('walks invitation → accept → update → refusal (words kept) → stop, accessibly', async () => {
    const { link, client } = await invite();
    const { context, page, problems } = await openContext(browser, 'phone');
    await page.goto(`${app.baseUrl}/c/${link}`);
    await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
    expect(await page.content()).toContain('Dr. Noor Haddad');
    await checkPage(page, problems, 'client-invited');

    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL(/done=accepted/);
    await checkPage(page, problems, 'client-accepted');

    // A second tab opened now still shows the form after the first tab has sent an update.
    const olderTab = await context.newPage();
    await olderTab.goto(`${app.baseUrl}/c/${link}`);

    const box = page.getByLabel(/Your update to Dr\. Noor Haddad/);
    await box.fill('The new routine is holding. 🌱 Thank you for the last session.');
    await expect
      .poll(() => page.locator('#update-text-count').textContent(), { timeout: 3000 })
      .toMatch(/^\d+ of 1,000 characters$/);
    await page.getByRole('button', { name: 'Send update' }).click();
    await page.waitForURL(/done=update/);
    expect(await page.getByRole('status').first().textContent()).toContain('Your update was sent');
    expect(await page.getByLabel(/Your update to/).count()).toBe(0);
    expect(await page.content()).toContain('27 November 2026');
    await checkPage(page, problems, 'client-update-sent');

    const second = 'A second thought, a day too early: <b>& "still mine"</b>';
    await olderTab.getByLabel(/Your update to/).fill(second);
    await olderTab.getByRole('button', { name: 'Send update' }).click();
    await olderTab.waitForLoadState();
    expect(await olderTab.getByLabel(/Your words, kept here/).inputValue()).toBe(second);
    expect(await olderTab.getByRole('alert').textContent()).toContain('27 November 2026');
    await checkPage(olderTab, problems, 'client-refused-too-soon');

    await page.goto(`${app.baseUrl}/c/${link}/stop`);
    await checkPage(page, problems, 'client-stop-confirm');
    await page.getByRole('button', { name: 'Stop all emails' }).click();
    await checkPage(page, problems, 'client-stopped');
    const mails = await app.mailTo(client);
    expect(mails.at(-1)!.subject).toMatch(/stop|no more|won’t|will not/i);
    await context.close();
  });

  it('keeps the words on the page when an update is refused from an open form', async () => {
    const { link } = await invite({ updates: { maxCharacters: 20 } });
    await app.request('POST', `/client/${link}/accept`);
    const { context, page, problems } = await openContext(browser, 'desktop');
    await page.goto(`${app.baseUrl}/c/${link}`);
    const words = 'This is far longer than twenty characters, and it must not be lost.';
    await page.getByLabel(/Your update to/).fill(words);
    await expect
      .poll(() => page.locator('#update-text-count').textContent(), { timeout: 3000 })
      .toContain('over the limit');
    await page.getByRole('button', { name: 'Send update' }).click();
    await page.waitForLoadState();
    expect(await page.getByLabel(/Your update to/).inputValue()).toBe(words);
    expect(await page.getByRole('alert').textContent()).toMatch(/20/);
    await checkPage(page, problems, 'client-refused-too-long');
    await context.close();
  });

  it('works without JavaScript: accept and send an update with plain forms', async () => {
    const { link } = await invite();
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/c/${link}`);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.waitForURL(/done=accepted/);
    await page.getByLabel(/Your update to/).fill('Sent from a phone with scripts turned off.');
    await page.getByRole('button', { name: 'Send update' }).click();
    await page.waitForURL(/done=update/);
    expect(await page.content()).toContain('Your update was sent');
    await context.close();
  });

  it('offers the check-in message on the check-in day, and shows a kind page once closed', async () => {
    const { link } = await invite();
    await app.request('POST', `/client/${link}/accept`);
    app.clock.set(new Date('2027-02-20T15:00:00Z'));
    const { context, page, problems } = await openContext(browser, 'phone');
    await page.goto(`${app.baseUrl}/c/${link}`);
    expect(await page.getByLabel(/Your check-in message to/).count()).toBe(1);
    await checkPage(page, problems, 'client-check-in-day');
    app.clock.set(new Date('2027-03-07T15:00:00Z'));
    await app.dispatch();
    await page.goto(`${app.baseUrl}/c/${link}`);
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.content()).toContain('Riverside Counselling');
    await checkPage(page, problems, 'client-closed');
    app.clock.set(new Date('2026-11-20T15:00:00Z'));
    await context.close();
  });

  it('lets a client decline kindly, and shows a calm page afterwards', async () => {
    const { link } = await invite();
    const { context, page, problems } = await openContext(browser, 'phone');
    await page.goto(`${app.baseUrl}/c/${link}`);
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.waitForURL(/done=declined/);
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.getByRole('status').first().textContent()).toContain('You have declined');
    await checkPage(page, problems, 'client-declined');
    await context.close();
  });

  it('answers an unknown link with a kind page that still shows crisis resources', async () => {
    const { context, page, problems } = await openContext(browser, 'phone');
    const res = await page.goto(`${app.baseUrl}/c/${'x'.repeat(43)}`);
    expect(res!.status()).toBe(404);
    expect(await page.content()).toContain('988');
    await checkPage(page, problems, 'client-link-not-active');
    await context.close();
  });
});
