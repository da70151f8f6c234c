/**
 * The Flesch–Kincaid grade level of English text: 0.39 × words per sentence + 11.8 × syllables
 * per word − 15.59. Syllables are counted by the usual rule of thumb (groups of vowels, a silent
 * final e, at least one a word), which misses now and then ("emergencies" counts 4) but is close
 * enough to hold plain wording to a grade; a
 * sentence ends at . ! ? or : and at each line break (headings and list items stand alone).
 */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
    .replace(/ement$/, 'ment')
    .replace(/^y/, '');
  return Math.max(1, trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

export function readingGrade(text: string): number {
  const sentences = text
    .split(/(?<=[.!?:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z]/.test(s));
  const words = sentences.flatMap((s) => s.match(/[A-Za-z’']+/g) ?? []);
  if (words.length === 0) return 0;
  const total = words.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (words.length / sentences.length) + 11.8 * (total / words.length) - 15.59;
}

/** What a person reads of an email's text part or a page: no links, rules or quote marks. */
export function readableText(text: string): string {
  return text
    .replace(/<(head|style|script)[\s\S]*?<\/\1>/gi, '\n')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/https?:\/\/\S+|\/c\/\S+/g, '')
    .replace(/^[-=>]+\s?/gm, '');
}
