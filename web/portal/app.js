/**
 * The therapist portal: signs in, then routes between four screens by the address's hash
 * (#/, #/new, #/policies/<id>, #/profile). Each screen is a function that returns
 * { title, node }; this file mounts it, sets the title, and moves focus to its heading.
 */
import { api, ApiError, whenUnauthorized } from './api.js';
import { completeSignIn, getToken, loadConfig, signOut, startSignIn, takeNotice } from './auth.js';
import { h } from './dom.js';
import { listPage } from './page-list.js';
import { newPage } from './page-new.js';
import { policyPage } from './page-policy.js';
import { profilePage } from './page-profile.js';
import { signInPage } from './page-sign-in.js';

const view = document.getElementById('view');
const main = document.getElementById('main');
const flashRegion = document.getElementById('flash');
const nav = document.getElementById('site-nav');
const signOutButton = document.getElementById('sign-out');

let config = null;
let renderCount = 0;
let firstRender = true;
let pendingFlash = null;
let profilePromise = null;

const ROUTES = [
  { pattern: /^#?\/?$/, name: 'list', page: listPage },
  { pattern: /^#\/new\/?$/, name: 'new', page: newPage },
  { pattern: /^#\/policies\/([^/]+)\/?$/, name: 'policy', page: policyPage },
  { pattern: /^#\/profile\/?$/, name: 'profile', page: profilePage },
];

/** The signed-in therapist's profile, fetched once and shared by the screens. */
function profile({ fresh = false } = {}) {
  if (!profilePromise || fresh) {
    profilePromise = api('GET', '/profile').catch((error) => {
      profilePromise = null;
      throw error;
    });
  }
  return profilePromise;
}

function setProfile(value) {
  profilePromise = Promise.resolve(value);
}

/** A message for the next screen (for example "Invitation sent"), read out once it is shown. */
function flash(message) {
  pendingFlash = message;
}

/** A message about the current screen, read out politely. */
function announce(message) {
  flashRegion.textContent = '';
  // A fresh text node after a tick so screen readers notice the change.
  setTimeout(() => {
    flashRegion.textContent = message;
  }, 50);
}

function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

function setChrome(signedIn, routeName) {
  nav.hidden = !signedIn;
  signOutButton.hidden = !signedIn;
  for (const link of nav.querySelectorAll('a[data-route]')) {
    if (link.dataset.route === routeName) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function mount(result, { focus }) {
  document.title = result.title ? `${result.title} · Afterword` : 'Afterword';
  view.replaceChildren(result.node);
  main.removeAttribute('aria-busy');
  if (pendingFlash) {
    announce(pendingFlash);
    pendingFlash = null;
  }
  if (focus) {
    const heading = view.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }
  if (!focus || !view.querySelector('h1')) window.scrollTo(0, 0);
  result.mounted?.();
}

function errorPage(error, retry) {
  const notFound = error instanceof ApiError && error.status === 404;
  const title = notFound ? 'Not found' : 'Something went wrong';
  return {
    title,
    node: h(
      'section',
      { className: 'page narrow' },
      h('h1', {}, notFound ? 'We could not find that' : 'This page did not load'),
      h(
        'p',
        {},
        notFound
          ? 'It may have been deleted after its retention period, or the address may be incomplete.'
          : error?.detail || 'Something went wrong on our side. Nothing you entered has been sent.',
      ),
      h(
        'div',
        { className: 'button-row' },
        notFound ? null : h('button', { type: 'button', className: 'button', onclick: retry }, 'Try again'),
        h('a', { href: '#/', className: notFound ? 'button' : 'button button-secondary' }, 'Go to your list'),
      ),
    ),
  };
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
    mount(signInPage({ config, notice: takeNotice(), signIn: () => startSignIn(config) }), { focus });
    return;
  }

  const route = ROUTES.find((r) => r.pattern.test(hash));
  setChrome(true, route?.name ?? null);
  if (!route) {
    mount(errorPage(new ApiError(404, {}), render), { focus });
    return;
  }
  if (!pendingFlash) flashRegion.textContent = '';
  const params = hash.match(route.pattern).slice(1).map(decodeURIComponent);
  main.setAttribute('aria-busy', 'true');
  const slow = setTimeout(() => {
    if (id === renderCount) view.replaceChildren(h('p', { className: 'loading' }, 'Loading…'));
  }, 200);
  const ctx = {
    config,
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
    if (id !== renderCount || error?.handled) return;
    if (!(error instanceof ApiError)) console.error('Afterword: the page did not load', error);
    mount(errorPage(error, render), { focus });
  }
}

function wireChrome() {
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    const target = view.querySelector('h1') ?? main;
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
    config = await loadConfig();
  } catch {
    view.replaceChildren(
      h(
        'section',
        { className: 'page narrow' },
        h('h1', {}, 'The portal could not start'),
        h('p', {}, 'Its settings did not load. Please check your connection and reload the page.'),
      ),
    );
    return;
  }
  wireChrome();
  await completeSignIn(config);
  await render();
}

start();
