/**
 * Everything a former client reads, from the page, the emails and the refusals: one place
 * per sentence, by topic. Pure: facts in, words out.
 */
export * from './client/common.js';
export * from './client/emails.js';
export * from './client/page.js';
export * from './client/refusals.js';
export * from './client/rules.js';
export * from './client/changes.js';
export * from './client/practice.js';
