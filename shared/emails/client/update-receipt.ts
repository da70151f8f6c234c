/** After an accepted update: thanks, and exactly what is left (from the snapshot taken at acceptance). */
import type { Allowance } from '../../domain/enforcement.js';
import { describeAllowance, receiptMail } from '../../wording/client.js';
import { shortName } from '../escape.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import { checkInAhead, clientEmail, currentLimits, pageButton, type ClientTemplate } from './common.js';

export const updateReceipt: ClientTemplate = (ctx) => {
  const { policy, today } = ctx;
  const therapist = policy.therapist.name;
  const rules = policy.rules.updates;
  const data = snapshot<'update-receipt'>(ctx.data);
  const limit = data.number('limit', rules.limit);
  const left = Math.max(0, data.number('left', rules.limit - policy.updatesAccepted));
  const then: Allowance = {
    limit,
    used: limit - left,
    left,
    windowFrom: rules.from,
    windowUntil: data.date('windowUntil', rules.until),
    nextAllowedOn: left > 0 ? data.dateOrNull('nextAllowedOn', null) : null,
    canSendToday: false,
  };
  const words = data.text('text', '');
  // Their own words, quoted, so the client keeps a record of what they sent.
  const body = [p(receiptMail.received(therapist)), ...(words ? [p(receiptMail.yourWords), quote(words)] : [])];
  body.push(p(describeAllowance(then, today)));
  if (left === 0) body.push(p(receiptMail.lastOne(checkInAhead(policy, today))));
  body.push(pageButton(ctx));
  return clientEmail(ctx, {
    subject: receiptMail.subject(shortName(therapist)),
    heading: receiptMail.heading,
    body,
    limits: { lines: currentLimits(ctx, { allowance: null }) },
  });
};
