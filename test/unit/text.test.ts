import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import {
  countCharacters,
  hasControlCharacters,
  isBlank,
  normaliseMessage,
  stripQuotedReply,
} from '../../shared/domain/text.js';

describe('countCharacters', () => {
  it.each([
    ['a family emoji joined with zero-width joiners', '👩‍👩‍👧', 1],
    ['a flag made of two regional indicators', '🇺🇸', 1],
    ['a waving hand with a skin-tone modifier', '👋🏽', 1],
    ['a rainbow flag (emoji ZWJ sequence with a variation selector)', '🏳️‍🌈', 1],
    ['e followed by a combining acute accent', 'e\u0301', 1],
    ['a precomposed é in a word', 'héllo', 5],
    ['a precomposed Hangul syllable', '한', 1],
    ['a Hangul syllable written as three conjoining jamo', '\u1112\u1161\u11AB', 1],
    ['a Hangul word', '한국어', 3],
    ['a Devanagari consonant with a vowel sign', 'कि', 1],
    ['a Devanagari word of consonant + vowel sign clusters', 'किताब', 3],
    ['plain ASCII', 'Hello, world', 12],
    ['the empty string', '', 0],
    ['a newline as one character', 'a\nb', 3],
  ])('counts %s as a person would', (_label, text, expected) => {
    expect(countCharacters(text)).toBe(expected);
  });

  it('counts fewer characters than UTF-16 code units for emoji', () => {
    const text = '👩‍👩‍👧'.repeat(10);
    expect(text.length).toBe(80);
    expect(countCharacters(text)).toBe(10);
  });

  it('counts CRLF as one character (one grapheme cluster)', () => {
    expect(countCharacters('a\r\nb')).toBe(3);
  });
});

describe('normaliseMessage', () => {
  it('turns Windows line endings (CRLF) into LF', () => {
    expect(normaliseMessage('first line\r\nsecond line')).toBe('first line\nsecond line');
  });

  it('turns old Mac line endings (lone CR) into LF', () => {
    expect(normaliseMessage('first line\rsecond line')).toBe('first line\nsecond line');
  });

  it('turns a mix of line endings into LF, one each', () => {
    expect(normaliseMessage('a\r\n\r\nb\rc\nd')).toBe('a\n\nb\nc\nd');
  });

  it('trims surrounding whitespace and blank lines but keeps inner spacing', () => {
    expect(normaliseMessage('  \r\n\tHello  there\r\n\r\n  ')).toBe('Hello  there');
  });

  it('turns whitespace-only text into the empty string', () => {
    expect(normaliseMessage(' \r\n\t \n ')).toBe('');
  });

  it('leaves text that needs nothing unchanged', () => {
    expect(normaliseMessage('The new job is going well.\nThank you.')).toBe('The new job is going well.\nThank you.');
  });
});

describe('hasControlCharacters', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['BEL', 'ring\u0007'],
    ['backspace', 'oops\u0008'],
    ['escape (terminal sequences)', '\u001B[31mred'],
    ['DEL', 'x\u007F'],
    ['vertical tab', 'a\u000Bb'],
    ['form feed', 'a\u000Cb'],
    ['unit separator', 'a\u001Fb'],
  ])('finds %s', (_label, text) => {
    expect(hasControlCharacters(text)).toBe(true);
  });

  it.each([
    ['a tab', 'a\tb'],
    ['a newline', 'a\nb'],
    ['plain text', 'Hello there'],
    ['emoji and accents', 'héllo 👩‍👩‍👧'],
    ['the empty string', ''],
  ])('allows %s', (_label, text) => {
    expect(hasControlCharacters(text)).toBe(false);
  });
});

describe('countCharacters on long text', () => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
  const reference = (t: string) => Array.from(segmenter.segment(t)).length;
  const pieces = [
    'a',
    ' ',
    '\r\n',
    'e\u0301',
    '\u0301\u0301',
    '한',
    'क्षि',
    '👩‍👩‍👧',
    '🇺🇸',
    '🇫🇷',
    '🏳️‍🌈',
    '\u{1F44D}\u{1F3FD}',
  ];

  it('counts exactly like one-pass segmentation, whatever falls on a slice boundary', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 1500 }), fc.nat(3), (parts, lead) => {
        // Leading runs shift where slices fall: a flag run or one cluster longer than a slice.
        const prefix = ['', '🇺🇸'.repeat(300), 'a' + '\u0301'.repeat(1500), 'x'.repeat(1023)][lead]!;
        const text = prefix + parts.join('');
        expect(countCharacters(text)).toBe(reference(text));
      }),
      { numRuns: 150 },
    );
  });

  it('counts 100,000 characters (one-pass segmentation of this much ran out of memory)', () => {
    expect(countCharacters('a'.repeat(100_000))).toBe(100_000);
  });
});

describe('stripQuotedReply', () => {
  it.each([
    [
      'Gmail',
      'Thanks, all good here.\n\nOn Fri, 20 Nov 2026 at 10:00, Afterword <no-reply@mail.example.org> wrote:\n> Your check-in is in 7 days',
      'Thanks, all good here.',
    ],
    [
      'Gmail with a wrapped attribution line',
      'Doing well.\n\nOn Fri, 20 Nov 2026 at 10:00, Afterword\n<no-reply@mail.example.org> wrote:\n> quoted',
      'Doing well.',
    ],
    [
      'Outlook',
      'A short update.\r\n\r\n-----Original Message-----\r\nFrom: Afterword\r\nSent: Friday',
      'A short update.',
    ],
    [
      'Outlook without the marker',
      'Hello.\n\nFrom: Afterword <no-reply@mail.example.org>\nSent: Friday, November 20, 2026 10:00 AM',
      'Hello.',
    ],
    ['a signature', 'Words.\n-- \nSent from my phone', 'Words.'],
    ['plain quoting', 'Above.\n> below', 'Above.'],
  ])('keeps only the new words of a %s reply', (_kind, text, expected) => {
    expect(stripQuotedReply(text)).toBe(expected);
  });

  it('keeps every line of a reply that quotes nothing, including one that merely starts with "On"', () => {
    expect(stripQuotedReply('On Monday I went back to work.\nIt was fine.')).toBe(
      'On Monday I went back to work.\nIt was fine.',
    );
  });

  it('returns nothing for a reply that is only the quote', () => {
    expect(stripQuotedReply('> Your arrangement is in place')).toBe('');
  });
});

describe('text that cannot be sent', () => {
  it('treats invisible-only text (zero-width spaces, format characters) as blank', () => {
    expect(isBlank('\u200b')).toBe(true);
    expect(isBlank(' \n\u2060\ufeff ')).toBe(true);
    expect(isBlank('\u200bhi')).toBe(false);
  });

  it('flags an unpaired surrogate but not an emoji made of a proper pair', () => {
    expect(hasControlCharacters('a\ud800b')).toBe(true);
    expect(hasControlCharacters('🌿')).toBe(false);
  });
});
