/** One accepted update, in full, with its number. */
import { formatDate, isIsoDate } from '../../domain/dates.js';
import { describeReplies } from '../../domain/wording.js';
import { shortName } from '../escape.js';
import { p, quote } from '../layout.js';
import { snapshot } from '../read-data.js';
import { therapistEmail, updatesLeft, type TherapistTemplate } from './common.js';

export const updateReceived: TherapistTemplate = (ctx) => {
  const { policy, today } = ctx;
  const client = policy.client.name;
  const data = snapshot<'update-received'>(ctx.data);
  const seq = data.number('seq', policy.updatesAccepted);
  const limit = policy.rules.updates.limit;
  const text = data.text('text', '');
  const sentOn = data.text('sentOn', today);
  const characters = data.number('characters', 0);
  const left = updatesLeft(policy, seq);
  const size = characters > 0 ? ` (${characters.toLocaleString('en-US')} ${characters === 1 ? 'character' : 'characters'})` : '';
  return therapistEmail(ctx, {
    subject: `Update ${seq} of ${limit} from ${shortName(client)}`,
    heading: `Update ${seq} of ${limit} from ${client}`,
    body: [
      p(`${client} sent this on ${formatDate(isIsoDate(sentOn) ? sentOn : today)}${size}:`),
      quote(text),
      p(`This was update ${seq} of ${limit}; ${left === 0 ? 'none are' : left === 1 ? '1 is' : `${left} are`} left.`),
      p(`${client} has been told: “${describeReplies(policy.rules, policy.therapist.name)}”`),
    ],
  });
};
