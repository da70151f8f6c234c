/**
 * Text rules for what clients write. Length is counted the way a person counts: one
 * grapheme cluster per visible character, so "👩‍👩‍👧" or "é" written as e + accent is one.
 * Intl.Segmenter is built into Node, so no dependency is needed.
 */
let segmenter: Intl.Segmenter | undefined;
/**
 * Made on the first count, not when the module loads: building a segmenter loads ICU's
 * break rules, measured at 15–35 ms, which a cold start that counts nothing need not pay.
 */
const graphemes = () => (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));

/**
 * Segmenting a long string in one go costs time and memory that grow with the square of
 * its length on Node 20 (measured: 30,000 characters ≈ 1 s and ~1 GB), so it is done in
 * slices. Each slice is counted up to the start of its last cluster, which may run past
 * the cut, and the next slice starts there: a cluster boundary depends only on the
 * characters around it, all inside the slice (a slice never splits a surrogate pair),
 * so the total is exact.
 */
const SLICE = 1024;

export function countCharacters(text: string): number {
  let count = 0;
  let start = 0;
  let size = SLICE;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    // Never cut a surrogate pair: the character right of the last boundary must be whole.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    let segments = 0;
    let lastStart = 0;
    for (const { index } of graphemes().segment(text.slice(start, end))) {
      segments += 1;
      lastStart = index;
    }
    if (end === text.length) return count + segments;
    if (lastStart === 0) {
      size *= 2; // one cluster longer than the slice (stacked combining marks): look further
      continue;
    }
    count += segments - 1;
    start += lastStart;
    size = SLICE;
  }
  return count;
}

/** Line endings become \n and surrounding whitespace goes, so the count matches what is kept. */
export function normaliseMessage(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

// Control characters other than tab and newline have no place in a plain-text note and can
// break email bodies; they are refused (with the text kept), never silently removed.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// With the u flag this matches only unpaired surrogates: broken text that no email can carry.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text) || LONE_SURROGATE.test(text);
}

/** True when nothing would show: only spaces, line breaks or invisible format characters. */
export function isBlank(text: string): boolean {
  return !/[^\p{White_Space}\p{Cf}]/u.test(text);
}

/**
 * The new words of an email reply: everything above the quoted original. Mail programs mark
 * the quote differently; these are the common shapes ("On … wrote:", "> " lines, Outlook's
 * "-----Original Message-----" or "From:" header block, and a "-- " signature).
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    if (/^\s*>/.test(line)) break;
    if (/^-{2,}\s*Original Message\s*-{2,}/i.test(line)) break;
    if (line === '-- ') break;
    if (/^On .+wrote:\s*$/.test(line) || (/^On .+/.test(line) && /^.*wrote:\s*$/.test(next) && !/^\s*$/.test(next)))
      break;
    if (/^From: .+/.test(line) && /^(Sent|Date): .+/.test(next)) break;
    kept.push(line);
  }
  return kept.join('\n').trim();
}
