/**
 * The HTML shell every client page shares: escaping, the document head with its one inline
 * stylesheet, the notice box, the crisis box and the footer. No scripts and no external
 * resources: the page CSP allows neither, and every form works as plain HTML.
 */

import { escapeHtml, multiline } from '../../shared/emails/escape.js';
import { htmlDocument } from '../../shared/emails/html-document.js';
import { CRISIS_BOX } from '../../shared/wording/client.js';

export type Notice = { kind: 'success' | 'refusal' | 'error'; title: string; detail: string };

/** One escaper for emails and pages: safe in element content and quoted attributes. */
export { escapeHtml, multiline };

/** A path under the client's link, ready for an attribute. */
export function linkPath(token: string, action?: string): string {
  const base = `/c/${encodeURIComponent(token)}`;
  return escapeHtml(action ? `${base}/${action}` : base);
}

/**
 * A textarea's content. The HTML parser drops one newline right after the start tag, so one
 * is always written there: a draft that itself starts with a blank line comes back whole.
 */
export function textareaContent(text: string | undefined): string {
  return `\n${escapeHtml(text ?? '')}`;
}

// Colours are chosen for contrast on white: text 15.8:1, muted 8.3:1, accent 7.1:1.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;background:#f5f3ef;color:#1f2328;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:1.0625rem;line-height:1.55}
.wrap{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 2.5rem}
main,aside.crisis,footer{background:#fff;border-radius:8px;padding:1.25rem}
main{margin-bottom:1rem}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 1rem}
h2{font-size:1.1875rem;line-height:1.3;margin:1.75rem 0 .5rem}
.notice h2,aside.crisis h2{margin-top:0}
p,ul{margin:0 0 1rem}
ul{padding-left:1.4rem}
li{margin-bottom:.4rem}
a{color:#1a55a8;text-decoration:underline}
.muted{color:#4a4f55}
label{display:block;font-weight:600;margin-bottom:.25rem}
.hint{color:#4a4f55;margin:0 0 .5rem}
textarea{display:block;width:100%;min-height:10rem;padding:.6rem;font:inherit;color:#1f2328;background:#fff;border:2px solid #6b7076;border-radius:6px;resize:vertical}
textarea[readonly]{background:#f5f3ef}
.count{margin:.35rem 0 0;font-size:.95rem;color:#3d4146}
.count.over{color:#9b1c1c;font-weight:600}
form{margin:0 0 1rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:.75rem}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.55rem 1.1rem;border-radius:6px;cursor:pointer;border:2px solid #1a55a8;background:#1a55a8;color:#fff}
button.secondary{background:#fff;color:#1f2328;border-color:#4a4f55}
a:focus-visible,button:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #1a55a8;outline-offset:2px}
button:focus-visible{outline-color:#1f2328}
.notice{border:2px solid;border-radius:8px;padding:1rem;margin:0 0 1.25rem}
.notice p{margin:0}
.notice-success{background:#edf6ee;border-color:#2e7d32}
.notice-refusal{background:#fdf5e4;border-color:#8a5a00}
.notice-error{background:#fcefee;border-color:#b42318}
.kept{margin-top:1rem}
h3{font-size:1rem;margin:0 0 .35rem}
ol.messages{list-style:none;padding:0}
ol.messages>li{border-top:1px solid #d8d4cc;padding-top:.75rem;margin-bottom:1rem}
blockquote{margin:0 0 .75rem;padding:.5rem .75rem;border-left:4px solid #6b7076;background:#f5f3ef;white-space:pre-wrap;overflow-wrap:anywhere}
blockquote.reply{border-left-color:#1a55a8;background:#eef3fb}
.reply-from{margin:0 0 .35rem;font-weight:600}
details{margin:0 0 1rem}
summary{cursor:pointer;color:#1a55a8;text-decoration:underline}
aside.crisis{border:2px solid #1a55a8;margin-bottom:1rem}
footer{color:#4a4f55}
footer p:last-child{margin-bottom:0}
`;

export interface ShellParts {
  /** The document title (escaped here). */
  title: string;
  /** The inside of <main>, already escaped: it must begin with the page's only h1. */
  main: string;
  /** Crisis lines for the box every page carries. */
  crisis: string[];
  /** Already-escaped footer content (the stop link, who the page is on behalf of). */
  footer?: string;
}

export function documentShell(parts: ShellParts): string {
  const footer = parts.footer ? `<footer>\n${parts.footer}\n</footer>\n` : '';
  return htmlDocument({
    head: [
      '<meta name="referrer" content="no-referrer">',
      '<meta name="robots" content="noindex, nofollow">',
      '<meta name="color-scheme" content="light">',
      `<title>${escapeHtml(parts.title)}</title>`,
      // No icon to fetch: the page makes no request but its own (and its optional script).
      '<link rel="icon" href="data:,">',
      `<style>${STYLE}</style>`,
      // Progressive enhancement only: a live character counter; every form works without it.
      '<script src="/assets/counter.js" defer></script>',
    ],
    bodyTag: '<body>',
    content: ['<div class="wrap">', `<main>\n${parts.main}\n</main>`, crisisBox(parts.crisis), footer + '</div>'],
  });
}

/** The service is not watched for urgent messages, and every page says so. */
export function crisisBox(lines: string[]): string {
  return [
    '<aside class="crisis" aria-labelledby="crisis-title">',
    `<h2 id="crisis-title">${escapeHtml(CRISIS_BOX.heading)}</h2>`,
    `<p>${escapeHtml(CRISIS_BOX.intro)}</p>`,
    `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    '</aside>',
  ].join('\n');
}

/** The outcome of the last thing the client did: a status for good news, an alert otherwise. */
export function noticeBox(notice: Notice): string {
  const role = notice.kind === 'success' ? 'status' : 'alert';
  return [
    `<div class="notice notice-${notice.kind}" role="${role}">`,
    `<h2>${escapeHtml(notice.title)}</h2>`,
    `<p>${multiline(notice.detail)}</p>`,
    '</div>',
  ].join('\n');
}

/** A single-button form. Secondary buttons are plain, so the main choice stands out. */
export function buttonForm(action: string, label: string, secondary = false): string {
  const cls = secondary ? ' class="secondary"' : '';
  return `<form method="post" action="${action}"><button type="submit"${cls}>${escapeHtml(label)}</button></form>`;
}
