// @ts-check
/**
 * Signing in. Locally, the sign-in page sends the browser back to /portal#token=…;
 * in AWS, Cognito's managed login with the authorization code flow and PKCE (S256).
 * The token lives in sessionStorage only: it ends with the tab.
 */

const TOKEN = 'afterword.token';
const PKCE = 'afterword.pkce';
const RETURN_TO = 'afterword.returnTo';
const NOTICE = 'afterword.notice';

/** @import { PortalConfig } from './types.js' */
/** @typedef {'signed-out' | 'expired' | 'failed'} Notice */

/** @returns {Promise<PortalConfig>} */
export async function loadConfig() {
  const res = await fetch('/portal/config.json', { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`config ${res.status}`);
  const config = await res.json();
  if (config.mode !== 'local' && config.mode !== 'cognito') throw new Error('unknown sign-in mode');
  return config;
}

/** @returns {string | null} */
export function getToken() {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) return null;
  if (isExpired(token)) {
    sessionStorage.removeItem(TOKEN);
    setNotice('expired');
    return null;
  }
  return token;
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN);
}

/**
 * A JWT's exp, when there is one (Cognito ID tokens last an hour; local tokens have none).
 * @param {string} token
 */
function isExpired(token) {
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined) return false;
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const { exp } = JSON.parse(json);
    return typeof exp === 'number' && exp * 1000 < Date.now() + 30_000;
  } catch {
    return false;
  }
}

/**
 * A calm line for the sign-in screen, kept across the redirect.
 * @param {Notice} kind
 */
export function setNotice(kind) {
  sessionStorage.setItem(NOTICE, kind);
}

/** @returns {string | null} */
export function takeNotice() {
  const kind = sessionStorage.getItem(NOTICE);
  sessionStorage.removeItem(NOTICE);
  return kind;
}

/** @param {ArrayBuffer | Uint8Array} bytes */
function base64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** @param {number} bytes */
function randomString(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** @param {string} hash */
function cleanUrl(hash) {
  history.replaceState(null, '', `${location.pathname}${hash}`);
}

function takeReturnTo() {
  const back = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  return back && back.startsWith('#/') ? back : '#/';
}

/**
 * Finishes a sign-in the browser has just come back from, if any, and takes the token
 * out of the address bar. Returns true when a sign-in completed.
 * @param {PortalConfig} config
 * @returns {Promise<boolean>}
 */
export async function completeSignIn(config) {
  if (location.hash.startsWith('#token=')) {
    const token = decodeURIComponent(location.hash.slice('#token='.length));
    cleanUrl(takeReturnTo());
    if (token) {
      sessionStorage.setItem(TOKEN, token);
      return true;
    }
    return false;
  }
  if (config.mode !== 'cognito') return false;
  const params = new URLSearchParams(location.search);
  if (params.has('error')) {
    cleanUrl(takeReturnTo());
    setNotice('failed');
    return false;
  }
  const code = params.get('code');
  if (code === null) return false;
  const state = params.get('state');
  /** @type {{ verifier: string, state: string } | null} */
  let saved = null;
  try {
    saved = JSON.parse(sessionStorage.getItem(PKCE) ?? 'null');
  } catch {
    saved = null;
  }
  sessionStorage.removeItem(PKCE);
  cleanUrl(takeReturnTo());
  if (!saved || !state || saved.state !== state) {
    setNotice('failed');
    return false;
  }
  try {
    const res = await fetch(`${config.cognitoDomain}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.clientId ?? '',
        code,
        redirect_uri: config.redirectUri ?? '',
        code_verifier: saved.verifier,
      }),
    });
    const body = res.ok ? await res.json() : null;
    if (!body?.id_token) throw new Error('no id_token');
    sessionStorage.setItem(TOKEN, body.id_token);
    return true;
  } catch {
    setNotice('failed');
    return false;
  }
}

/**
 * Starts signing in; remembers where the therapist was going.
 * @param {PortalConfig} config
 * @param {string} [returnTo]
 */
export async function startSignIn(config, returnTo = location.hash) {
  if (returnTo && returnTo.startsWith('#/')) sessionStorage.setItem(RETURN_TO, returnTo);
  if (config.mode === 'local') {
    location.assign(config.signInUrl || '/local/sign-in');
    return;
  }
  const verifier = randomString(32);
  const state = randomString(16);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const query = [
    ['response_type', 'code'],
    ['client_id', config.clientId ?? ''],
    ['redirect_uri', config.redirectUri ?? ''],
    ['scope', 'openid email profile'],
    ['state', state],
    ['code_challenge', base64url(digest)],
    ['code_challenge_method', 'S256'],
  ]
    .map(([k, v]) => `${k}=${encodeURIComponent(v ?? '').replace(/%20/g, '+')}`)
    .join('&');
  location.assign(`${config.cognitoDomain}/oauth2/authorize?${query}`);
}

/**
 * Clears everything this tab knows; in AWS also ends the Cognito session. Returns true when leaving the page.
 * @param {PortalConfig | null} config
 */
export function signOut(config) {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(PKCE);
  sessionStorage.removeItem(RETURN_TO);
  if (config?.mode === 'cognito') {
    setNotice('signed-out');
    location.assign(
      `${config.cognitoDomain}/logout?client_id=${encodeURIComponent(config.clientId ?? '')}&logout_uri=${encodeURIComponent(config.redirectUri ?? '')}`,
    );
    return true;
  }
  setNotice('signed-out');
  return false;
}
