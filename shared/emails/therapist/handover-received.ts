/**
 * The colleague's summary of an arrangement the practice handed them when its therapist left:
 * whose it was, where it stands, what is left and the next dates, what the client was told.
 * Never the client's words, whatever the colleague's notifications say: the portal has them.
 */
import { todayIn } from '../../domain/dates.js';
import type { Policy } from '../../domain/policy.js';
import { handoverReceivedMail as words } from '../../wording/therapist-handover.js';
import { h, list, p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

function standing(policy: Policy): string {
  const client = policy.client.name;
  switch (policy.state) {
    case 'invited':
      return words.invited(client);
    case 'paused':
      return policy.pause?.until ? words.pausedUntil(policy.pause.until) : words.paused;
    default:
      return policy.acceptedAt
        ? words.active(client, todayIn(policy.rules.timeZone, new Date(policy.acceptedAt)))
        : words.invited(client);
  }
}

function checkInFact(policy: Policy, today: string): string {
  const c = policy.rules.checkIn;
  if (!c) return words.checkIn.none;
  if (policy.checkIn === 'sent') return words.checkIn.sent;
  if (policy.checkIn === 'skipped') return words.checkIn.skipped(c.on);
  if (c.format === 'session') return today > c.on ? words.checkIn.passed(c.on) : words.checkIn.session(c.on);
  return today > c.messageUntil ? words.checkIn.passed(c.on) : words.checkIn.message(c.on, c.messageUntil);
}

function facts(policy: Policy, today: string): string[] {
  const { updates } = policy.rules;
  const updateFacts =
    updates.limit === 0
      ? [words.noUpdates]
      : [
          words.updates(policy.updatesAccepted, updates.limit, policy.lastUpdateOn),
          today > updates.until ? words.windowOver(updates.until) : words.windowUntil(updates.until),
        ];
  return [...updateFacts, checkInFact(policy, today), words.closes(policy.rules.closesOn)];
}

export const handoverReceived: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const client = policy.client.name;
  const data = snapshot<'handover-received'>(ctx.data);
  const former = data.text('formerTherapist', policy.handovers?.at(-1)?.from ?? 'a colleague');
  const note = data.text('note', '');
  return therapistEmail(ctx, {
    title: words.title,
    body: [
      p(words.handedTo(data.text('practiceName', ''), former, client)),
      p(standing(policy)),
      h(words.factsHeading),
      list(facts(policy, today)),
      p(words.scheduled),
      p(words.clientTold(client, policy.state === 'invited')),
      ...(note ? [p(words.noteToClient), quote(note)] : []),
      ...(data.flag('notesSetAside', false) ? [p(words.notesSetAside(former))] : []),
      p(words.noWords),
    ],
  });
};
