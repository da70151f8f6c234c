/**
 * zod schemas for everything that crosses a boundary: request bodies, stored items,
 * configuration. zod/mini keeps each bundle small (full zod adds ~440 KB); parse.ts sets
 * the English locale for readable messages.
 */
import * as z from 'zod/mini';
import { CRISIS_LOCALES } from './crisis.js';
import { isIsoDate, isTimeZone } from './dates.js';
import { NOTIFICATIONS } from './notifications.js';
import { hasControlCharacters } from './text.js';

export { parseWith } from './parse.js';

/** Strips CR and LF: names and notes end up in email subjects and must not inject headers. */
const singleLine = (max: number) =>
  z.pipe(
    z.string().check(z.trim(), z.minLength(1), z.maxLength(max)),
    z.transform((v) => v.replace(/[\r\n\u2028\u2029]+/g, ' ')),
  );

export const isoDate = z.string().check(z.refine(isIsoDate, 'Expected a date as YYYY-MM-DD.'));
/** Stored in its canonical spelling ("america/new_york" becomes "America/New_York"). */
export const timeZone = z.pipe(
  z.string().check(z.refine(isTimeZone, 'Expected an IANA time zone such as America/New_York.')),
  z.transform((zone) => new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone),
);
export const email = z.email().check(z.maxLength(254));
export const policyId = z.uuid();
export const personName = singleLine(120);

/*
 * The three request bodies below are built on their first parse (z.lazy), not when the
 * module loads: together they are about 100 zod schemas, and building zod schemas is the
 * largest part of what a cold start spends beyond the SDK client (see the README). Their
 * parts are functions for the same reason.
 */
const updateFields = () => ({
  limit: z.optional(z.int().check(z.gte(0), z.lte(12))),
  minDaysBetween: z.optional(z.int().check(z.gte(0), z.lte(365))),
  from: z.optional(isoDate),
  until: z.optional(isoDate),
  maxCharacters: z.optional(z.int().check(z.gte(1), z.lte(5000))),
});

const checkInFields = () => ({
  on: z.optional(isoDate),
  afterMonths: z.optional(z.int().check(z.gte(1), z.lte(24))),
  format: z.optional(z.enum(['message', 'session'])),
  note: z.optional(z.nullable(z.string().check(z.maxLength(1000)))),
  remindDaysBefore: z.optional(z.array(z.int().check(z.gte(1), z.lte(60))).check(z.maxLength(5))),
});

const referral = () => z.strictObject({ name: singleLine(120), contact: singleLine(200) });
const referrals = () => z.array(referral()).check(z.maxLength(10));

/** The most a personal note (invitation or closing) may hold, once trimmed. */
export const NOTE_MAX_CHARACTERS = 1000;

/**
 * A personal note from the therapist: plain text, line breaks kept (as \n), trimmed, up to
 * 1,000 characters. A blank note is no note (null); null takes a note away.
 */
const personalNote = () =>
  z.optional(
    z.nullable(
      z.pipe(
        z.string().check(
          z.overwrite((v) => v.replace(/\r\n?/g, '\n')),
          z.trim(),
          z.maxLength(NOTE_MAX_CHARACTERS),
          z.refine((v) => !hasControlCharacters(v), 'A note can hold plain text only: letters, numbers, line breaks.'),
        ),
        z.transform((v): string | null => (v === '' ? null : v)),
      ),
    ),
  );

const rulesFields = () => ({
  updates: z.optional(z.strictObject(updateFields())),
  checkIn: z.optional(z.nullable(z.strictObject(checkInFields()))),
  replies: z.optional(z.enum(['none', 'may-reply'])),
  closesOn: z.optional(isoDate),
  referrals: z.optional(referrals()),
  crisisLocale: z.optional(z.enum(CRISIS_LOCALES)),
  invitationNote: personalNote(),
  closingNote: personalNote(),
});

type WithCheckIn = { checkIn?: { on?: string | undefined; afterMonths?: number | undefined } | null | undefined };
const oneCheckInDate = z.refine<WithCheckIn>((b) => !(b.checkIn?.on && b.checkIn.afterMonths), {
  message: 'Give either checkIn.on or checkIn.afterMonths, not both.',
  path: ['checkIn'],
});

export const createPolicyBody = z.lazy(() =>
  z
    .strictObject({
      client: z.strictObject({ name: personName, email }),
      endedOn: isoDate,
      timeZone: z.optional(timeZone),
      ...rulesFields(),
    })
    .check(oneCheckInDate),
);
export type CreatePolicyBody = z.infer<typeof createPolicyBody>;

/**
 * PATCH replaces the rules it names; the end date stays. The client's address can be corrected
 * while invited; `confirmReduce` accepts a change that takes back something promised.
 */
export const patchPolicyBody = z.lazy(() =>
  z
    .strictObject({
      client: z.optional(z.strictObject({ name: z.optional(personName), email: z.optional(email) })),
      ...rulesFields(),
      confirmReduce: z.optional(z.boolean()),
    })
    .check(oneCheckInDate),
);
export type PatchPolicyBody = z.infer<typeof patchPolicyBody>;

export const messageBody = z.strictObject({ text: z.string().check(z.maxLength(100_000)) });

/** A pause: optionally until a day (it reopens by itself at 09:00 then) and a note to the client. */
export const pauseBody = z.lazy(() =>
  z.strictObject({
    until: z.optional(z.nullable(isoDate)),
    note: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(1000)))),
  }),
);
export type PauseBody = z.infer<typeof pauseBody>;

/** A therapist's reply: to an update by its number, or to the check-in message. */
export const replyBody = z.lazy(() =>
  z.strictObject({
    inReplyTo: z.union([
      z.strictObject({ update: z.int().check(z.gte(1), z.lte(12)) }),
      z.strictObject({ checkIn: z.literal(true) }),
    ]),
    text: z.string().check(z.maxLength(100_000)),
  }),
);

/** Idempotency keys are opaque to us; bounded so they cannot bloat the table. */
export const idempotencyKey = z.string().check(z.minLength(1), z.maxLength(200));

export const profileBody = z.lazy(() => {
  const updates = updateFields();
  const checkIn = checkInFields();
  return z.strictObject({
    displayName: z.optional(personName),
    /** How the therapist hears of a new update or check-in message. */
    notifications: z.optional(z.enum(NOTIFICATIONS)),
    timeZone: z.optional(timeZone),
    crisisLocale: z.optional(z.enum(CRISIS_LOCALES)),
    /** The therapist's usual rules for new policies (dates are per policy, so not here). */
    defaultRules: z.optional(
      z.strictObject({
        updates: z.optional(
          z.strictObject({
            limit: updates.limit,
            minDaysBetween: updates.minDaysBetween,
            maxCharacters: updates.maxCharacters,
            /** The window ends this many days after therapy ended (a policy's `until` wins). */
            windowDays: z.optional(z.int().check(z.gte(1), z.lte(365))),
          }),
        ),
        checkIn: z.optional(
          z.strictObject({
            afterMonths: checkIn.afterMonths,
            format: checkIn.format,
            remindDaysBefore: checkIn.remindDaysBefore,
          }),
        ),
        replies: z.optional(z.enum(['none', 'may-reply'])),
        referrals: z.optional(referrals()),
        invitationNote: personalNote(),
        closingNote: personalNote(),
      }),
    ),
  });
});
export type ProfileBody = z.infer<typeof profileBody>;

/** A practice's id: a short slug, as it appears in tokens and keys (`default` for the first). */
export const practiceId = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Expected a practice id such as "default".'));
/** A therapist's id: the identity provider's `sub` (a UUID in Cognito, `local-…` locally). */
export const therapistId = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'Expected a therapist id.'));

/** The rules a practice's new arrangements start from (profile defaults sit on top of these). */
const practiceDefaultsFields = () => {
  const updates = updateFields();
  const checkIn = checkInFields();
  return z.strictObject({
    updates: z.optional(
      z.strictObject({
        limit: updates.limit,
        minDaysBetween: updates.minDaysBetween,
        maxCharacters: updates.maxCharacters,
        windowDays: z.optional(z.int().check(z.gte(1), z.lte(365))),
      }),
    ),
    checkIn: z.optional(
      z.strictObject({
        afterMonths: checkIn.afterMonths,
        format: checkIn.format,
        remindDaysBefore: checkIn.remindDaysBefore,
      }),
    ),
    replies: z.optional(z.enum(['none', 'may-reply'])),
    referrals: z.optional(referrals()),
    crisisLocale: z.optional(z.enum(CRISIS_LOCALES)),
    invitationNote: personalNote(),
    closingNote: personalNote(),
  });
};

/** PUT /practice: what it names replaces what is stored; what it leaves out stays. */
export const practiceBody = z.lazy(() =>
  z.strictObject({
    name: z.optional(personName),
    defaults: z.optional(practiceDefaultsFields()),
    bounds: z.optional(
      z.strictObject({
        maxUpdates: z.optional(z.int().check(z.gte(0), z.lte(12))),
        maxCharacters: z.optional(z.int().check(z.gte(1), z.lte(5000))),
        maxWindowDays: z.optional(z.int().check(z.gte(1), z.lte(366))),
        checkInFormats: z.optional(z.array(z.enum(['message', 'session'])).check(z.maxLength(2))),
      }),
    ),
    retentionDays: z.optional(
      z
        .int()
        .check(
          z.gte(30, 'Keep closed data at least 30 days.'),
          z.lte(3650, 'Keep closed data at most 3,650 days (10 years).'),
        ),
    ),
  }),
);
export type PracticeBody = z.infer<typeof practiceBody>;

/** POST /practice/therapists: invite someone to the practice. */
export const inviteTherapistBody = z.lazy(() =>
  z.strictObject({ email, name: personName, role: z.optional(z.enum(['therapist', 'admin'])) }),
);
export type InviteTherapistBody = z.infer<typeof inviteTherapistBody>;

/** POST /practice/therapists/{id}/handover: to a colleague, or (null) close each arrangement kindly. */
export const handoverBody = z.lazy(() => z.strictObject({ to: z.nullable(therapistId), note: personalNote() }));
export type HandoverBody = z.infer<typeof handoverBody>;
