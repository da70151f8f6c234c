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

/** @typedef {'therapist' | 'admin'} Role */
/** @typedef {'active' | 'leaving' | 'removed'} MemberStatus */

/**
 * The rules a practice's new arrangements start from (the profile's usual rules sit on top).
 * @typedef {DefaultRules & { crisisLocale?: string }} PracticeDefaults
 */

/**
 * The most any arrangement of the practice may offer.
 * @typedef {object} PracticeBounds
 * @property {number} maxUpdates
 * @property {number} maxCharacters
 * @property {number} maxWindowDays the update window, its first day to its last
 * @property {CheckInFormat[]} checkInFormats an arrangement without a check-in is always allowed
 */

/**
 * What GET and PUT /practice answer (GET /profile carries it without the version).
 * @typedef {object} Practice
 * @property {string} id
 * @property {string} name
 * @property {PracticeDefaults} defaults
 * @property {PracticeBounds} bounds
 * @property {number} retentionDays
 * @property {number | null} [version]
 */

/**
 * @typedef {object} Profile
 * @property {string} [therapistId]
 * @property {string} email
 * @property {string} [displayName]
 * @property {string} timeZone
 * @property {string} [crisisLocale]
 * @property {Notifications} [notifications]
 * @property {DefaultRules | null} [defaultRules]
 * @property {Role} [role]
 * @property {Practice} [practice] the same defaults and bounds for every therapist of the practice
 */

/**
 * One therapist of the practice, as GET /practice/therapists lists them (their own work address).
 * @typedef {object} PracticeTherapist
 * @property {string} id
 * @property {string} name
 * @property {string} email
 * @property {Role} role
 * @property {MemberStatus} status
 * @property {string} since
 * @property {number} openArrangements invited, active or paused
 */

/**
 * What an admin may know of an arrangement: never the client's name, address or words.
 * @typedef {object} ArrangementMeta
 * @property {string} policyId
 * @property {string} therapistId
 * @property {string} therapistName
 * @property {PolicyState} state
 * @property {string} createdAt
 * @property {string} endedOn
 * @property {string} closesOn
 * @property {string | null} closedAt
 * @property {{ used: number, limit: number, until: string }} updates
 * @property {{ on: string, status: string } | null} checkIn
 * @property {string | null} pausedUntil
 * @property {boolean} clientEmailStopped mail to the client stopped after a bounce or complaint
 * @property {{ what: string, on: string } | null} next
 */

/** @typedef {'handed-over' | 'closed' | 'already-done'} HandoverOutcome */

/**
 * What POST /practice/therapists/{id}/handover answers.
 * @typedef {object} HandoverResult
 * @property {{ id: string, status: MemberStatus }} therapist
 * @property {string | null} to the colleague, or null when each arrangement was closed
 * @property {{ policyId: string, outcome: HandoverOutcome }[]} arrangements
 * @property {number} remaining open arrangements not yet handed over or closed
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

/** @typedef {'maxUpdates' | 'maxCharacters' | 'maxWindowDays' | 'checkInFormats'} BoundName */
/** One bound a policy goes beyond (409 outside-practice-bounds). @typedef {{ bound: string, allowed: number | string[], offered?: number | string }} BoundBreach */

/**
 * What POST /policies/preview answers: the words the client would read, or why the dates do not fit.
 * Beyond the practice's bounds, it also names each bound as a 409 outside-practice-bounds would.
 * @typedef {{ ok: true, summary: string[], invitation: { subject: string, text: string }, rules: PolicyRules }
 *   | { ok: false, errors: ApiIssue[], reason?: string, bound?: string, allowed?: number | string[], breaches?: BoundBreach[] }} PreviewResult
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
