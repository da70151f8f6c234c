/** The API, same origin, JSON. Errors arrive as problem documents (RFC 9457). */
import { clearToken, getToken, setNotice } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Request failed (${status})`);
    this.status = status;
    this.title = problem?.title || 'Something went wrong';
    this.detail = problem?.detail || '';
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.reason = problem?.reason;
  }
}

let onUnauthorized = () => {};

/** Called when the token is missing or refused; the app shows the sign-in screen. */
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

async function send(method, path, body, signal) {
  const token = getToken();
  if (!token) throw signedOut();
  const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, cache: 'no-store' });
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'No connection', detail: 'Afterword could not be reached. Please check your connection and try again.' });
  }
}

export async function api(method, path, body, { signal } = {}) {
  const res = await send(method, path, body, signal);
  if (res.status === 401) throw signedOut();
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    throw new ApiError(res.status, data ?? { title: 'Something went wrong', detail: `The service answered with status ${res.status}. Please try again in a moment.` });
  }
  return data;
}

/** Downloads a file that needs the bearer header (so a plain link cannot fetch it). */
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
