/**
 * Real headless Chromium (Debian's, driven by playwright-core) for the browser tests, with
 * axe-core accessibility checks and screenshots of every page at phone and desktop widths.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const;

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Nothing but this machine: the service under test listens on loopback.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}

/** A fresh context (own storage) at a viewport, collecting console errors and CSP violations. */
export async function openContext(browser: Browser, viewport: keyof typeof VIEWPORTS = 'desktop') {
  const context: BrowserContext = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    locale: 'en-US',
    timezoneId: 'America/New_York',
  });
  // A missing element fails with its name well before the test's own timeout, with room
  // for a loaded CI machine (two cores, several test files at once).
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // A page answered with 404 or 409 on purpose is reported by Chromium as a failed load of
    // the document itself; that is the design, not a problem. Anything else counts.
    if (msg.text().startsWith('Failed to load resource') && msg.location().url === page.url()) return;
    problems.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return { context, page, problems };
}

/** axe-core on the page as it is now: the serious and critical violations, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The tallest page the screenshots accept. The longest real page (the new-arrangement form
 * with its preview, at phone width) is about 7,600 px; a page far past this is one that grows
 * with the data (the local outbox once listed every email ever sent), and Chromium stalls or
 * fails capturing it instead of saying so.
 */
const MAX_PAGE_HEIGHT = 12_000;

async function capture(page: Page, file: string, label: string): Promise<void> {
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  if (height > MAX_PAGE_HEIGHT)
    throw new Error(`${page.url()} is ${height}px tall at ${label} width: a page should not grow without bound`);
  await page.screenshot({ path: file, fullPage: true, timeout: 30_000 });
}

/** Screenshots of the current page at both widths, named for the README and for review. */
export async function screenshotBoth(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  const files: string[] = [];
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    const file = join(SCREENSHOTS, `${name}-${label}.png`);
    await capture(page, file, label);
    files.push(file);
  }
  if (original) await page.setViewportSize(original);
  return files;
}
