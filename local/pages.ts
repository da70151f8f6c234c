/** Local-only pages: sign in as a therapist, and read the outbox. Never deployed. */
import { escapeHtml as e } from '../functions/pages/client-page.js';
import type { LocalEventLog } from '../shared/adapters/local/event-log.js';
import type { OutboxEmail } from './outbox.js';

const shell = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} · Afterword (local)</title>
<link rel="icon" href="data:,">
<style>
body{font:16px/1.5 system-ui,sans-serif;color:#1d232b;background:#f7f6f3;margin:0}
main{max-width:52rem;margin:0 auto;padding:1.5rem}
label{display:block;margin-top:1rem;font-weight:600}
input{font:inherit;padding:.5rem;width:100%;max-width:24rem;border:1px solid #6b7280;border-radius:.375rem}
fieldset{border:0;padding:0;margin:1rem 0 0}legend{font-weight:600}fieldset label{font-weight:400}input[type=radio]{width:auto;margin-right:.5rem}
.problem{border-left:4px solid #9a3412;padding:.5rem 1rem;background:#fff7ed}
button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;border:0;border-radius:.375rem;background:#24527a;color:#fff;cursor:pointer}
code,pre{background:#eceae4;border-radius:.25rem;padding:.1rem .3rem;overflow-wrap:anywhere;white-space:pre-wrap}
article{background:#fff;border:1px solid #d6d3cc;border-radius:.5rem;padding:1rem;margin:1rem 0}
.meta{color:#4a5260;font-size:.9rem}
a{color:#1f4d78}
</style></head><body><main>${body}</main></body></html>`;

/** `problem`: why the last try did not sign in (access ended, another practice), said on the page. */
export function signInPage(problem?: string): string {
  return shell(
    'Sign in',
    `<h1>Sign in (local)</h1>${problem ? `\n<p class="problem" role="alert">${e(problem)}</p>` : ''}
<p>Local mode stands in for the practice's sign-in. Any address works; the same address is always the same therapist, in one practice.</p>
<form method="post" action="/local/sign-in">
<label for="name">Your name, as clients will see it</label><input id="name" name="name" required autocomplete="name">
<label for="email">Your email address</label><input id="email" name="email" type="email" required autocomplete="email">
<label for="practice">Practice</label><input id="practice" name="practice" value="default" required pattern="[a-z0-9][a-z0-9\\-]{0,39}" aria-describedby="practice-hint">
<p class="meta" id="practice-hint">Lower-case letters, digits and dashes. Everyone who signs in with the same practice works together.</p>
<fieldset><legend>Role</legend>
<label><input type="radio" name="role" value="therapist" checked> Therapist</label>
<label><input type="radio" name="role" value="admin"> Practice admin (also a therapist): invites colleagues, sets the practice's rules, hands arrangements over</label>
</fieldset>
<button type="submit">Sign in</button>
</form>
<p><a href="/local/outbox/view">Read the outbox</a></p>`,
  );
}

/** How much of the outbox one page shows: a long session (or a test run) sends thousands. */
export const OUTBOX_PAGE = { emails: 25, events: 50 } as const;

/**
 * The newest emails first, optionally only those to one address, and the newest domain events;
 * the page says how many it leaves out and where the rest are (the JSON has every one).
 */
export function outboxPage(emails: OutboxEmail[], events: LocalEventLog['events'] = [], to = ''): string {
  const wanted = to.trim().toLowerCase();
  const matching = wanted ? emails.filter((m) => m.to.some((a) => a.toLowerCase().includes(wanted))) : emails;
  const shown = matching.slice(-OUTBOX_PAGE.emails).reverse();
  const items = shown
    .map(
      (m) => `<article>
<h2>${e(m.subject)}</h2>
<p class="meta">To ${e(m.to.join(', '))} · from ${e(m.from)} · ${e(m.sentAt)}</p>
<pre>${linkify(m.text)}</pre>
</article>`,
    )
    .join('\n');
  const latestEvents = events.slice(-OUTBOX_PAGE.events).reverse();
  return shell(
    'Outbox',
    `<h1>Outbox</h1>
<form method="get" action="/local/outbox/view">
<label for="to">Only mail to (part of an address)</label><input id="to" name="to" type="search" value="${e(to)}" autocomplete="off">
<button type="submit">Show</button>
</form>
<p>${countLine(shown.length, matching.length, emails.length, wanted)} All of it as JSON: <a href="/local/outbox">/local/outbox</a>.</p>
${items || `<p>${wanted ? 'Nothing has been sent to that address yet.' : 'Nothing has been sent yet.'}</p>`}
<h2>Domain events</h2>
<p>What a practice's integrations would receive on the event bus, newest first${
      events.length > latestEvents.length ? ` (the latest ${latestEvents.length} of ${events.length})` : ''
    }. JSON: <a href="/local/events">/local/events</a>.</p>
<pre>${e(latestEvents.map((ev) => `${ev.publishedAt}  ${ev.type}  ${JSON.stringify(ev.detail)}`).join('\n') || 'None yet.')}</pre>`,
  );
}

function countLine(shown: number, matching: number, all: number, to: string): string {
  const which = to ? `to addresses containing “${e(to)}”` : 'the service sent';
  if (shown === matching) return `Every email ${which}, newest first (${matching} of ${all} in all).`;
  return `The newest ${shown} of ${matching} emails ${which}.`;
}

/** Escapes the text, then makes its http(s) links clickable so a client link can be opened. */
function linkify(text: string): string {
  return e(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
}
