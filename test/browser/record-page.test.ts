/**
 * The printable record in real headless Chromium: opened with the therapist's sign-in, checked
 * by axe-core (no serious or critical violations) with no console error or CSP violation, on
 * screen at phone and desktop widths, as print lays it out, and without its stylesheet.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openContext, screenshotBoth, seriousViolations } from '../support/browser.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

// Real browsers on a shared two-core CI machine: generous time, no retries.
describe('the printable record in a browser', { timeout: 120_000 }, () => {
  let app: App;
  let browser: Browser;
  let token: string;
  let recordUrl: string;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(uniqueEmail('dr.haddad'), 'Dr. Noor Haddad');
    const client = uniqueEmail('jordan');
    const created = await app.request('POST', '/policies', {
      token,
      body: {
        client: { name: 'Jordan', email: client },
        endedOn: '2026-11-20',
        timeZone: 'America/New_York',
        replies: 'may-reply',
        referrals: [{ name: 'Riverside Counselling', contact: '555-0100' }],
      },
    });
    const id = created.json.id as string;
    const link = await app.linkFor(client);
    await app.request('POST', `/client/${link}/accept`);
    const words = 'Started the new job.\nStill using the breathing exercise before meetings. <script>x</script>';
    await app.request('POST', `/client/${link}/updates`, { body: { text: words } });
    await app.request('POST', `/policies/${id}/replies`, {
      token,
      body: { inReplyTo: { update: 1 }, text: 'That is good to hear. Take care.' },
    });
    app.clock.set(new Date('2026-12-02T15:00:00Z'));
    await app.request('POST', `/policies/${id}/close`, { token });
    recordUrl = `${app.baseUrl}/policies/${id}/record`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openRecord(viewport: 'phone' | 'desktop') {
    const opened = await openContext(browser, viewport);
    // What the portal's own request would carry: the therapist's sign-in, nothing else.
    await opened.context.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
    const response = await opened.page.goto(recordUrl);
    expect(response?.status()).toBe(200);
    return opened;
  }

  it('is accessible, runs nothing and loads nothing, at both widths', async () => {
    const { context, page, problems } = await openRecord('phone');
    await page.getByRole('heading', { level: 1, name: 'Record of the arrangement with Jordan' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('contentinfo').count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'The arrangement',
      'The rules, as Jordan was last told them',
      'Messages and replies',
      'Timeline',
      'How long its data is kept',
    ]);
    // The client's words are shown as they wrote them, the script in them as text.
    expect(await page.locator('blockquote').first().innerText()).toBe(
      'Started the new job.\nStill using the breathing exercise before meetings. <script>x</script>',
    );
    expect(await page.locator('script').count()).toBe(0);
    // The stylesheet applied: its hash in the policy matched (the page background is not the browser's white).
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(245, 243, 239)');
    expect(problems).toEqual([]);
    await screenshotBoth(page, 'record');
    await context.close();
  });

  it('lays out for paper: the screen-only hint is gone and a PDF comes out', async () => {
    const { context, page, problems } = await openRecord('desktop');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText('use your browser’s Print command').isVisible()).toBe(false);
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(255, 255, 255)');
    await screenshotBoth(page, 'record-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('still reads in order without its stylesheet', async () => {
    const { context, page, problems } = await openRecord('desktop');
    await page.evaluate('document.querySelector("style").remove()');
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    expect(await seriousViolations(page)).toEqual([]);
    const text = await page.locator('main').innerText();
    const order = [
      'Record of the arrangement',
      'The rules',
      'Update 1, sent 20 November 2026',
      'Reply, sent',
      'Timeline',
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(problems).toEqual([]);
    await screenshotBoth(page, 'record-unstyled');
    await context.close();
  });
});
