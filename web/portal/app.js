// @ts-check
/**
 * The therapist portal: signs in, then routes between its screens by the address's hash
 * (#/, #/new, #/policies/<id>, #/policies/<id>/edit, #/profile, and for a practice's admins
 * #/practice, #/practice/settings, #/practice/arrangements, #/practice/therapists/<id>/handover).
 * Each screen is a function that returns { title, node }; this file mounts it, sets the title,
 * and moves focus to its heading.
 */
import { api, ApiError, isHandled, whenUnauthorized } from './api.js';
import { completeSignIn, getToken, loadConfig, signOut, startSignIn, takeNotice } from './auth.js';
import { h } from './dom.js';
import { editPage } from './edit-page.js';
import { errorPage, startFailure } from './error-page.js';
import { listPage } from './list-page.js';
import { newPage } from './new-page.js';
import { policyPage } from './policy-page.js';
import { practiceArrangementsPage } from './practice-arrangements-page.js';
import { practiceHandoverPage } from './practice-handover-page.js';
import { practiceSettingsPage } from './practice-settings-page.js';
import { practiceTherapistsPage } from './practice-therapists-page.js';
import { profilePage } from './profile-page.js';
import { loadRules } from './rules.js';
import { signInPage } from './sign-in-page.js';

/** @import { PageContext, PageResult, PortalConfig, PortalRules, Profile } from './types.js' */

/**
 * The page's fixed parts, from index.html.
 * @param {string} id
 */
function part(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el;
}

const view = part('view');
const main = part('main');
const flashRegion = part('flash');
const nav = part('site-nav');
const signOutButton = part('sign-out');
const practiceLink = part('nav-practice');

/** @type {PortalConfig | null} */
let config = null;
/** @type {PortalRules | null} */
let rules = null;
let renderCount = 0;
let firstRender = true;
/** @type {string | null} */
let pendingFlash = null;
/** @type {Promise<Profile> | null} */
let profilePromise = null;

/**
 * @typedef {object} Route
 * @property {RegExp} pattern
 * @property {string} name
 * @property {(ctx: PageContext, ...params: string[]) => Promise<PageResult>} page
 */

/** @type {Route[]} */
const ROUTES = [
  { pattern: /^#?\/?$/, name: 'list', page: listPage },
  { pattern: /^#\/new\/?$/, name: 'new', page: newPage },
  { pattern: /^#\/policies\/([^/]+)\/?$/, name: 'policy', page: policyPage },
  { pattern: /^#\/policies\/([^/]+)\/edit\/?$/, name: 'edit', page: editPage },
  { pattern: /^#\/profile\/?$/, name: 'profile', page: profilePage },
  // The practice's own screens: the API answers 403 to anyone but its admins.
  { pattern: /^#\/practice\/?$/, name: 'practice', page: practiceTherapistsPage },
  { pattern: /^#\/practice\/settings\/?$/, name: 'practice', page: practiceSettingsPage },
  { pattern: /^#\/practice\/arrangements\/?$/, name: 'practice', page: practiceArrangementsPage },
  { pattern: /^#\/practice\/therapists\/([^/]+)\/handover\/?$/, name: 'practice', page: practiceHandoverPage },
];

/**
 * The signed-in therapist's profile, fetched once and shared by the screens.
 * @returns {Promise<Profile>}
 */
function profile({ fresh = false } = {}) {
  if (!profilePromise || fresh) {
    profilePromise = api('GET', '/profile').catch((error) => {
      profilePromise = null;
      throw error;
    });
  }
  return profilePromise;
}

/** @param {Profile} value */
function setProfile(value) {
  profilePromise = Promise.resolve(value);
  showAdminNav();
}

/** The Practice entry is for the practice's admins only; until the profile says so, it stays hidden. */
function showAdminNav() {
  profile().then(
    (p) => {
      practiceLink.hidden = p.role !== 'admin';
    },
    () => {
      practiceLink.hidden = true;
    },
  );
}

/**
 * A message for the next screen (for example "Invitation sent"), read out once it is shown.
 * @param {string} message
 */
function flash(message) {
  pendingFlash = message;
}

/**
 * A message about the current screen, read out politely.
 * @param {string} message
 */
function announce(message) {
  flashRegion.textContent = '';
  // A fresh text node after a tick so screen readers notice the change.
  setTimeout(() => {
    flashRegion.textContent = message;
  }, 50);
}

/** @param {string} hash */
function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

/**
 * @param {boolean} signedIn
 * @param {string | null} routeName
 */
function setChrome(signedIn, routeName) {
  nav.hidden = !signedIn;
  signOutButton.hidden = !signedIn;
  if (signedIn) showAdminNav();
  else practiceLink.hidden = true;
  for (const link of /** @type {NodeListOf<HTMLAnchorElement>} */ (nav.querySelectorAll('a[data-route]'))) {
    if (link.dataset.route === routeName) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/**
 * @param {PageResult} result
 * @param {{ focus: boolean }} options
 */
function mount(result, { focus }) {
  document.title = result.title ? `${result.title} · Afterword` : 'Afterword';
  view.replaceChildren(result.node);
  main.removeAttribute('aria-busy');
  if (pendingFlash) {
    announce(pendingFlash);
    pendingFlash = null;
  }
  if (focus) {
    const heading = /** @type {HTMLElement | null} */ (view.querySelector('h1'));
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }
  if (!focus || !view.querySelector('h1')) window.scrollTo(0, 0);
  result.mounted?.();
}

async function render() {
  const id = ++renderCount;
  const focus = !firstRender;
  firstRender = false;
  const hash = location.hash || '#/';
  // In-page targets such as the skip link are not screens.
  if (hash !== '#/' && !hash.startsWith('#/')) return;

  if (!getToken()) {
    setChrome(false, null);
    mount(
      signInPage({ config, notice: takeNotice(), signIn: () => startSignIn(/** @type {PortalConfig} */ (config)) }),
      { focus },
    );
    return;
  }

  const route = ROUTES.find((r) => r.pattern.test(hash));
  setChrome(true, route?.name ?? null);
  if (!route) {
    mount(errorPage(new ApiError(404, {}), render), { focus });
    return;
  }
  if (!pendingFlash) flashRegion.textContent = '';
  const params = (route.pattern.exec(hash) ?? []).slice(1).map(decodeURIComponent);
  main.setAttribute('aria-busy', 'true');
  const slow = setTimeout(() => {
    if (id === renderCount) view.replaceChildren(h('p', { className: 'loading' }, 'Loading…'));
  }, 200);
  /** @type {PageContext} */
  const ctx = {
    config: /** @type {PortalConfig} */ (config),
    rules: /** @type {PortalRules} */ (rules),
    navigate,
    flash,
    announce,
    profile,
    setProfile,
    isCurrent: () => id === renderCount,
  };
  try {
    const result = await route.page(ctx, ...params);
    clearTimeout(slow);
    if (id === renderCount) mount(result, { focus });
  } catch (error) {
    clearTimeout(slow);
    if (id !== renderCount || isHandled(error)) return;
    if (!(error instanceof ApiError)) console.error('Afterword: the page did not load', error);
    mount(errorPage(error, render), { focus });
  }
}

function wireChrome() {
  part('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    const target = /** @type {HTMLElement | null} */ (view.querySelector('h1')) ?? main;
    if (target !== main) target.setAttribute('tabindex', '-1');
    target.focus();
  });
  signOutButton.addEventListener('click', () => {
    profilePromise = null;
    if (!signOut(config)) {
      if (location.hash === '#/' || location.hash === '') render();
      else location.hash = '#/';
    }
  });
  window.addEventListener('hashchange', render);
  whenUnauthorized(() => {
    profilePromise = null;
    render();
  });
}

async function start() {
  try {
    [config, rules] = await Promise.all([loadConfig(), loadRules()]);
  } catch {
    view.replaceChildren(startFailure());
    return;
  }
  wireChrome();
  await completeSignIn(config);
  await render();
}

start();
