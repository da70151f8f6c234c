/** The preview's status line while the form has problems. */
/* eslint-disable @typescript-eslint/ban-ts-comment -- tsconfig.json has no allowJs, so it cannot read the portal's JSDoc types: portal imports are ignored there, and tsconfig.portal.json checks this file with them. */
import { describe, expect, it } from 'vitest';
// @ts-ignore typed by tsconfig.portal.json
import { problemsStatus } from '../../web/portal/new-preview.js';

describe('the preview status while details need another look', () => {
  it('speaks of one detail in the singular', () => {
    expect(problemsStatus(1)).toBe('One detail needs another look before the preview can update.');
  });

  it('counts several details', () => {
    expect(problemsStatus(3)).toBe('3 details need another look before the preview can update.');
  });
});
