/** Everything a use case needs from the outside world, passed in (never imported). */
import type { Clock } from '../ports/clock.js';
import type { Ids } from '../ports/ids.js';
import type { Logger } from '../ports/logger.js';
import type { Mailer } from '../ports/mailer.js';
import type { SendingAccount } from '../ports/sending.js';
import type { Store } from '../ports/store.js';
import type { TherapistDirectory } from '../ports/operations.js';
import type { Role } from '../domain/practice.js';

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
  /** Therapists' sign-in accounts: what a practice admin's invitation and removal change. */
  directory: TherapistDirectory;
}

/**
 * Who the verified token says is signing in (Cognito's ID token in AWS, the local sign-in's
 * token locally). The practice and admin hints are used only the first time the service sees
 * them; after that the member record (membership.ts) is what counts.
 */
export interface SignedIn {
  id: string;
  email: string;
  name: string;
  /** `custom:practice` when the token carries one. */
  practiceHint: string | null;
  /** In the Cognito group `admin` (locally: signed in with role admin). */
  adminHint: boolean;
}

/** A therapist whose membership was checked on this request: active in `practiceId`. */
export interface Therapist {
  id: string;
  email: string;
  name: string;
  practiceId: string;
  role: Role;
}
