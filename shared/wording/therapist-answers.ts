/**
 * What the service answers a therapist when an action cannot be done as asked (the API's
 * problem details, shown by the portal). Plain and specific: what stands in the way and what can be done.
 */
import { count } from './format.js';

export const replyRefusals = {
  off: 'This arrangement tells the client that you will not reply, so replies are off. To reply, change "replies" to "may reply" first; the client will be told.',
  notActive: (state: string) => `This arrangement is ${state}, so no reply can be sent now.`,
  noSuchMessage: 'There is no such message from the client in this arrangement.',
  already: 'You have already replied to this message. Each message can have one reply.',
  empty: 'Please write something before sending.',
  controlCharacters: 'The reply contains characters that cannot be sent. Please remove them and try again.',
  tooLong: (characters: number, max: number) =>
    `Your reply is ${count(characters)} characters; replies in this arrangement can be up to ${count(max)}, the same as the client's updates.`,
};
