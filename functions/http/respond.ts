/** Response helpers. Every response carries the privacy headers; errors are problem+json. */
import type { APIGatewayProxyStructuredResultV2 as Result } from 'aws-lambda';
import { AppError } from '../../shared/domain/errors.js';
import { asProblem, internalProblem, toProblem, type Problem } from '../../shared/domain/problem.js';

export type { Result };

/** Client links live in URLs: never let them leak through Referer, caches or sniffing. */
const BASE_HEADERS = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Result {
  return {
    statusCode: status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Result {
  return {
    statusCode: problem.status,
    headers: { ...BASE_HEADERS, 'content-type': 'application/problem+json; charset=utf-8', ...headers },
    body: JSON.stringify(problem),
  };
}

/** Known errors show their message; anything else is a generic 500 (the cause is only logged). */
export function errorResponse(err: unknown): Result {
  if (err instanceof AppError) return problemResponse(toProblem(err));
  return problemResponse(internalProblem());
}

/** A stored outcome (201 receipt or 409 problem) replayed as it was first answered. */
export function outcome(status: number, body: unknown): Result {
  return status >= 400 ? problemResponse(asProblem(body)) : json(status, body);
}

export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function html(status: number, body: string, headers: Record<string, string> = {}): Result {
  return {
    statusCode: status,
    headers: {
      ...BASE_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      ...headers,
    },
    body,
  };
}

export function redirect(location: string): Result {
  return { statusCode: 303, headers: { ...BASE_HEADERS, location }, body: '' };
}
