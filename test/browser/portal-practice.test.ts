/**
 * A practice from the portal alone, in real headless Chromium: an admin names the practice and
 * sets its defaults and bounds, invites two therapists; each signs in and starts an arrangement
 * from the practice's defaults (one is told beside the field that a number goes beyond a
 * bound); their clients accept and write; the admin hands one therapist's arrangements to the
 * other, and sees what happened; the one who left has no access any more, and the colleague
 * reads the arrangement. A therapist who is not an admin never sees the Practice entry.
 * axe-core checks every admin screen; each is saved at phone and desktop widths.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openContext, screenshotBoth, seriousViolations } from '../support/browser.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

// Real browsers on a shared two-core CI machine: generous time, no retries.
describe('a practice, set up, used and handed over from the portal', { timeout: 240_000 }, () => {
  let app: App;
  let browser: Browser;
  const admin = { name: 'Dr. Maya Chen', email: uniqueEmail('dr.chen') };
  const sam = { name: 'Dr. Sam Okafor', email: uniqueEmail('dr.okafor') };
  const lee = { name: 'Dr. Lee Park', email: uniqueEmail('dr.park') };
  const robin = { name: 'Robin Hale', email: uniqueEmail('robin') };
  const alex = { name: 'Alex Moreno', email: uniqueEmail('alex') };
  const robinUpdate = 'Back at work this week.\nThe morning walks help.';
  const note = 'Dr. Park works with us and will read your updates from now on.';

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Failed loads the screen answers on purpose (a 403, a 400 or a 409 it then explains) are not problems. */
  const unexpected = (problems: string[]) =>
    problems.filter((p) => !/Failed to load resource: the server responded with a status of (400|403|409)/.test(p));

  async function check(page: Page, problems: string[], name: string) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await screenshotBoth(page, name);
  }

  /** Opens the portal signed in with a token (the API's local sign-in), at `hash`. */
  async function portalAs(token: string, hash = '#/', viewport: 'phone' | 'desktop' = 'desktop') {
    const opened = await openContext(browser, viewport);
    await opened.page.goto(`${app.baseUrl}/portal#token=${encodeURIComponent(token)}`);
    await opened.page.getByRole('navigation', { name: 'Main' }).waitFor();
    if (hash !== '#/') await opened.page.goto(`${app.baseUrl}/portal${hash}`);
    return opened;
  }

  const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
  const practiceNav = (page: Page) => page.getByRole('navigation', { name: 'Practice' });
  const focusedId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id');
  const subjects = async (address: string) => (await app.mailTo(address)).map((m) => m.subject);

  it('shows a therapist who is not an admin no Practice entry, and a calm page at its address', async () => {
    const token = await app.signIn(uniqueEmail('dr.solo'), 'Dr. Ana Solo', { practice: 'riverside' });
    const { context, page, problems } = await openContext(browser, 'desktop');
    const profile = page.waitForResponse((r) => r.url().endsWith('/profile'));
    await page.goto(`${app.baseUrl}/portal#token=${encodeURIComponent(token)}`);
    expect((await (await profile).json()).role).toBe('therapist');
    await mainNav(page).getByRole('link', { name: 'Profile' }).waitFor();
    expect(await mainNav(page).getByRole('link').allTextContents()).toEqual([
      'Arrangements',
      'New arrangement',
      'Profile',
    ]);
    await page.goto(`${app.baseUrl}/portal#/practice/settings`);
    await page.getByRole('heading', { name: 'This is not available to you', level: 1 }).waitFor();
    expect(await page.locator('#view').textContent()).toContain('Only a practice admin can see and change this.');
    expect(await mainNav(page).getByRole('link', { name: 'Practice' }).count()).toBe(0);
    await check(page, problems, 'portal-practice-not-admin');
    await context.close();
  });

  it('walks a practice through setup, use and a handover, with the emails each side received', async () => {
    // The admin signs in (the API's local sign-in stands in for Cognito's admin group).
    const adminToken = await app.signIn(admin.email, admin.name, { role: 'admin' });
    const { context, page, problems } = await portalAs(adminToken);
    await mainNav(page).getByRole('link', { name: 'Practice' }).click();
    await page.getByRole('heading', { name: 'Therapists', level: 1 }).waitFor();
    expect(await focusedId(page)).toBe('therapists-title');
    expect(await page.locator('.therapist-table tbody tr').count()).toBe(1);
    await check(page, problems, 'portal-practice-therapists-alone');

    // Settings: a retention out of range is said beside its field, and a default beyond a bound by the service.
    await practiceNav(page).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Practice settings', level: 1 }).waitFor();
    await check(page, problems, 'portal-practice-settings');
    await page.getByLabel('Practice name').fill('Northside Counselling');
    await page.getByLabel('How many updates', { exact: true }).fill('5');
    await page.getByLabel('Days apart, at least').fill('10');
    await page.getByLabel('Most updates an arrangement may offer').fill('4');
    await page.getByLabel('Longest update allowed, in characters').fill('2000');
    await page.getByLabel('Longest update window, in days').fill('120');
    await page.getByLabel('A check-in session').uncheck();
    await page.getByLabel('Keep a closed arrangement for, in days').fill('20');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const retention = page.locator('#retention-days-error');
    await expect.poll(() => retention.textContent()).toContain('from 30 to 3,650 (10 years)');
    await page.getByLabel('Keep a closed arrangement for, in days').fill('365');
    const saved = page.waitForResponse((r) => r.url().endsWith('/practice') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect((await saved).status()).toBe(400);
    await expect.poll(() => page.locator('#default-limit-error').textContent()).toContain('more than the bound of 4');
    await check(page, problems, 'portal-practice-settings-errors');
    await page.getByLabel('How many updates', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.locator('.saved').textContent()).toContain('Settings saved.');
    const practice = (await app.request('GET', '/practice', { token: adminToken })).json;
    expect(practice).toMatchObject({
      name: 'Northside Counselling',
      defaults: { updates: { limit: 2, minDaysBetween: 10 } },
      bounds: { maxUpdates: 4, maxCharacters: 2000, maxWindowDays: 120, checkInFormats: ['message'] },
      retentionDays: 365,
    });

    // Two therapists invited; an address of another practice is refused beside the field.
    const elsewhere = uniqueEmail('dr.elsewhere');
    await app.signIn(elsewhere, 'Dr. Elsewhere', { practice: 'eastside' });
    await practiceNav(page).getByRole('link', { name: 'Therapists' }).click();
    await page.getByRole('heading', { name: 'Invite a therapist' }).waitFor();
    const invite = async (who: { name: string; email: string }) => {
      await page.getByLabel('Name', { exact: true }).fill(who.name);
      await page.getByLabel('Work email address').fill(who.email);
      await page.getByRole('button', { name: 'Invite', exact: true }).click();
    };
    await invite({ name: 'Dr. Elsewhere', email: elsewhere });
    await expect.poll(() => page.locator('#invite-email-error').textContent()).toContain('another practice');
    await check(page, problems, 'portal-practice-invite-refused');
    await invite(sam);
    await expect.poll(() => page.locator('.invite .saved').textContent()).toContain(`${sam.name} is in your practice.`);
    await invite(lee);
    await expect.poll(() => page.locator('.therapist-table tbody tr').count()).toBe(3);
    await check(page, problems, 'portal-practice-therapists');

    // Sam signs in on the local sign-in page, Lee through the API; each starts from the practice's rules.
    const samTab = await openContext(browser, 'desktop');
    await samTab.page.goto(`${app.baseUrl}/local/sign-in`);
    await samTab.page.getByLabel(/name/i).fill(sam.name);
    await samTab.page.getByLabel(/email/i).fill(sam.email);
    await samTab.page.getByRole('button', { name: 'Sign in' }).click();
    await samTab.page.waitForURL(/\/portal/);
    await mainNav(samTab.page).getByRole('link', { name: 'New arrangement' }).click();
    const samPage = samTab.page;
    await samPage.getByLabel('Client name').fill(robin.name);
    await samPage.getByLabel('Client email').fill(robin.email);
    await samPage.getByLabel('Therapy ended on').fill('2026-11-20');
    expect(await samPage.getByLabel('Your practice’s rules').isChecked()).toBe(true);
    const limit = samPage.getByLabel('How many updates');
    expect(await limit.inputValue()).toBe('2');
    expect(await samPage.locator('#updates-limit-help').textContent()).toContain(
      'Your practice allows up to 4 updates.',
    );
    expect(await samPage.locator('#checkin-format-help').textContent()).toBe(
      'Your practice allows only a check-in message, or no check-in.',
    );
    // Beyond the bound: refused, and said beside the field; nothing is sent to the client.
    await limit.fill('6');
    const refused = samPage.waitForResponse((r) => r.url().endsWith('/policies') && r.request().method() === 'POST');
    await samPage.getByRole('button', { name: 'Send invitation' }).click();
    expect((await refused).status()).toBe(409);
    await expect
      .poll(() => samPage.locator('#updates-limit-error').textContent())
      .toBe('Error: Your practice allows up to 4 updates; this would offer 6.');
    expect(await samPage.locator('.error-summary-title').textContent()).toBe('The invitation was not sent');
    expect(await subjects(robin.email)).toEqual([]);
    await check(samPage, samTab.problems, 'portal-new-beyond-practice-bound');
    await limit.fill('2');
    await samPage.getByRole('button', { name: 'Send invitation' }).click();
    await samPage.waitForURL(/#\/policies\//);
    await samPage.getByRole('heading', { name: 'Timeline' }).waitFor();
    const robinPolicy = decodeURIComponent(samPage.url().split('#/policies/')[1] ?? '');

    const leeToken = await app.signIn(lee.email, lee.name);
    const leeTab = await portalAs(leeToken, '#/new');
    await leeTab.page.getByLabel('Client name').fill(alex.name);
    await leeTab.page.getByLabel('Client email').fill(alex.email);
    await leeTab.page.getByLabel('Therapy ended on').fill('2026-11-20');
    expect(await leeTab.page.getByLabel('How many updates').inputValue()).toBe('2');
    await leeTab.page.getByRole('button', { name: 'Send invitation' }).click();
    await leeTab.page.waitForURL(/#\/policies\//);
    await leeTab.page.getByRole('heading', { name: 'Timeline' }).waitFor();

    // The clients accept; Robin writes an update.
    const robinLink = await app.linkFor(robin.email);
    const phone = await openContext(browser, 'phone');
    await phone.page.goto(`${app.baseUrl}/c/${robinLink}`);
    await phone.page.getByRole('button', { name: 'Accept' }).click();
    await phone.page.waitForURL(/done=accepted/);
    await phone.page.getByLabel(/Your update to/).fill(robinUpdate);
    await phone.page.getByRole('button', { name: 'Send update' }).click();
    await phone.page.waitForURL(/done=update/);
    expect((await app.request('POST', `/client/${await app.linkFor(alex.email)}/accept`)).status).toBe(200);

    // The admin sees the practice's arrangements as metadata only.
    await practiceNav(page).getByRole('link', { name: 'All arrangements' }).click();
    await page.getByRole('heading', { name: 'All arrangements', level: 1 }).waitFor();
    const overview = (await page.locator('#view').textContent()) ?? '';
    expect(overview).toContain('2 open (2 active).');
    expect(overview).toContain(sam.name);
    expect(overview).toContain('1 of 2 used');
    for (const secret of [robin.name, robin.email, alex.name, alex.email, 'morning walks'])
      expect(overview).not.toContain(secret);
    await check(page, problems, 'portal-practice-arrangements');

    // The handover: Sam's arrangement to Lee, with a note every client reads.
    await practiceNav(page).getByRole('link', { name: 'Therapists' }).click();
    await page.getByRole('link', { name: `Hand over ${sam.name}’s arrangements` }).click();
    await page.getByRole('heading', { name: `Hand over ${sam.name}’s arrangements`, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.locator('#handover-to-error').textContent()).toContain('Choose a colleague');
    await check(page, problems, 'portal-practice-handover');
    // By keyboard: the choice takes focus, and Space chooses it.
    await page.getByLabel(lee.name).focus();
    await page.keyboard.press('Space');
    expect(await page.getByLabel(lee.name).isChecked()).toBe(true);
    await page.getByLabel('A note to each client (optional)').fill(note);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: `Hand ${sam.name}’s 1 open arrangement to ${lee.name}?` }).waitFor();
    expect(await focusedId(page)).toBe('confirm-handover-title');
    expect(await page.locator('.confirm li').allTextContents()).toEqual([
      `The arrangement moves to ${lee.name}, with its rules, messages and dates as they are. Nothing scheduled is lost.`,
      `Each client gets one email from Northside Counselling saying that ${lee.name} now reads their updates, with crisis resources.`,
      'Your note is in each of those emails, word for word, so each client reads it.',
      `${lee.name} gets one email for each arrangement, summing it up.`,
      `${sam.name} loses access to Afterword at once.`,
    ]);
    await check(page, problems, 'portal-practice-handover-confirm');
    await page.getByRole('button', { name: `Hand over to ${lee.name}` }).click();
    await page.getByRole('heading', { name: 'The handover is done' }).waitFor();
    expect(await focusedId(page)).toBe('result-title');
    expect(await page.locator('.handover-result .notice').textContent()).toBe(
      `1 handed over. All done. ${sam.name} no longer has access.`,
    );
    expect(await page.locator('.handover-result tbody td').allTextContents()).toEqual([`Handed over to ${lee.name}`]);
    await check(page, problems, 'portal-practice-handover-result');

    // Sam's portal says their access has ended; Lee reads Robin's arrangement, update and all.
    await samPage.reload();
    await samPage.getByRole('heading', { name: 'This is not available to you', level: 1 }).waitFor();
    expect(await samPage.locator('#view').textContent()).toContain(
      'Your access to Afterword through this practice has ended.',
    );
    await check(samPage, samTab.problems, 'portal-practice-access-ended');
    await leeTab.page.goto(`${app.baseUrl}/portal#/`);
    await leeTab.page.getByRole('link', { name: robin.name }).click();
    await leeTab.page.getByRole('heading', { name: robin.name, level: 1 }).waitFor();
    expect(leeTab.page.url()).toContain(robinPolicy);
    const updates = leeTab.page.getByRole('region', { name: 'Updates received' });
    await expect.poll(() => updates.textContent()).toContain('The morning walks help.');
    expect(await leeTab.page.getByRole('region', { name: 'Timeline' }).textContent()).toMatch(
      /handed the arrangement over/,
    );

    // Removing Sam is offered now that nothing of theirs is open, and asked first.
    await practiceNav(page).getByRole('link', { name: 'Therapists' }).click();
    const samRow = page.locator('.therapist-table tbody tr', { hasText: sam.name });
    expect(await samRow.locator('td[data-label="Status"]').textContent()).toBe('Left: handover finished');
    expect(await samRow.getByRole('link', { name: /Hand over/ }).count()).toBe(0);
    await page.getByRole('button', { name: `Remove ${sam.name}` }).click();
    await page.getByRole('heading', { name: `Remove ${sam.name} from the practice?` }).waitFor();
    expect(await focusedId(page)).toBe('confirm-remove-title');
    await check(page, problems, 'portal-practice-remove-confirm');
    // Kept, by keyboard: focus goes back to the button that asked.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Remove ${sam.name} from the practice?` }).waitFor({ state: 'detached' });
    expect(await page.evaluate('document.activeElement.textContent')).toBe(`Remove ${sam.name}`);
    await page.getByRole('button', { name: `Remove ${sam.name}` }).click();
    await page
      .getByRole('button', { name: `Remove ${sam.name}`, exact: true })
      .last()
      .click();
    await expect.poll(() => page.locator('.therapist-table tbody tr').count()).toBe(2);

    // The colleague can print the arrangement's record (it needs the sign-in, so it downloads).
    const download = leeTab.page.waitForEvent('download');
    await leeTab.page.getByRole('button', { name: 'Printable record' }).click();
    const record = await download;
    expect(record.suggestedFilename()).toMatch(/\.html$/);
    const recordText = readFileSync((await record.path())!, 'utf8');
    expect(recordText).toContain('<!doctype html>');
    expect(recordText).toContain('Back at work this week.');

    // What each side received: the client one email from the practice, the colleague one summary, nobody else anything.
    const handedOver = (await app.mailTo(robin.email)).at(-1)!;
    expect(await subjects(robin.email)).toEqual([
      `An invitation from ${sam.name}`,
      `Your arrangement with ${sam.name} has started`,
      `Your update to ${sam.name} was received`,
      `News about your arrangement with ${sam.name}`,
    ]);
    expect(handedOver.text).toContain(note);
    expect(handedOver.text).toContain(`${lee.name}, who works with us, now looks after your arrangement.`);
    expect(handedOver.text).toContain('988');
    expect(await subjects(lee.email)).toEqual([
      `Arrangement created for ${alex.name}`,
      `${alex.name} accepted the arrangement`,
      `Arrangement with ${robin.name} handed to you`,
    ]);
    expect(await subjects(sam.email)).toEqual([
      `Arrangement created for ${robin.name}`,
      `${robin.name} accepted the arrangement`,
      expect.stringMatching(/^New update in arrangement /),
    ]);
    expect(await subjects(alex.email)).toEqual([
      `An invitation from ${lee.name}`,
      `Your arrangement with ${lee.name} has started`,
    ]);
    expect(await subjects(admin.email)).toEqual([]);

    await phone.context.close();
    await samTab.context.close();
    await leeTab.context.close();
    await context.close();
  });

  it('closes a leaving therapist’s arrangements kindly, and goes on when a first answer left some to do', async () => {
    const practice = { practice: 'westside' };
    const adminToken = await app.signIn(uniqueEmail('dr.west'), 'Dr. Rae West', { ...practice, role: 'admin' });
    const leaver = { name: 'Dr. Kim Ode', email: uniqueEmail('dr.ode') };
    const leaverToken = await app.signIn(leaver.email, leaver.name, practice);
    const client = uniqueEmail('jordan');
    const created = await app.request('POST', '/policies', {
      token: leaverToken,
      body: { client: { name: 'Jordan Lake', email: client }, endedOn: '2026-11-20' },
    });
    expect(created.status).toBe(201);
    const leaverId = (await app.request('GET', '/profile', { token: leaverToken })).json.therapistId as string;

    const { context, page, problems } = await portalAs(
      adminToken,
      `#/practice/therapists/${leaverId}/handover`,
      'phone',
    );
    await page.getByRole('heading', { name: `Hand over ${leaver.name}’s arrangements`, level: 1 }).waitFor();
    // The admin is a therapist of the practice too, so the one colleague offered.
    expect(await page.locator('.radio-group .choice label').allTextContents()).toEqual([
      'Dr. Rae West',
      'No one: close each arrangement kindly',
    ]);
    await page.getByLabel('No one: close each arrangement kindly').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: `Close ${leaver.name}’s 1 open arrangement kindly?` }).waitFor();
    expect(await page.locator('.confirm li').nth(1).textContent()).toBe(
      'Each client gets one email from the practice saying that the arrangement has ended and where to turn, with crisis resources and the practice’s referrals.',
    );
    await check(page, problems, 'portal-practice-handover-close-confirm');

    // The first answer is held back as one that ran out of time would be (nothing done yet,
    // one remaining), so the screen's way on is used; the second request is the service's own.
    let held = false;
    await page.route('**/handover', async (route) => {
      if (held) return route.continue();
      held = true;
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          therapist: { id: leaverId, status: 'leaving' },
          to: null,
          arrangements: [],
          remaining: 1,
        }),
      });
    });
    await page.getByRole('button', { name: 'Close 1 arrangement' }).click();
    await page.getByRole('heading', { name: 'The handover is not finished' }).waitFor();
    expect(await page.locator('.handover-result .notice').textContent()).toBe(
      '1 arrangement still to do. Nothing is lost and nothing is sent twice: try again to finish.',
    );
    await check(page, problems, 'portal-practice-handover-remaining');
    const again = page.waitForRequest((r) => r.url().endsWith('/handover') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Try again' }).click();
    expect((await again).postDataJSON()).toEqual({ to: null });
    await page.getByRole('heading', { name: 'The handover is done' }).waitFor();
    expect(await page.locator('.handover-result tbody td').allTextContents()).toEqual(['Closed, and the client told']);
    await check(page, problems, 'portal-practice-handover-closed');
    expect((await app.request('GET', `/policies/${created.json.id}`, { token: leaverToken })).status).toBe(403);
    expect(await subjects(client)).toEqual([
      `An invitation from ${leaver.name}`,
      `The invitation from ${leaver.name} has ended`,
    ]);
    await context.close();
  });
});
