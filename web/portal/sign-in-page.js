// @ts-check
/** The screen a therapist sees before signing in. */
import { h } from './dom.js';
import { narrowPage } from './narrow-page.js';

/** @import { PageResult, PortalConfig } from './types.js' */

/** @type {Record<string, string>} */
const NOTICES = {
  'signed-out': 'You have signed out. Nothing more is kept in this browser tab.',
  expired: 'For your privacy, your session has ended. Please sign in again to carry on.',
  failed: 'Signing in did not finish. Nothing has changed; please try again.',
};

/**
 * @param {{ config: PortalConfig | null, notice: string | null, signIn: () => Promise<void> }} options
 * @returns {PageResult}
 */
export function signInPage({ config, notice, signIn }) {
  const local = config?.mode === 'local';
  const button = local
    ? h('a', { className: 'button button-large', href: config?.signInUrl || '/local/sign-in' }, 'Sign in')
    : h(
        'button',
        {
          type: 'button',
          className: 'button button-large',
          /** @param {MouseEvent} event */
          onclick: async (event) => {
            const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
            button.disabled = true;
            button.textContent = 'Opening sign-in…';
            await signIn();
          },
        },
        'Sign in',
      );
  if (local) {
    // Remember where the therapist was going, as the Cognito flow does.
    button.addEventListener('click', (event) => {
      event.preventDefault();
      signIn();
    });
  }
  return narrowPage(
    { title: 'Sign in', heading: 'Sign in to Afterword', className: 'sign-in' },
    notice && NOTICES[notice] ? h('p', { className: 'notice', role: 'status' }, NOTICES[notice]) : null,
    h(
      'p',
      { className: 'lead' },
      'Afterword gives the end of therapy a clear, kind shape: a few short updates your former client may send, and one check-in, with limits you set and the service keeps.',
    ),
    h('div', { className: 'button-row' }, button),
    local
      ? h(
          'p',
          { className: 'help' },
          'This copy of Afterword runs on this computer. Any name and email address will do; the same address always opens the same account.',
        )
      : h(
          'p',
          { className: 'help' },
          'You will sign in on your practice’s secure sign-in page, then come straight back here.',
        ),
  );
}
