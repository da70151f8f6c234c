// @ts-check
/**
 * A new arrangement: presets fill the rules, every field is optional beyond who and when,
 * and a live preview shows exactly what the client will be told.
 */
import { errorSummary } from './error-summary.js';
import { clearDraft, restoreDraft, saveDraft } from './new-draft.js';
import { withHint } from './new-bounds.js';
import { errorDisplay } from './new-field-errors.js';
import { applyPreset, newFields, readValues, syncVisibility } from './new-fields.js';
import { newForm, newScreen, onEdit } from './new-form.js';
import { helpAfterPreview } from './new-help.js';
import { presetsFor } from './new-presets.js';
import { livePreview } from './new-preview.js';
import { readForm } from './new-read-form.js';
import { referralList } from './new-referrals.js';
import { sendInvitation } from './new-send.js';

/** @import { BoundHints, NewFields } from './new-fields.js' */
/** @import { HelpTexts } from './new-help.js' */
/** @import { NewValues } from './new-read-form.js' */
/** @import { PageContext, PageResult } from './types.js' */

/**
 * @param {NewFields} F
 * @param {HelpTexts} help
 * @param {BoundHints} hints what the practice allows
 */
function applyHelp(F, help, hints) {
  if (help.weeks) F.weeks.setHelp(withHint(help.weeks, hints.weeks));
  F.from.setHelp(help.from);
  F.until.setHelp(help.until);
  if (help.months) F.months.setHelp(help.months);
  F.closesOn.setHelp(help.closesOn);
}

/**
 * @param {PageContext} ctx
 * @returns {Promise<PageResult>}
 */
export async function newPage(ctx) {
  const { rules } = ctx;
  const profile = await ctx.profile();
  const presets = presetsFor(profile, rules.defaults);
  let submitted = false;

  const { F, parts, hints } = newFields({ profile, rules, presets });
  const referrals = referralList({ limits: rules.limits.policy, onChange: () => changed() });
  const errors = errorDisplay({ F, parts, referrals });
  const summary = errorSummary();
  const onClear = () => {
    clearDraft();
    ctx.navigate('#/new');
  };
  const { form, submit } = newForm({ F, parts, referrals, summary: summary.el, onClear });
  /** @returns {NewValues} */
  const values = () => readValues(F, referrals.values());
  const preview = livePreview({
    ctx,
    errors,
    read: () => {
      const current = values();
      return { values: current, ...readForm(current, { rules, forPreview: true, submitted }) };
    },
    onRules: (resolved) => applyHelp(F, helpAfterPreview(resolved, values(), rules), hints),
  });

  function changed() {
    syncVisibility(F, parts);
    saveDraft(form, referrals, parts.exactDates);
    preview.schedule();
  }
  onEdit(form, {
    change: changed,
    preset(value) {
      applyPreset(F, parts, presets.find((p) => p.value === value) ?? presets[0]);
      syncVisibility(F, parts);
      saveDraft(form, referrals, parts.exactDates);
      preview.schedule(0);
    },
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    submitted = true;
    preview.cancel();
    const sent = values();
    const { body, problems } = readForm(sent, { rules });
    if (problems.length) {
      errors.show(problems);
      summary.show(errors.summaryItems(problems));
      return;
    }
    sendInvitation({ ctx, body, sent, submit, errors, summary });
  });

  applyPreset(F, parts, presets[0]);
  restoreDraft(form, referrals, parts.exactDates);
  syncVisibility(F, parts);
  return { title: 'New arrangement', node: newScreen(form, preview.panel), mounted: () => preview.schedule(0) };
}
