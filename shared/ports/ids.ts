/** Identifiers and capabilities. Client links carry 256 bits from the CSPRNG. */
export interface Ids {
  policyId(): string;
  linkToken(): string;
  /** For reply addresses: lowercase letters and digits only, because mail systems may fold case. */
  replyToken(): string;
  /** A fresh random id (a UUID) for keys that must never collide: job ids, event sort keys. */
  uniqueId(): string;
}
