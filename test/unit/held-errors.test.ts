import {
  AccountSuspendedException,
  MessageRejected,
  SendingPausedException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { asHeld } from '../../shared/adapters/ses/held-errors.js';
import { MailHeldError } from '../../shared/ports/sending.js';

const meta = { $metadata: {} };
const throttling = (message: string) => Object.assign(new Error(message), { name: 'ThrottlingException' });

describe('SES answers that hold mail rather than fail it', () => {
  it.each([
    ['too many requests', new TooManyRequestsException({ message: 'slow down', ...meta }), 'throttled'],
    ['a paused account', new SendingPausedException({ message: 'paused', ...meta }), 'paused'],
    ['a suspended account', new AccountSuspendedException({ message: 'suspended', ...meta }), 'paused'],
    ['the rate quota', throttling('Maximum sending rate exceeded.'), 'throttled'],
    ['the daily quota', throttling('Daily message quota exceeded.'), 'daily-quota'],
  ])('holds on %s, keeping the cause', (_label, err, reason) => {
    const held = asHeld(err);
    expect(held).toBeInstanceOf(MailHeldError);
    expect(held).toMatchObject({ reason, cause: err });
  });

  it('passes anything else through unchanged, so it counts as a failed try', () => {
    const rejected = new MessageRejected({ message: 'no', ...meta });
    expect(asHeld(rejected)).toBe(rejected);
    const plain = new Error('socket hang up');
    expect(asHeld(plain)).toBe(plain);
  });
});
