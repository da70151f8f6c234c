/**
 * The therapist's address never reaches a client, even if it was typed into a note, a
 * referral or a name. Emails, the client's page and its JSON all pass through this.
 * Matching ignores case, as mail addresses are compared that way in practice.
 */
export function keepAddressPrivate(address: string | string[]): (s: string) => string {
  const all = (Array.isArray(address) ? address : [address]).map((a) => a.trim()).filter(Boolean);
  if (all.length === 0) return (s) => s;
  const pattern = new RegExp(all.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  return (s) => s.replace(pattern, '(address kept private)');
}

/** Every string inside a JSON-like value, passed through `map`. */
export function mapStrings<T>(value: T, map: (s: string) => string): T {
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- the shape out is the shape in: only string leaves change, and they stay strings
  return mapJson(value, map) as T;
}

function mapJson(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapJson(v, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapJson(v, map)]));
  }
  return value;
}
