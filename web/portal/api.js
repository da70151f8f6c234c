// @ts-check
/** The API, same origin, JSON. Errors arrive as problem documents (RFC 9457). */
import { clearToken, getToken, setNotice } from './auth.js';

/** @import { ApiIssue, BoundBreach } from './types.js' */

/**
 * @typedef {object} ProblemDocument
 * @property {string} [title]
 * @property {string} [detail]
 * @property {ApiIssue[]} [errors]
 * @property {string} [reason]
 * @property {string} [bound] outside-practice-bounds: the first bound the request goes beyond
 * @property {number | string[]} [allowed] what that bound allows
 * @property {BoundBreach[]} [breaches] every bound it goes beyond
 */

export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {ProblemDocument | null | undefined} problem
   */
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.title = problem?.title || 'Something went wrong';
    this.detail = problem?.detail || '';
    /** @type {ApiIssue[]} */
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.reason = problem?.reason;
    /** @type {BoundBreach[]} the practice's bounds a policy went beyond (each named, with what it allows) */
    this.breaches = breachesOf(problem);
    /** Set when the app has already dealt with it (signed out): screens stay quiet. */
    this.handled = false;
  }
}

/**
 * Every bound a refusal names; an answer with only `bound` and `allowed` counts as one.
 * @param {ProblemDocument | null | undefined} problem
 * @returns {BoundBreach[]}
 */
export function breachesOf(problem) {
  if (problem?.reason !== 'outside-practice-bounds') return [];
  if (Array.isArray(problem.breaches) && problem.breaches.length) return problem.breaches;
  return problem.bound && problem.allowed !== undefined ? [{ bound: problem.bound, allowed: problem.allowed }] : [];
}

let onUnauthorized = () => {};

/**
 * Called when the token is missing or refused; the app shows the sign-in screen.
 * @param {() => void} fn
 */
export function whenUnauthorized(fn) {
  onUnauthorized = fn;
}

function signedOut() {
  clearToken();
  setNotice('expired');
  const error = new ApiError(401, { title: 'Please sign in', detail: 'Please sign in again to continue.' });
  error.handled = true;
  queueMicrotask(() => onUnauthorized());
  return error;
}

/**
 * @param {string} method
 * @param {string} path
 * @param {unknown} body
 * @param {AbortSignal | undefined} signal
 * @param {Record<string, string>} [extra] more headers (an Idempotency-Key)
 */
async function send(method, path, body, signal, extra = {}) {
  const token = getToken();
  if (!token) throw signedOut();
  /** @type {Record<string, string>} */
  const headers = { ...extra, Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, {
      title: 'No connection',
      detail: 'Afterword could not be reached. Please check your connection and try again.',
    });
  }
}

/**
 * A request abandoned on purpose (a newer preview replaced it), not a failure.
 * @param {unknown} error
 */
export function isAbort(error) {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * The answer's JSON. The type is the caller's word for what the API sends.
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @param {{ signal?: AbortSignal, headers?: Record<string, string> }} [options]
 * @returns {Promise<any>}
 */
export async function api(method, path, body, { signal, headers } = {}) {
  const res = await send(method, path, body, signal, headers);
  if (res.status === 401) throw signedOut();
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data ?? {
        title: 'Something went wrong',
        detail: `The service answered with status ${res.status}. Please try again in a moment.`,
      },
    );
  }
  return data;
}

/**
 * Downloads a file that needs the bearer header (so a plain link cannot fetch it).
 * @param {string} path
 * @param {string} fallbackName
 */
export async function download(path, fallbackName) {
  const res = await send('GET', path, undefined, undefined);
  if (res.status === 401) throw signedOut();
  if (!res.ok) {
    const data = await res.json().catch(() => null);
    throw new ApiError(res.status, data);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/**
 * Whether the app has already dealt with this failure (a sign-out), so a screen says nothing.
 * @param {unknown} error
 */
export function isHandled(error) {
  return error instanceof ApiError && error.handled;
}
