/**
 * Text rules for what clients write. Length is counted the way a person counts: one
 * grapheme cluster per visible character, so "👩‍👩‍👧" or "é" written as e + accent is one.
 * Intl.Segmenter is built into Node, so no dependency is needed.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function countCharacters(text: string): number {
  return Array.from(segmenter.segment(text)).length;
}

/** Line endings become \n and surrounding whitespace goes, so the count matches what is kept. */
export function normaliseMessage(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

// Control characters other than tab and newline have no place in a plain-text note and can
// break email bodies; they are refused (with the text kept), never silently removed.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}
