/**
 * What every email template receives. Templates are pure: (context) → subject, text, HTML.
 */
import type { IsoDate } from '../domain/dates.js';
import type { Policy } from '../domain/policy.js';
import type { MailData } from '../ports/store.js';

export interface ClientLinks {
  page: string;
  stop: string;
  /** Present when replying to this email sends an update (inbound mail is set up). */
  reply?: string | null;
}

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
  links: ClientLinks | null;
  /** Therapist emails link to the portal here; never to the client's page. */
  portalUrl: string;
}

/** The context one audience's templates get: links narrowed, so each reaches only its own. */
export type AudienceContext<L extends ClientLinks | null> = Omit<EmailContext, 'links'> & { links: L };

export type Template<L extends ClientLinks | null> = (ctx: AudienceContext<L>) => RenderedEmail;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
