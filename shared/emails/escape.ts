/**
 * Escaping for everything a template interpolates. Names, notes, referrals and the client's
 * own words are other people's text: in HTML they are always escaped, and in a subject they
 * can never start a new header line.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in element content and in double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/** Escaped, with the writer's line breaks kept as <br>. */
export function multiline(value: string): string {
  return escapeHtml(value.replace(/\r\n?/g, '\n')).replace(/\n/g, '<br>');
}

// Anything that could end a header line or confuse a mail client: C0/C1 controls (CR, LF, tab,
// NEL...) and the Unicode line and paragraph separators.
const LINE_BREAKING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

export const MAX_SUBJECT_LENGTH = 100;

/**
 * One short line, fit for a Subject header: line breaks and control characters become a
 * space, runs of spaces collapse, and anything past MAX_SUBJECT_LENGTH is cut with "…".
 */
export function singleLine(value: string, max = MAX_SUBJECT_LENGTH): string {
  const line = value.replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length <= max
    ? line
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** A name shortened for a subject line, so one long name cannot push the meaning out of view. */
export function shortName(name: string, max = 40): string {
  return singleLine(name, max);
}

/** Only http(s) links become clickable; anything else (javascript:, data:) is shown as text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}
