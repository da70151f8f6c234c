import { describe, it, expect } from 'vitest';
import {
  escapeHtml,
  renderClientPage,
  renderErrorPage,
  renderLinkNotActivePage,
  renderStopPage,
  type PageOptions,
} from '../../functions/pages/client-page.js';
import { clientView, type ClientView } from '../../shared/use-cases/views.js';
import { makePolicy, type PolicyOverrides } from '../support/policy-factory.js';

// The factory's policy: therapy ended 2026-11-20, updates until 2027-01-01 (3, 7 days apart,
// 1,000 characters), check-in message from 2027-02-20 until 2027-02-26, closing 2027-03-06.
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde';
const KEY = 'idem-key-0001';
const TODAY = '2026-12-03';
const THERAPIST_EMAIL = 'dana.reyes@practice.example';
const REFERRALS = [
  { name: 'Riverside Counselling', contact: 'https://riverside.example/referrals' },
  { name: 'Jo Park <LCSW>', contact: '+1 555 010 2000' },
];

function view(overrides: PolicyOverrides = {}, today = TODAY): ClientView {
  return clientView(makePolicy({ ...overrides, rules: { referrals: REFERRALS, ...overrides.rules } }), today);
}

function page(overrides: PolicyOverrides = {}, opts: Partial<PageOptions> = {}, today = TODAY): string {
  return renderClientPage(view(overrides, today), { token: TOKEN, idempotencyKey: KEY, ...opts });
}

const count = (html: string, needle: string) => html.split(needle).length - 1;
const formActions = (html: string) => [...html.matchAll(/<form method="post" action="([^"]*)"/g)].map((m) => m[1]);

const invited: PolicyOverrides = { state: 'invited', acceptedAt: null };
const closed: PolicyOverrides = { state: 'closed', closedReason: 'closing-date', closedAt: '2027-03-06T14:00:00.000Z' };
const optedOut: PolicyOverrides = { state: 'closed', closedReason: 'opted-out', closedAt: '2026-12-03T14:00:00.000Z' };
const declined: PolicyOverrides = { state: 'declined', closedReason: 'declined', acceptedAt: null };

function expectAccessibleShell(html: string) {
  expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(html).toMatch(/<title>[^<]+<\/title>/);
  expect(count(html, '<h1')).toBe(1);
  expect(count(html, '<main>')).toBe(1);
  // One same-origin script (the optional live character counter), nothing inline, nothing external.
  expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/counter.js" defer>']);
  expect(html.match(/<link [^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
  expect(html).not.toMatch(/<script>|<img |https?:\/\/(?!riverside\.example)/i);
  for (const [, id] of html.matchAll(/<textarea id="([^"]+)"/g)) expect(html).toContain(`<label for="${id}">`);
  expect(count(html, '<button')).toBe(count(html, '<button type="submit"'));
  expect(html).not.toContain('maxlength');
}

function expectCrisisBox(html: string) {
  expect(html).toContain('This page is not for emergencies.');
  expect(html).toContain('Call or text 988');
  expect(html).toContain('call 911');
}

describe('the invited page', () => {
  const html = page(invited);

  it('says who the arrangement is from and lists the rules in plain words', () => {
    expect(html).toContain('<h1>Staying in touch with Dana Reyes</h1>');
    for (const line of view(invited).summary.rules) expect(html).toContain(escapeHtml(line));
  });

  it('offers accept and decline forms, with decline as the quieter choice', () => {
    expect(formActions(html)).toEqual([`/c/${TOKEN}/accept`, `/c/${TOKEN}/decline`]);
    expect(html).toContain('<button type="submit">Accept</button>');
    expect(html).toContain('<button type="submit" class="secondary">Decline</button>');
    expect(html).toContain('Saying no is completely fine.');
  });

  it('has no update or check-in form before the client accepts', () => {
    expect(html).not.toContain('<textarea');
  });
});

describe('the active page', () => {
  it('shows what is left and an update form carrying the idempotency key when an update can be sent today', () => {
    const html = page();
    expect(html).toContain(escapeHtml(view().summary.left));
    expect(html).toContain(`<form method="post" action="/c/${TOKEN}/update">`);
    expect(html).toContain('<textarea id="update-text" name="text"');
    expect(html).toContain(`<input type="hidden" name="idempotencyKey" value="${KEY}">`);
    expect(html).toContain('Up to 1,000 characters');
    expectAccessibleShell(html);
  });

  it('escapes a draft that tries to close the textarea, and keeps every word of it', () => {
    const draft = '\nHello </textarea><script>alert("x")</script> & goodbye';
    const html = page({}, { draft: { update: draft } });
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      `<textarea id="update-text" name="text" rows="8" aria-describedby="update-text-hint update-text-count" data-max-characters="1000">\n${escapeHtml(draft)}</textarea>`,
    );
    expect(count(html, '</textarea>')).toBe(count(html, '<textarea'));
  });

  it('shows a refusal in an alert box and keeps the refused words in the textarea', () => {
    const html = page(
      {},
      {
        notice: {
          kind: 'refusal',
          title: 'A little too long',
          detail: 'Your message is 1,200 characters and the limit is 1,000.',
        },
        draft: { update: 'My long update' },
      },
    );
    expect(html).toMatch(
      /<div class="notice notice-refusal" role="alert">\n<h2>A little too long<\/h2>\n<p>Your message is 1,200 characters/,
    );
    expect(html).toMatch(/<textarea id="update-text"[^>]*>\nMy long update<\/textarea>/);
    expect(html).toContain('<title>A little too long · Afterword</title>');
  });

  it('shows a success in a status box', () => {
    const html = page({}, { notice: { kind: 'success', title: 'Your update was sent', detail: 'It is on its way.' } });
    expect(html).toContain('<div class="notice notice-success" role="status">');
  });

  it('says when the next update is possible instead of showing the form when it is too soon', () => {
    const html = page({ updatesAccepted: 1, lastUpdateOn: '2026-12-01' });
    expect(html).not.toContain('action="/c/' + TOKEN + '/update"');
    expect(html).toContain('Your next update can be sent from 8 December 2026.');
  });

  it('leaves out the update section once no more updates can be sent', () => {
    const html = page({ updatesAccepted: 3, lastUpdateOn: '2026-12-01' });
    expect(html).not.toContain('Send an update');
    expect(html).toContain('0 of 3 updates left.');
  });

  it('keeps refused words read-only when the form cannot be shown', () => {
    const html = page({ updatesAccepted: 3, lastUpdateOn: '2026-12-01' }, { draft: { update: 'Words <b>kept</b>' } });
    expect(html).toContain('You have sent all 3 updates.');
    expect(html).toMatch(/<textarea id="kept-update" rows="8" readonly>\nWords &lt;b&gt;kept&lt;\/b&gt;<\/textarea>/);
    expectAccessibleShell(html);
  });

  it('offers the check-in form with the kept draft on check-in days, and a way to skip it', () => {
    const html = page({}, { draft: { checkIn: 'Three months on <3' } }, '2027-02-21');
    expect(formActions(html)).toEqual([`/c/${TOKEN}/check-in`, `/c/${TOKEN}/skip-check-in`]);
    expect(html).toMatch(/<textarea id="check-in-text" name="text"[^>]*>\nThree months on &lt;3<\/textarea>/);
    expect(html).toContain('until 26 February 2027');
    expect(html).toContain('<button type="submit" class="secondary">Skip the check-in</button>');
    expectAccessibleShell(html);
  });

  it('does not offer to skip a check-in that was already sent', () => {
    const html = page({ checkIn: 'sent' }, {}, '2027-02-22');
    expect(html).not.toContain('skip-check-in');
    expect(html).toContain('Your check-in message has been sent.');
  });

  it('shows the date and the escaped note of a check-in session', () => {
    const html = page({ rules: { checkIn: { format: 'session', note: 'I will call you <at 10>.' } } });
    expect(html).toContain('Saturday 20 February 2027');
    expect(html).toContain('I will call you &lt;at 10&gt;.');
    expect(html).not.toContain('check-in-text');
  });

  it("explains a pause without offering the update form; skipping the check-in stays the client's choice", () => {
    const html = page({ state: 'paused' });
    expect(html).toContain(escapeHtml(view({ state: 'paused' }).stateDetail ?? 'missing'));
    expect(formActions(html)).toEqual([`/c/${TOKEN}/skip-check-in`]);
  });

  it("says until when a pause lasts, with the therapist's note", () => {
    const html = page({ state: 'paused', pause: { until: '2026-12-28', note: 'Back after the holidays.' } });
    expect(html).toContain('paused updates until 28 December 2026');
    expect(html).toContain('Back after the holidays.');
  });
});

describe('the ended pages', () => {
  it('shows why a closed arrangement ended and the referrals, with no forms', () => {
    const html = page(closed);
    expect(html).not.toContain('<form');
    expect(html).toContain(escapeHtml(view(closed).stateDetail ?? 'missing'));
    expect(html).toContain('<a href="https://riverside.example/referrals">https://riverside.example/referrals</a>');
    expect(html).toContain('Jo Park &lt;LCSW&gt;: <a href="tel:+15550102000">+1 555 010 2000</a>');
    expectAccessibleShell(html);
  });

  it('has no forms after the client declined', () => {
    const html = page(declined);
    expect(html).not.toContain('<form');
    expect(html).toContain('You chose not to take part');
  });

  it('has no stop link once the client has stopped all emails', () => {
    expect(page(optedOut)).not.toContain(`/c/${TOKEN}/stop`);
  });
});

describe('on every page', () => {
  const pages: [string, string][] = [
    ['invited', page(invited)],
    ['active', page()],
    ['paused', page({ state: 'paused' })],
    ['declined', page(declined)],
    ['closed', page(closed)],
    ['opted out', page(optedOut)],
    ['stop', renderStopPage(view(), { token: TOKEN, done: false, opensPage: true })],
    ['stop done', renderStopPage(view(optedOut), { token: TOKEN, done: true, opensPage: true })],
    ['link not active', renderLinkNotActivePage('This link is not active.')],
    ['error', renderErrorPage('Something went wrong', 'Please try again.')],
  ];

  it.each(pages)('the %s page shows the crisis box with 988', (_name, html) => {
    expectCrisisBox(html);
  });

  it.each(pages)('the %s page is an accessible document that needs no script', (_name, html) => {
    expectAccessibleShell(html);
  });

  it.each(pages)('the %s page never shows the therapist’s email address', (_name, html) => {
    expect(html).not.toContain(THERAPIST_EMAIL);
  });

  it.each([
    ['invited', invited],
    ['active', {}],
    ['paused', { state: 'paused' }],
    ['declined', declined],
    ['closed', closed],
  ] as [string, PolicyOverrides][])('the %s page links to stopping all emails', (_name, overrides) => {
    expect(page(overrides)).toContain(`<a href="/c/${TOKEN}/stop">Stop all emails</a>`);
  });
});

describe('the stop page', () => {
  it('asks for confirmation with a single stop button and a way back', () => {
    const html = renderStopPage(view(), { token: TOKEN, done: false, opensPage: true });
    expect(formActions(html)).toEqual([`/c/${TOKEN}/stop`]);
    expect(html).toContain(`<a href="/c/${TOKEN}">Go back to your page</a>`);
  });

  it('confirms the stop without any form, and gives the referrals', () => {
    const html = renderStopPage(view(optedOut), { token: TOKEN, done: true, opensPage: true });
    expect(html).not.toContain('<form');
    expect(html).toContain('<h1>All emails have stopped</h1>');
    expect(html).toContain('Riverside Counselling');
  });

  it('says there is nothing to stop when the arrangement has already ended', () => {
    const html = renderStopPage(view(closed), { token: TOKEN, done: false, opensPage: true });
    expect(html).not.toContain('<form');
    expect(html).toContain('has already ended');
  });

  it('has no way back to the page for a stop link, which cannot open it', () => {
    for (const [overrides, done] of [
      [{}, false],
      [closed, false],
      [optedOut, true],
    ] as [PolicyOverrides, boolean][]) {
      const html = renderStopPage(view(overrides), { token: TOKEN, done, opensPage: false });
      expect(html).not.toContain('Go back to your page');
      expect(html).not.toContain(`href="/c/${TOKEN}"`);
    }
    expect(formActions(renderStopPage(view(), { token: TOKEN, done: false, opensPage: false }))).toEqual([
      `/c/${TOKEN}/stop`,
    ]);
  });
});

describe('the link-not-active and error pages', () => {
  it('show the escaped detail with the default crisis lines', () => {
    const html = renderLinkNotActivePage('Use the <newest> link.');
    expect(html).toContain('Use the &lt;newest&gt; link.');
    expect(html).toContain('If you are in immediate danger, call 911.');
  });

  it('escape the title and detail of an error page', () => {
    const html = renderErrorPage('Oops <b>', 'Try "again" & soon');
    expect(html).toContain('<h1>Oops &lt;b&gt;</h1>');
    expect(html).toContain('<title>Oops &lt;b&gt; · Afterword</title>');
    expect(html).toContain('Try &quot;again&quot; &amp; soon');
  });
});

describe('escaping', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes the therapist name, the token and the idempotency key wherever they appear', () => {
    const html = renderClientPage(view({ therapist: { name: 'Dr <Eve> "Q"', email: THERAPIST_EMAIL } }), {
      token: 'tok"><x',
      idempotencyKey: 'k"><x',
    });
    expect(html).not.toContain('<Eve>');
    expect(html).not.toContain('"><x');
    expect(html).toContain('Dr &lt;Eve&gt; &quot;Q&quot;');
  });
});

describe('personal notes on the page', () => {
  const notes = {
    invitationNote: 'It was good to work with you.\nThis is here if you want it.',
    closingNote: 'Go gently.',
  };

  it('shows the invitation note while the client is invited, escaped, with its line breaks', () => {
    const html = page({ ...invited, rules: { ...notes, invitationNote: 'Hello <b>you</b>\nTake care.' } });
    expect(html).toContain('A note from Dana Reyes:');
    expect(html).toContain('<blockquote>Hello &lt;b&gt;you&lt;/b&gt;\nTake care.</blockquote>');
    expect(html).not.toContain('Go gently.');
  });

  it('has no note on the invited page without one, and none once the arrangement is active', () => {
    expect(page(invited)).not.toContain('A note from');
    expect(page({ rules: notes })).not.toContain('A note from');
  });

  it('shows the closing note after the arrangement closed, but not after the client stopped all emails', () => {
    const ended = page({ ...closed, rules: notes });
    expect(ended).toContain('A note from Dana Reyes:');
    expect(ended).toContain('Go gently.');
    expect(ended).not.toContain('This is here if you want it.');
    expect(page({ ...optedOut, rules: notes })).not.toContain('Go gently.');
    expect(page({ ...declined, rules: notes })).not.toContain('A note from');
  });

  it('keeps the closing note to the client who accepted: one who never did had no goodbye either', () => {
    expect(page({ ...closed, acceptedAt: null, rules: notes })).not.toContain('Go gently.');
  });

  it('keeps the crisis resources on every page with a note', () => {
    expectCrisisBox(page({ ...invited, rules: notes }));
    expectCrisisBox(page({ ...closed, rules: notes }));
  });
});
