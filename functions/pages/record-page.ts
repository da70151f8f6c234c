/**
 * The printable record of an arrangement as one HTML document: no scripts, no requests
 * beyond itself, readable without its stylesheet (headings, lists and a table carry the
 * structure) and laid out for paper by its print rules. Everything interpolated is escaped.
 */
import { createHash } from 'node:crypto';
import { formatDate, type IsoDate } from '../../shared/domain/dates.js';
import { htmlDocument } from '../../shared/emails/html-document.js';
import { referralLine } from '../../shared/wording/format.js';
import { SITE } from '../../shared/wording/client.js';
import { recordWords as words } from '../../shared/wording/record.js';
import type { PrintableRecord } from '../../shared/use-cases/record.js';
import { escapeHtml, multiline } from './layout.js';

// Colours for contrast on white, as the client page's: text 15.8:1, muted 8.3:1.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;background:#f5f3ef;color:#1f2328;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:1rem;line-height:1.5}
.wrap{max-width:46rem;margin:0 auto;padding:1.25rem 1rem 2.5rem}
header,main,footer{background:#fff;border-radius:8px;padding:1rem 1.25rem;margin-bottom:1rem}
header p{margin:0}
.site{font-weight:700}
.muted{color:#4a4f55}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 .75rem}
h2{font-size:1.1875rem;line-height:1.3;margin:1.75rem 0 .5rem;padding-top:.75rem;border-top:1px solid #d8d4cc}
h3{font-size:1rem;margin:0 0 .35rem}
p,ul,ol,dl{margin:0 0 1rem}
ul{padding-left:1.4rem}
li{margin-bottom:.4rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dt{font-weight:600}
dd{margin:0}
ol.messages{list-style:none;padding:0}
ol.messages>li{margin-bottom:1.25rem}
blockquote{margin:0 0 .75rem;padding:.5rem .75rem;border-left:4px solid #6b7076;background:#f5f3ef;overflow-wrap:anywhere}
blockquote.reply{border-left-color:#1a55a8;background:#eef3fb}
.reply-from{margin:0 0 .35rem;font-weight:600}
table{border-collapse:collapse;width:100%;margin:0 0 1rem}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #d8d4cc}
th[scope=col]{border-bottom:2px solid #6b7076}
th:first-child,td:first-child{width:1%;white-space:nowrap}
@media print{
body{background:#fff;font-size:11pt;line-height:1.4}
.wrap{max-width:none;padding:0}
header,main,footer{padding:0;border-radius:0;margin:0 0 1rem}
.screen-only{display:none}
h2{break-after:avoid;page-break-after:avoid}
h3,.reply-from{break-after:avoid;page-break-after:avoid}
blockquote,tr,dl{break-inside:avoid;page-break-inside:avoid}
blockquote,blockquote.reply{background:none;border-left-width:3px}
}
`;

/**
 * Nothing but the record's own stylesheet may apply: no scripts, no requests, no forms, no
 * framing. The style is allowed by its hash, so not even an injected inline style would run.
 */
export const RECORD_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  // Only the empty icon, so the browser asks for no favicon.
  'img-src data:',
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const time = (on: IsoDate) => `<time datetime="${escapeHtml(on)}">${escapeHtml(formatDate(on))}</time>`;
const section = (id: string, heading: string, body: string[]) =>
  [`<section aria-labelledby="${id}">`, `<h2 id="${id}">${escapeHtml(heading)}</h2>`, ...body, '</section>'].join('\n');

function facts(r: PrintableRecord): string {
  const f = words.facts;
  const rows: [string, string][] = [
    [f.reference, escapeHtml(r.ref)],
    [f.state, escapeHtml(r.state)],
    [f.createdOn, time(r.createdOn)],
    [f.endedOn, time(r.endedOn)],
    [f.acceptedOn, r.acceptedOn ? time(r.acceptedOn) : escapeHtml(words.notYet)],
    [r.closes.ended ? f.closedOn : f.closesOn, time(r.closes.on)],
    [f.timeZone, escapeHtml(r.timeZone)],
  ];
  const items = rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`);
  return section('facts', words.factsHeading, ['<dl>', ...items, '</dl>']);
}

function note(label: string, text: string | null): string[] {
  return text ? [`<p class="reply-from">${escapeHtml(label)}</p>`, `<blockquote>${multiline(text)}</blockquote>`] : [];
}

function rules(r: PrintableRecord): string {
  const referrals =
    r.referrals.length > 0
      ? `<ul>\n${r.referrals.map((ref) => `<li>${escapeHtml(referralLine(ref))}</li>`).join('\n')}\n</ul>`
      : `<p>${escapeHtml(words.noReferrals)}</p>`;
  return section('rules', words.rulesHeading(r.clientName), [
    `<ul>\n${r.rules.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>`,
    r.rulesChanged ? `<p class="muted">${escapeHtml(words.rulesChangedNote)}</p>` : '',
    ...note(words.invitationNote, r.invitationNote),
    ...note(words.closingNote, r.closingNote),
    `<h3>${escapeHtml(words.referralsHeading)}</h3>`,
    referrals,
  ]);
}

function messages(r: PrintableRecord): string {
  if (r.messages.length === 0)
    return section('messages', words.messagesHeading, [`<p>${escapeHtml(words.noMessages(r.clientName))}</p>`]);
  const items = r.messages.map((m) => {
    const title = m.kind === 'update' && m.seq !== null ? words.update(m.seq, m.sentOn) : words.checkIn(m.sentOn);
    const reply = m.reply
      ? [
          `<p class="reply-from">${escapeHtml(words.reply(m.reply.sentOn))}</p>`,
          `<blockquote class="reply">${multiline(m.reply.text)}</blockquote>`,
        ]
      : [];
    return [
      '<li>',
      `<h3>${escapeHtml(title)}</h3>`,
      `<blockquote>${multiline(m.text)}</blockquote>`,
      ...reply,
      '</li>',
    ];
  });
  return section('messages', words.messagesHeading, ['<ol class="messages">', ...items.flat(), '</ol>']);
}

function timeline(r: PrintableRecord): string {
  const { on, what } = words.timelineColumns;
  const rows = r.timeline.map((e) => `<tr><td>${time(e.on)}</td><td>${escapeHtml(e.text)}</td></tr>`);
  return section('timeline', words.timelineHeading, [
    '<table>',
    `<thead><tr><th scope="col">${escapeHtml(on)}</th><th scope="col">${escapeHtml(what)}</th></tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ]);
}

export function renderRecordPage(r: PrintableRecord): string {
  const title = words.title(r.clientName);
  const main = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(words.intro(r.therapistName, r.madeOn))}</p>`,
    facts(r),
    rules(r),
    messages(r),
    timeline(r),
    section('retention', words.retentionHeading, [`<p>${escapeHtml(r.retention)}</p>`]),
  ];
  return htmlDocument({
    head: [
      '<meta name="referrer" content="no-referrer">',
      '<meta name="robots" content="noindex, nofollow">',
      '<meta name="color-scheme" content="light">',
      `<title>${escapeHtml(title)}</title>`,
      // No icon to fetch: the record makes no request but its own.
      '<link rel="icon" href="data:,">',
      `<style>${STYLE}</style>`,
    ],
    bodyTag: '<body>',
    content: [
      '<div class="wrap">',
      `<header>\n<p class="site">${escapeHtml(SITE)}</p>\n<p class="screen-only muted">${escapeHtml(words.printHint)}</p>\n</header>`,
      `<main>\n${main.filter((part) => part !== '').join('\n')}\n</main>`,
      `<footer>\n<p class="muted">${escapeHtml(`${SITE} · ${words.facts.reference} ${r.ref} · ${formatDate(r.madeOn)}`)}</p>\n</footer>`,
      '</div>',
    ],
  });
}
