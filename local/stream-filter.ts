/**
 * Lambda's event filter patterns (the EventBridge pattern syntax), as far as the event source
 * mappings here use them: nested objects, lists of allowed values, `prefix` and `exists`. A
 * pattern that uses anything else is refused, so local mode never quietly filters otherwise.
 */

type Rule = string | number | boolean | null | { prefix: string } | { exists: boolean };

function matchesRule(rule: Rule, present: boolean, value: unknown): boolean {
  if (rule !== null && typeof rule === 'object') {
    if ('prefix' in rule) return typeof value === 'string' && value.startsWith(rule.prefix);
    if ('exists' in rule) return rule.exists === present;
    throw new Error(`Unsupported filter rule ${JSON.stringify(rule)}`);
  }
  return present && value === rule;
}

/** Whether `value` matches `pattern`: every named field matches one of its allowed values. */
const isFields = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object';
const isRule = (value: unknown): value is Rule =>
  value === null || ['string', 'number', 'boolean', 'object'].includes(typeof value);

export function matchesPattern(pattern: object, value: unknown): boolean {
  const fields = isFields(value) ? value : {};
  return Object.entries(pattern).every(([name, expected]: [string, unknown]) => {
    const present = Object.hasOwn(fields, name);
    if (Array.isArray(expected))
      return expected.filter(isRule).some((rule) => matchesRule(rule, present, fields[name]));
    if (expected !== null && typeof expected === 'object') return present && matchesPattern(expected, fields[name]);
    throw new Error(`A filter pattern lists allowed values in an array, not ${JSON.stringify(expected)}`);
  });
}
