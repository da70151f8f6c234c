/** Everything a use case needs from the outside world, passed in (never imported). */
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { Logger } from '../ports/logger.js';
import type { Mailer } from '../ports/mailer.js';
import type { SendingAccount } from '../ports/sending.js';
import type { Store } from '../ports/store.js';

export interface AppConfig {
  /** Where client links and the portal live, e.g. https://afterword.example.org (no trailing slash). */
  publicBaseUrl: string;
  /** Where clients can reply to send an update by email (reply+<token>@this); unset: no email path. */
  inboundDomain?: string | undefined;
}

export interface Deps {
  store: Store;
  mailer: Mailer;
  /** The account's sending rate and pause state (read by the dispatcher). */
  sending: SendingAccount;
  clock: Clock;
  ids: Ids;
  log: Logger;
  config: AppConfig;
}

/** A signed-in therapist, from the verified token's claims. */
export interface Therapist {
  id: string;
  email: string;
  name: string;
}
