/**
 * How a therapist hears of a new update or check-in message: the profile's `notifications`.
 * A notice says that something arrived, with a link to the arrangement in the portal, and
 * carries none of the client's words, nor their name or address; full text carries the words.
 */
export const NOTIFICATIONS = ['notice', 'full-text'] as const;
export type Notifications = (typeof NOTIFICATIONS)[number];

export const DEFAULT_NOTIFICATIONS: Notifications = 'notice';

/** How one email to the therapist about a message is written (kept with its job). */
export type MessageStyle = 'notice' | 'full-text';
