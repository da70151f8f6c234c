/** The help under the new-arrangement form's date fields, once the service has worked the dates out. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
import { portalRules } from '../../functions/web.js';
import { resolveRules } from '../../shared/domain/policy.js';
// @ts-ignore typed by tsconfig.portal.json
import { helpAfterPreview } from '../../web/portal/new-help.js';

const service = portalRules();
const resolved = resolveRules({ endedOn: '2026-11-20', timeZone: 'UTC' });
const empty = { from: '', until: '', closesOn: '' };

describe('help after the preview', () => {
  it('says what each empty date field will mean', () => {
    expect(helpAfterPreview(resolved, empty, service)).toEqual({
      weeks: 'Counted from the day therapy ended. Now: from 20 November 2026 to 1 January 2027.',
      from: 'Optional. If left empty: 20 November 2026, the day therapy ended.',
      until: 'Optional. If left empty: 1 January 2027. A date here is used instead of the weeks above.',
      months: 'From 1 to 24. The check-in is on Saturday 20 February 2027.',
      closesOn:
        'Optional. If left empty: 6 March 2027, the later of the end of updates and two weeks after the check-in. After this day nothing more is sent except a short goodbye.',
    });
  });

  it('says what a filled date field does instead', () => {
    expect(
      helpAfterPreview(resolved, { from: '2026-11-21', until: '2026-12-24', closesOn: '2027-04-01' }, service),
    ).toMatchObject({
      from: 'Optional.',
      until: 'Used instead of the weeks above.',
      closesOn: 'After this day nothing more is sent, except a short goodbye to the client and a summary to you.',
    });
  });

  it('leaves the weeks and months alone when there are no updates or no check-in', () => {
    const help = helpAfterPreview(
      { ...resolved, updates: { ...resolved.updates, limit: 0 }, checkIn: null },
      empty,
      service,
    );
    expect(help).not.toHaveProperty('weeks');
    expect(help).not.toHaveProperty('months');
    expect(help.closesOn).toMatch(/, the day updates end\./);
  });
});
