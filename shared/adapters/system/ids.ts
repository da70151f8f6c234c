/** The Ids port on the CSPRNG: UUIDs for policies and store keys, 256-bit tokens for links and reply addresses. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Ids } from '../../ports/ids.js';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** 256 random bits as 52 lowercase base32 characters (fits a mailbox name's 64-character limit). */
function base32Token(): string {
  const bytes = randomBytes(32);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export const cryptoIds: Ids = {
  policyId: () => randomUUID(),
  linkToken: () => randomBytes(32).toString('base64url'),
  replyToken: base32Token,
  uniqueId: () => randomUUID(),
};
