/**
 * One document, two renderings. A template describes its email as a list of blocks; the
 * plain-text part and the HTML part are both made from that list, so they always say the
 * same thing. The HTML is deliberately plain: inline styles, no images, no external
 * resources, no tracking, readable type, and real headings for screen readers.
 */
import { escapeHtml, isWebUrl, multiline, singleLine } from './escape.js';
import type { RenderedEmail } from './context.js';
import { htmlDocument } from './html-document.js';

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; items: string[] }
  /** Someone's own words, kept exactly (line breaks included). */
  | { type: 'quote'; text: string }
  /** A link on its own line. `primary` is the one thing the email asks for. */
  | { type: 'link'; label: string; url: string; primary: boolean };

export interface EmailDocument {
  subject: string;
  /** The single h1 of the email. */
  heading: string;
  body: Block[];
  /** Smaller print after a rule: the stop link, emergencies, who sent this. */
  footer: Block[];
}

export const p = (text: string): Block => ({ type: 'paragraph', text });
export const h = (text: string): Block => ({ type: 'heading', text });
export const list = (items: string[]): Block => ({ type: 'list', items });
export const quote = (text: string): Block => ({ type: 'quote', text });
export const button = (label: string, url: string): Block => ({ type: 'link', label, url, primary: true });
export const link = (label: string, url: string): Block => ({ type: 'link', label, url, primary: false });

/** Applies `f` to every piece of text in a document (used to keep an address out of client mail). */
export function mapText(doc: EmailDocument, f: (s: string) => string): EmailDocument {
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'list':
        return { ...b, items: b.items.map(f) };
      case 'link':
        return { ...b, label: f(b.label), url: f(b.url) };
      default:
        return { ...b, text: f(b.text) };
    }
  };
  return { subject: f(doc.subject), heading: f(doc.heading), body: doc.body.map(block), footer: doc.footer.map(block) };
}

export function renderDocument(doc: EmailDocument): RenderedEmail {
  const subject = singleLine(doc.subject);
  return { subject, text: renderText(doc), html: renderHtml(doc, subject) };
}

// ---------------------------------------------------------------------------------------
// Plain text

function textBlock(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return b.text;
    case 'heading':
      return `${b.text}\n${'-'.repeat(Math.min(Array.from(b.text).length, 60))}`;
    case 'list':
      return b.items.map((item) => `- ${item}`).join('\n');
    case 'quote':
      return b.text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'link':
      return `${b.label}:\n${b.url}`;
  }
}

function renderText(doc: EmailDocument): string {
  const heading = singleLine(doc.heading, 200);
  const parts = [`${heading}\n${'='.repeat(Math.min(Array.from(heading).length, 60))}`, ...doc.body.map(textBlock)];
  if (doc.footer.length > 0) parts.push('----', ...doc.footer.map(textBlock));
  return `${parts.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------
// HTML

const COLORS = {
  text: '#1f2328',
  muted: '#4a4f55',
  link: '#1a55a8',
  rule: '#d8d4cc',
  quoteBg: '#f5f3ef',
  page: '#f5f3ef',
};
const FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

function htmlBlock(b: Block, small: boolean): string {
  const size = small ? '15px' : '17px';
  const color = small ? COLORS.muted : COLORS.text;
  switch (b.type) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;font-size:${size};line-height:1.55;color:${color};">${multiline(b.text)}</p>`;
    case 'heading':
      return `<h2 style="margin:24px 0 8px;font-size:${small ? '16px' : '19px'};line-height:1.3;color:${COLORS.text};">${multiline(b.text)}</h2>`;
    case 'list':
      return `<ul style="margin:0 0 16px;padding-left:22px;font-size:${size};line-height:1.55;color:${color};">${b.items
        .map((item) => `<li style="margin:0 0 6px;">${multiline(item)}</li>`)
        .join('')}</ul>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid ${COLORS.rule};background:${COLORS.quoteBg};font-size:${size};line-height:1.55;color:${COLORS.text};">${multiline(b.text)}</blockquote>`;
    case 'link': {
      if (!isWebUrl(b.url)) {
        return `<p style="margin:0 0 16px;font-size:${size};line-height:1.55;color:${color};">${multiline(b.label)}: ${multiline(b.url)}</p>`;
      }
      const href = escapeHtml(b.url);
      const style = b.primary
        ? `display:inline-block;padding:10px 18px;border:2px solid ${COLORS.link};border-radius:6px;color:${COLORS.link};font-weight:600;text-decoration:underline;`
        : `color:${COLORS.link};text-decoration:underline;`;
      return `<p style="margin:0 0 16px;font-size:${size};line-height:1.55;"><a href="${href}" style="${style}">${multiline(b.label)}</a></p>`;
    }
  }
}

function renderHtml(doc: EmailDocument, subject: string): string {
  const body = doc.body.map((b) => htmlBlock(b, false)).join('\n');
  const footer =
    doc.footer.length > 0
      ? `\n<hr style="margin:28px 0 20px;border:0;border-top:1px solid ${COLORS.rule};">\n<footer>\n${doc.footer.map((b) => htmlBlock(b, true)).join('\n')}\n</footer>`
      : '';
  return htmlDocument({
    head: [`<title>${escapeHtml(subject)}</title>`],
    bodyTag: `<body style="margin:0;padding:0;background:${COLORS.page};">`,
    content: [
      `<div style="max-width:600px;margin:0 auto;padding:28px 24px;background:#ffffff;font-family:${FONT};color:${COLORS.text};">`,
      `<h1 style="margin:0 0 20px;font-size:23px;line-height:1.3;color:${COLORS.text};">${multiline(doc.heading)}</h1>`,
      body + footer,
      '</div>',
    ],
  });
}
