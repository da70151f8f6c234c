/**
 * Flesch–Kincaid grade level of what a person reads: 0.39 × words per sentence + 11.8 ×
 * syllables per word − 15.59 (Kincaid et al., 1975). Syllables are counted by `syllable`
 * (English rules plus an exception list); sentences end at . ! ? : or a line break, so each
 * list item or heading counts as one. Addresses, links and numbers are not words anyone
 * sounds out, so they are left out; "Dr." does not end a sentence.
 */
import { syllable } from 'syllable';

export interface Readability {
  grade: number;
  words: number;
  sentences: number;
}

export function readingGrade(text: string): Readability {
  const cleaned = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(/\b(Dr|Mr|Mrs|Ms|St)\./g, '$1');
  const sentences = cleaned
    .split(/[.!?:;]+(?:\s|$)|\n+/)
    .map((s) => s.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [])
    .filter((words) => words.length > 0);
  const words = sentences.flat();
  const syllables = words.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
  if (words.length === 0) return { grade: 0, words: 0, sentences: 0 };
  const grade = 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
  return { grade: Math.round(grade * 10) / 10, words: words.length, sentences: sentences.length };
}

/** The text a browser shows for server-rendered HTML: tags out, block ends as line breaks, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<(style|script|title)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|h1|h2|h3|li|div|label|button|summary|blockquote|a)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
