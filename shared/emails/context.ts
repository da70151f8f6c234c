/**
 * What every email template receives. Templates are pure: (context) → subject, text, HTML.
 */
import type { IsoDate } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import type { MailData } from '../ports/store.js';

export interface EmailContext {
  /** The policy as it is when the email is sent. */
  policy: Policy;
  /**
   * What the email must say as of the moment it was decided (e.g. what was left after an
   * update). Keys per template are documented in emails/data.ts.
   */
  data: MailData;
  /** Today's date in the policy's time zone. */
  today: IsoDate;
  /** Client emails only: the private page link, the one-click stop link, and the reply address when replies count as updates. Null for therapist emails. */
  links: { page: string; stop: string; reply?: string | null } | null;
  /** Therapist emails link to the portal here; never to the client's page. */
  portalUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
