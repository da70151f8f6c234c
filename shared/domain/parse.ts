/**
 * Parsing with zod into the service's own errors, apart from the request schemas in
 * schemas.ts: a function that only reads its configuration or stored items imports this and
 * does not build every request schema at its cold start. The English locale gives readable
 * messages.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ValidationError } from './errors.js';

z.config(en());

/** Parses or throws a ValidationError listing every problem with its path. */
export function parseWith<T>(schema: z.ZodMiniType<T>, value: unknown, what = 'request'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  throw new ValidationError(
    `The ${what} has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );
}
