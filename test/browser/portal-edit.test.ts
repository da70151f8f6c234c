/**
 * Editing an arrangement's rules from the portal, in real headless Chromium: the preview says
 * exactly what the client will be told before anything is saved, and the client then gets
 * exactly that; a change that takes something back is shown and waits for a tick; a date
 * that does not fit is said beside its field and nothing is saved; while invited, a
 * corrected address gets the invitation. axe-core checks each state; each is saved at both widths.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openContext, screenshotBoth, seriousViolations } from '../support/browser.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

// Real browsers on a shared two-core CI machine: generous time, no retries.
describe('editing the rules from the portal', { timeout: 120_000 }, () => {
  let app: App;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    app = await startApp({ now: '2026-11-20T15:00:00Z' });
    token = await app.signIn(uniqueEmail('dr.okafor'), 'Dr. Ada Okafor');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** An arrangement with Robin, on the service's defaults (3 updates); accepted unless asked otherwise. */
  async function arrangement({ accept = true } = {}) {
    const client = uniqueEmail('robin');
    const created = await app.request('POST', '/policies', {
      token,
      body: { client: { name: 'Robin Hale', email: client }, endedOn: '2026-11-20' },
    });
    expect(created.status).toBe(201);
    if (accept) {
      const link = await app.linkFor(client);
      expect((await app.request('POST', `/client/${link}/accept`)).status).toBe(200);
    }
    return { id: created.json.id as string, client };
  }

  /** Signs in, opens the arrangement, and follows "Edit rules". */
  async function openEdit(id: string, viewport: 'phone' | 'desktop' = 'desktop') {
    const opened = await openContext(browser, viewport);
    const { page } = opened;
    await page.goto(`${app.baseUrl}/portal#token=${encodeURIComponent(token)}`);
    await page.getByRole('link', { name: 'Arrangements' }).waitFor(); // signed in
    await page.goto(`${app.baseUrl}/portal#/policies/${id}`);
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await page.getByRole('link', { name: 'Edit rules' }).click();
    await page.getByRole('heading', { name: 'Edit rules for Robin Hale', level: 1 }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/policies/${id}/edit$`));
    expect(await focusedId(page)).toBe('edit-title');
    return opened;
  }

  async function check(page: Page, problems: string[], name: string) {
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await screenshotBoth(page, name);
  }

  const focusedId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id');
  const status = (page: Page) => page.locator('.edit-preview .preview-status').textContent();
  const toldLines = (page: Page) => page.locator('.told-lines li').allTextContents();
  const changeMails = async (client: string) =>
    (await app.mailTo(client)).filter((m) => m.subject.startsWith('A change to your arrangement'));
  const rulesOf = async (id: string) => (await app.request('GET', `/policies/${id}`, { token })).json.rules;
  const flash = (page: Page) => page.locator('#flash').textContent();

  it('previews a raised limit, saves it, and the client gets exactly that email', async () => {
    const { id, client } = await arrangement();
    const { context, page, problems } = await openEdit(id);
    const limit = page.getByLabel('How many updates');
    expect(await limit.inputValue()).toBe('3');
    expect(await page.getByLabel('Closing date').inputValue()).toBe('2027-03-06');
    expect(await status(page)).toContain('No change yet.');
    // The address can be corrected only before acceptance.
    expect(await page.getByLabel('Client email').count()).toBe(0);
    await check(page, problems, 'portal-edit');

    const previewed = page.waitForRequest((r) => r.url().endsWith('/preview-change'));
    await limit.fill('4');
    expect((await previewed).postDataJSON()).toEqual({ updates: { limit: 4 } });
    await expect.poll(() => toldLines(page)).toEqual(['You can now send 4 updates in all, instead of 3.']);
    expect(await status(page)).toBe('Robin Hale will get one email that says:');
    expect(await page.locator('.reductions').isHidden()).toBe(true);
    expect(await changeMails(client)).toHaveLength(0);
    await check(page, problems, 'portal-edit-preview');

    const saved = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await saved).postDataJSON()).toEqual({ updates: { limit: 4 } });
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await expect.poll(() => flash(page)).toBe('Changes saved. Robin Hale will get one email that says what changed.');
    expect((await rulesOf(id)).updates.limit).toBe(4);
    await expect.poll(async () => (await changeMails(client)).length).toBe(1);
    const [mail] = await changeMails(client);
    expect(mail?.subject).toBe('A change to your arrangement with Dr. Ada Okafor');
    expect(mail?.text).toContain('You can now send 4 updates in all, instead of 3.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows what a lower limit takes back, and saves only once that is ticked', async () => {
    const { id, client } = await arrangement();
    const { context, page, problems } = await openEdit(id, 'phone');
    await page.getByLabel('How many updates').fill('2');
    await expect.poll(() => toldLines(page)).toEqual(['You can now send 2 updates in all, instead of 3.']);
    const reductions = page.locator('.reductions');
    await reductions.waitFor();
    expect(await reductions.textContent()).toContain('This takes back something Robin Hale was told:');
    expect(await page.locator('#reductions-list li').allTextContents()).toEqual(['Fewer updates (3 → 2)']);
    const box = page.getByLabel('I understand this takes back something Robin Hale was told');
    expect(await box.isChecked()).toBe(false);
    await check(page, problems, 'portal-edit-reduction');

    // Without the tick, Save says why beside the box and sends nothing.
    let patches = 0;
    page.on('request', (r) => {
      if (r.method() === 'PATCH') patches += 1;
    });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('#confirm-reduce-error').textContent()).toContain('Tick this box');
    expect(await focusedId(page)).toBe('confirm-reduce');
    expect(await box.getAttribute('aria-describedby')).toBe('reductions-list confirm-reduce-error');
    expect(patches).toBe(0);
    expect((await rulesOf(id)).updates.limit).toBe(3);
    await check(page, problems, 'portal-edit-reduction-unconfirmed');

    await box.check();
    const saved = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await saved).postDataJSON()).toEqual({ updates: { limit: 2 }, confirmReduce: true });
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect((await rulesOf(id)).updates.limit).toBe(2);
    await expect.poll(async () => (await changeMails(client)).length).toBe(1);
    expect((await changeMails(client))[0]?.text).toContain('You can now send 2 updates in all, instead of 3.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says beside the field when a date does not fit, and saves nothing', async () => {
    const { id, client } = await arrangement();
    const { context, page, problems } = await openEdit(id);
    const closing = page.getByLabel('Closing date');
    // The update window runs to 1 January 2027: a closing date before that does not fit.
    await closing.fill('2026-12-20');
    const message = 'The closing date cannot be before the update window ends.';
    await expect.poll(() => page.locator('#closes-on-error').textContent()).toContain(message);
    expect(await closing.getAttribute('aria-invalid')).toBe('true');
    expect(await closing.getAttribute('aria-describedby')).toContain('closes-on-error');
    expect(await status(page)).toMatch(/need(s)? another look before the preview can update\.$/);
    await check(page, problems, 'portal-edit-error');

    let patches = 0;
    page.on('request', (r) => {
      if (r.method() === 'PATCH') patches += 1;
    });
    await page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain(`Closing date: ${message}`);
    expect(await page.evaluate("document.activeElement.classList.contains('error-summary')")).toBe(true);
    expect(patches).toBe(0);
    expect((await rulesOf(id)).closesOn).toBe('2027-03-06');
    expect(await changeMails(client)).toHaveLength(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('corrects the address while invited: the invitation goes to the new one', async () => {
    const { id, client: wrong } = await arrangement({ accept: false });
    const right = uniqueEmail('robin.hale');
    const { context, page, problems } = await openEdit(id, 'phone');
    const address = page.getByLabel('Client email');
    expect(await address.inputValue()).toBe(wrong);
    expect(await page.getByRole('group', { name: 'Correct the address' }).textContent()).toContain(
      `The invitation will go to the new address, and the links sent to ${wrong} will stop working.`,
    );
    await address.fill(right);
    await expect
      .poll(() => status(page))
      .toBe(`Robin Hale will get the invitation again, at ${right}. The links sent to ${wrong} will stop working.`);
    await check(page, problems, 'portal-edit-address');

    const saved = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await saved).postDataJSON()).toEqual({ client: { email: right } });
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await expect.poll(() => flash(page)).toContain(`The invitation is on its way to ${right}`);
    await expect.poll(async () => (await app.mailTo(right)).length).toBe(1);
    expect((await app.mailTo(right))[0]?.subject).toContain('An invitation from Dr. Ada Okafor');
    expect((await app.request('GET', `/policies/${id}`, { token })).json.client.email).toBe(right);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says kindly why a corrected address cannot be saved once the client has accepted meanwhile', async () => {
    const { id, client } = await arrangement({ accept: false });
    const { context, page, problems } = await openEdit(id);
    // Robin accepts while the screen is open.
    expect((await app.request('POST', `/client/${await app.linkFor(client)}/accept`)).status).toBe(200);
    await page.getByLabel('Client email').fill(uniqueEmail('robin.hale'));
    await page.getByRole('button', { name: 'Save changes' }).click();
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toContain('The changes were not saved');
    expect(await summary.textContent()).toContain(
      'The client address can only be corrected before the client accepts.',
    );
    expect(await page.evaluate("document.activeElement.classList.contains('error-summary')")).toBe(true);
    expect((await app.request('GET', `/policies/${id}`, { token })).json.client.email).toBe(client);
    // The refusals on purpose are reported by Chromium as failed loads; nothing else went wrong.
    expect(problems.filter((p) => !p.includes('status of 409'))).toEqual([]);
    await context.close();
  });
});
