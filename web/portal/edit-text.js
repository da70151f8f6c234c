// @ts-check
/**
 * The edit screen in words: what the client will be told (from POST /policies/{id}/preview-change),
 * what a change takes back, and what is said once it is saved. Pure: no page needed.
 */
/** @import { ChangeBody } from './edit-read-form.js' */
/** @import { ApiIssue, Policy } from './types.js' */

/**
 * What the preview of a change answers: the sentences the client would be emailed, what it
 * takes back (to be confirmed), and the email itself; or why the dates do not fit.
 * @typedef {{ ok: true, told: string[], reductions: { what: string, detail: string }[], needsConfirm: boolean,
 *   email: { subject: string, text: string } | null } | { ok: false, errors: ApiIssue[] }} ChangePreview
 */

/**
 * What the panel shows for one answer.
 * @typedef {object} PreviewWords
 * @property {string} intro the sentence that says what will be sent, if anything
 * @property {string[]} lines the sentences the client will read, one each
 * @property {string | null} after a word about delivery, when it will not reach them
 * @property {string[]} reductions what is taken back, each as a short phrase
 */

/** @param {Policy} policy */
const accepted = (policy) => policy.state === 'active' || policy.state === 'paused';

/** @param {string} text */
const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** @param {Policy} policy */
export function editLead(policy) {
  const name = policy.client.name;
  return accepted(policy)
    ? `Change what you need. Before anything is saved, you see exactly what ${name} will be told: one email that says what is different.`
    : `${name} has not accepted yet, so they are not emailed about these changes: they see the rules as they stand when they open their invitation.`;
}

/**
 * @param {Policy} policy
 * @param {ChangeBody} body
 */
function beforeAcceptance(policy, body) {
  const name = policy.client.name;
  const email = body.client?.email;
  if (!email)
    return `Nothing will be sent: ${name} has not accepted yet. They will see the new rules when they open their invitation.`;
  const rulesToo = Object.keys(body).some((key) => key !== 'client' && key !== 'confirmReduce');
  return (
    `${name} will get the invitation again, at ${email}. The links sent to ${policy.client.email} will stop working.` +
    (rulesToo ? ' The invitation will show the new rules.' : '')
  );
}

/**
 * The words for a preview that worked out.
 * @param {Extract<ChangePreview, { ok: true }>} result
 * @param {Policy} policy the arrangement as it stands
 * @param {ChangeBody} body what was previewed
 * @returns {PreviewWords}
 */
export function previewWords(result, policy, body) {
  const name = policy.client.name;
  const reductions = result.reductions.map((r) => sentence(r.detail));
  if (!accepted(policy)) return { intro: beforeAcceptance(policy, body), lines: [], after: null, reductions };
  if (!result.told.length)
    return {
      intro: `Nothing will be sent: with these details, nothing ${name} was told would change.`,
      lines: [],
      after: null,
      reductions,
    };
  const after = policy.clientEmailSuppressed
    ? `Afterword has stopped emailing ${name} (an email to their address bounced or was marked as unwanted), so this email will not reach them. The change still applies.`
    : null;
  return { intro: `${name} will get one email that says:`, lines: result.told, after, reductions };
}

/**
 * Before there is anything to preview.
 * @param {Policy} policy
 */
export const noChangeYet = (policy) =>
  `No change yet. Change a rule and this shows what ${policy.client.name} will be told, before anything is saved.`;

/** @param {Policy} policy */
export const reductionTitle = (policy) => `This takes back something ${policy.client.name} was told:`;

/** @param {Policy} policy */
export const confirmLabel = (policy) => `I understand this takes back something ${policy.client.name} was told`;

export const CONFIRM_NEEDED = 'Tick this box to save a change that takes something back, or change the rules back.';

export const NOTHING_TO_SAVE = 'Nothing has changed yet. Change a rule above, or go back to the arrangement.';

/**
 * What the next screen says once the change is saved.
 * @param {Policy} policy the arrangement as it stood before
 * @param {ChangeBody} body what was saved
 * @param {number} told how many sentences the client's email carries
 */
export function savedMessage(policy, body, told) {
  const name = policy.client.name;
  if (!accepted(policy)) {
    const email = body.client?.email;
    return email
      ? `Changes saved. The invitation is on its way to ${email}; the links sent to ${policy.client.email} no longer work.`
      : `Changes saved. ${name} will see the new rules when they open their invitation.`;
  }
  if (!told) return 'Changes saved.';
  return policy.clientEmailSuppressed
    ? `Changes saved. Afterword has stopped emailing ${name}, so they were not told by email.`
    : `Changes saved. ${name} will get one email that says what changed.`;
}
