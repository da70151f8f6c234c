/** The client chose not to take part; nothing more goes to them. */
import { shortName } from '../escape.js';
import { p } from '../layout.js';
import { therapistEmail, type TherapistTemplate } from './common.js';

export const clientDeclined: TherapistTemplate = (ctx) => {
  const client = ctx.policy.client.name;
  return therapistEmail(ctx, {
    subject: `${shortName(client)} declined the arrangement`,
    heading: `${client} declined the arrangement`,
    body: [p(`${client} chose not to take part in the arrangement. Nothing more will be sent to them, and nothing more is needed from you.`)],
  });
};
