/** Replies in the portal: which messages can have one, the form's words, and counting as the service counts. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { resolveRules } from '../../shared/domain/policy.js';
import { countCharacters as serviceCount, normaliseMessage } from '../../shared/domain/text.js';
import {
  canReply,
  countCharacters,
  countLine,
  messageName,
  replyHelp,
  replyHint,
  replyKey,
  replySlug,
  replyTo,
  // @ts-ignore typed by tsconfig.portal.json
} from '../../web/portal/reply-text.js';
// @ts-ignore typed by tsconfig.portal.json
import type { PolicyDetail } from '../../web/portal/types.js';

const sentAt = '2026-11-21T15:00:00Z';

/** Sam, who may be answered, has sent two updates; the first has a reply. */
function policy(changes: Partial<PolicyDetail> = {}, replies: 'none' | 'may-reply' = 'may-reply'): PolicyDetail {
  return {
    id: 'p-1',
    state: 'active',
    closedReason: null,
    client: { name: 'Sam', email: 'sam@example.com' },
    rules: resolveRules({ endedOn: '2026-11-20', timeZone: 'America/New_York', replies }),
    counters: {
      updatesAccepted: 2,
      updatesLeft: 1,
      lastUpdateOn: '2026-11-28',
      nextAllowedOn: null,
      checkIn: 'pending',
    },
    clientEmailSuppressed: false,
    createdAt: '2026-11-20T15:00:00Z',
    acceptedAt: '2026-11-20T16:00:00Z',
    closedAt: null,
    updates: [
      { seq: 1, text: 'The new job started.', characters: 20, sentOn: '2026-11-20' },
      { seq: 2, text: 'Walks every morning.', characters: 20, sentOn: '2026-11-28' },
    ],
    checkInMessage: null,
    replies: [{ inReplyTo: { update: 1 }, text: 'Glad to hear it.', characters: 16, sentAt }],
    history: [],
    upcoming: [],
    undelivered: 0,
    undeliverable: 0,
    ...changes,
  };
}

describe('which messages can have a reply', () => {
  it('offers a reply to a message without one, only when the client was told and it is active', () => {
    expect(canReply(policy(), { update: 2 })).toBe(true);
    expect(canReply(policy(), { update: 1 })).toBe(false);
    expect(canReply(policy({}, 'none'), { update: 2 })).toBe(false);
    for (const state of ['paused', 'closed', 'declined'] as const)
      expect(canReply(policy({ state }), { update: 2 })).toBe(false);
  });

  it('finds the reply to an update or to the check-in message by what it answers', () => {
    const withCheckIn = policy({
      checkInMessage: { text: 'Three months on.', sentOn: '2027-02-21' },
      replies: [{ inReplyTo: { checkIn: true }, text: 'Thank you.', characters: 10, sentAt }],
    });
    expect(replyTo(withCheckIn, { checkIn: true })?.text).toBe('Thank you.');
    expect(replyTo(withCheckIn, { update: 1 })).toBeNull();
    expect(replyTo(policy({ replies: undefined }), { update: 1 })).toBeNull();
  });

  it('names each message as the service does, and safely for an element id', () => {
    expect(replyKey({ update: 2 })).toBe('update#2');
    expect(replyKey({ checkIn: true })).toBe('check-in');
    expect(replySlug({ update: 2 })).toBe('update-2');
    expect(messageName({ update: 2 })).toBe('update 2');
    expect(messageName({ checkIn: true })).toBe('the check-in message');
  });
});

describe('what the page says about replies', () => {
  it('says once why there is no Reply button, and nothing when there is one or no message yet', () => {
    expect(replyHint(policy({}, 'none'))).toBe(
      'Replies are off for this arrangement: Sam was told you will not reply.',
    );
    expect(replyHint(policy({ state: 'paused' }))).toBe('You can reply once you resume the arrangement.');
    expect(replyHint(policy({ state: 'closed' }))).toBe('The arrangement has ended, so no more replies can be sent.');
    expect(replyHint(policy())).toBeNull();
    expect(replyHint(policy({ updates: [] }, 'none'))).toBeNull();
    // Everything answered: nothing left to explain.
    const all = [1, 2].map((update) => ({ inReplyTo: { update }, text: 'Thanks.', characters: 7, sentAt }));
    expect(replyHint(policy({ state: 'paused', replies: all }))).toBeNull();
  });

  it('gives the limit and how the reply reaches the client, or that it is only on their page', () => {
    expect(replyHelp(policy())).toBe(
      'One reply per message, up to 1,000 characters. Sam gets it by email from Afterword, never from your own address, and sees it on their page under their words.',
    );
    expect(replyHelp(policy({ clientEmailSuppressed: true }))).toMatch(/on their page .*can no longer email them/);
  });
});

describe('the live count', () => {
  it('counts as the service does: an emoji is one, line endings are one, the ends are trimmed', () => {
    for (const text of ['Hello 🌱', '  a\r\nb  ', '👩‍👩‍👧 family', 'e\u0301', ''])
      expect(countCharacters(text)).toBe(serviceCount(normaliseMessage(text)));
    expect(countCharacters('🌱🌱')).toBe(2);
  });

  it('says the count against the limit, and how far over', () => {
    expect(countLine(12, 1000)).toBe('12 of 1,000 characters');
    expect(countLine(1012, 1000)).toBe('1,012 of 1,000 characters: 12 over the limit');
  });
});
