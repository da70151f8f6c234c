// @ts-check
/**
 * The shapes the portal works with, for the type checker only: nothing here runs. The two
 * documents functions/web.ts builds (config.json, rules.json) are typed by its own
 * declarations; the API's answers are described here as far as the portal reads them.
 */

/** @typedef {import('../../functions/web.js').PortalAuth} PortalConfig */
/** @typedef {import('../../functions/web.js').PortalRules} PortalRules */
/** @typedef {import('../../functions/web.js').Limits} Limits */
/** @typedef {import('../../functions/web.js').Bounds} Bounds */

/** @typedef {'invited' | 'active' | 'paused' | 'declined' | 'closed'} PolicyState */
/** @typedef {'message' | 'session'} CheckInFormat */
/** @typedef {'none' | 'may-reply'} Replies */

/** @typedef {'notice' | 'full-text' | 'daily-digest'} Notifications */

/**
 * @typedef {object} DefaultRules
 * @property {{ limit?: number, minDaysBetween?: number, maxCharacters?: number, windowDays?: number }} [updates]
 * @property {{ afterMonths?: number, format?: CheckInFormat, remindDaysBefore?: number[] }} [checkIn]
 * @property {Replies} [replies]
 * @property {{ name: string, contact: string }[]} [referrals]
 * @property {string | null} [invitationNote]
 * @property {string | null} [closingNote]
 */

/**
 * @typedef {object} Profile
 * @property {string} email
 * @property {string} [displayName]
 * @property {string} timeZone
 * @property {string} [crisisLocale]
 * @property {Notifications} [notifications]
 * @property {DefaultRules | null} [defaultRules]
 */

/**
 * @typedef {object} CheckInRules
 * @property {string} on
 * @property {CheckInFormat} format
 * @property {string | null} note
 * @property {number[]} remindDaysBefore
 * @property {string} messageUntil
 */

/**
 * @typedef {object} PolicyRules
 * @property {string} endedOn
 * @property {string} timeZone
 * @property {{ limit: number, minDaysBetween: number, from: string, until: string, maxCharacters: number }} updates
 * @property {CheckInRules | null} checkIn
 * @property {Replies} replies
 * @property {string} closesOn
 * @property {{ name: string, contact: string }[]} referrals
 * @property {string} crisisLocale
 * @property {string | null} [invitationNote]
 * @property {string | null} [closingNote]
 */

/**
 * @typedef {object} Counters
 * @property {number} updatesAccepted
 * @property {number} updatesLeft
 * @property {string | null} lastUpdateOn
 * @property {string | null} nextAllowedOn
 * @property {'pending' | 'sent' | 'skipped' | 'none'} checkIn
 */

/** @typedef {{ kind: string, on: string }} Scheduled */

/**
 * @typedef {object} Policy
 * @property {string} id
 * @property {PolicyState} state
 * @property {string | null} closedReason
 * @property {{ name: string, email: string }} client
 * @property {PolicyRules} rules
 * @property {Counters} counters
 * @property {boolean} clientEmailSuppressed
 * @property {string} createdAt
 * @property {string | null} acceptedAt
 * @property {string | null} closedAt
 * @property {number} [retentionDays] days its data is kept once it has ended (its practice's setting)
 * @property {string | null} [deletesOn] once it has ended, the day its data is deleted
 * @property {Scheduled | null} [nextEvent]
 * @property {Pause | null} [pause] while paused: until when, and the note the client was sent
 */

/** @typedef {{ until: string | null, note: string | null }} Pause */

/**
 * @typedef {object} HistoryData
 * @property {string} [reason]
 * @property {number} [seq]
 * @property {number} [daysBefore]
 * @property {string} [job]
 * @property {number} [attempts]
 * @property {string} [kind]
 * @property {string} [until] the day a pause ends by itself
 * @property {string} [by] who resumed: 'therapist' or 'schedule'
 * @property {string} [to] what a reply answered: 'update#2' or 'check-in'; after a handover, the colleague's id
 * @property {string} [from] after a handover, the id of the therapist it was handed over from
 */

/** @typedef {{ type: string, at: string, data?: HistoryData }} HistoryEvent */
/** @typedef {{ seq: number, text: string, characters: number, sentOn: string, receivedAt?: string | null }} ReceivedUpdate */
/** @typedef {{ text: string, sentOn: string, receivedAt?: string | null }} CheckInMessage */
/** What a reply answers: an update by its number, or the check-in message. @typedef {{ update: number } | { checkIn: true }} ReplyTarget */
/** @typedef {{ inReplyTo: ReplyTarget, text: string, characters: number, sentAt: string }} Reply */

/**
 * @typedef {Policy & {
 *   updates: ReceivedUpdate[],
 *   checkInMessage: CheckInMessage | null,
 *   replies?: Reply[],
 *   history: HistoryEvent[],
 *   upcoming: (Scheduled & { dueAt: string })[],
 *   undelivered: number,
 *   undeliverable: number,
 * }} PolicyDetail
 */

/** @typedef {{ path?: string, message?: string }} ApiIssue */

/**
 * What POST /policies/preview answers: the words the client would read, or why the dates do not fit.
 * @typedef {{ ok: true, summary: string[], invitation: { subject: string, text: string }, rules: PolicyRules }
 *   | { ok: false, errors: ApiIssue[] }} PreviewResult
 */

/**
 * Something to fix, found in the browser or reported by the service. `field` names the form
 * control it belongs to (a page's own field name), or is null when it belongs to none.
 * @typedef {{ field: string | null, message: string }} Problem
 */

/**
 * What every screen is given by the router.
 * @typedef {object} PageContext
 * @property {PortalConfig} config
 * @property {PortalRules} rules
 * @property {(hash: string) => void} navigate
 * @property {(message: string) => void} flash A message for the next screen.
 * @property {(message: string) => void} announce A message about this screen.
 * @property {(options?: { fresh?: boolean }) => Promise<Profile>} profile
 * @property {(profile: Profile) => void} setProfile
 * @property {() => boolean} isCurrent False once the therapist has moved to another screen.
 */

/** @typedef {{ title: string, node: Node, mounted?: () => void }} PageResult */

export {};
