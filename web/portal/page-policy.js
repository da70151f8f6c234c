/**
 * One arrangement: where it stands, what the therapist can do, what is coming, what the
 * client has sent, and everything that happened, oldest first.
 */
import { api, download } from './api.js';
import { h, messageText } from './dom.js';
import { closedReason, dateIn, describeRulesForTherapist, formatDate, formatDay, formatMoment, plural, timelineSentence, today, upcomingSentence } from './format.js';
import { stateBadge } from './page-list.js';

function stateSentence(p) {
  const who = p.client.name;
  const zone = p.rules.timeZone;
  const day = (instant) => (instant ? formatDate(dateIn(instant, zone)) : '');
  switch (p.state) {
    case 'invited':
      return `Waiting for ${who} to accept. The invitation was sent on ${day(p.createdAt)}; nothing else is sent unless they accept.`;
    case 'active':
      return `${who} accepted on ${day(p.acceptedAt)}. Afterword is keeping the limits below.`;
    case 'paused':
      return `Paused. ${who} cannot send updates, and no reminders go out, until you resume.`;
    case 'declined':
      return `${who} declined${p.closedAt ? ` on ${day(p.closedAt)}` : ''}. Nothing more will be sent to them.`;
    case 'closed':
      return `Closed${p.closedAt ? ` on ${day(p.closedAt)}` : ''}: ${closedReason(p.closedReason)}.`;
    default:
      return '';
  }
}

function checkInStatus(p) {
  const c = p.rules.checkIn;
  const who = p.client.name;
  const ended = p.state === 'closed' || p.state === 'declined';
  if (ended && p.counters.checkIn === 'pending') return 'Did not take place before the arrangement ended';
  switch (p.counters.checkIn) {
    case 'none':
      return 'None';
    case 'sent':
      return 'Message received';
    case 'skipped':
      return `${who} chose to skip it`;
    default:
      if (!c) return 'None';
      return c.format === 'session' ? `A session on ${formatDay(c.on)}` : `A message, from ${formatDay(c.on)} to ${formatDate(c.messageUntil)}`;
  }
}

function glance(p) {
  const rows = [];
  const u = p.rules.updates;
  const zone = p.rules.timeZone;
  const ended = p.state === 'closed' || p.state === 'declined';
  if (u.limit === 0) {
    rows.push(['Updates', 'Not part of this arrangement']);
  } else {
    rows.push(['Updates', `${p.counters.updatesAccepted} of ${u.limit} used, ${p.counters.updatesLeft} left`]);
    rows.push(['Time for updates', `${formatDate(u.from)} to ${formatDate(u.until)}`]);
    if (!ended && p.counters.updatesLeft > 0) {
      const now = today(zone);
      let next;
      if (p.state === 'invited') next = `Once ${p.client.name} accepts`;
      else if (p.state === 'paused') next = 'Not while paused';
      else if (!p.counters.nextAllowedOn) next = 'No more fit before updates close';
      else if (p.counters.nextAllowedOn <= now) next = 'Now';
      else next = formatDate(p.counters.nextAllowedOn);
      rows.push(['Next update possible', next]);
    }
    rows.push(['Last update', p.counters.lastUpdateOn ? formatDate(p.counters.lastUpdateOn) : 'None yet']);
  }
  rows.push(['Check-in', checkInStatus(p)]);
  if (p.nextEvent && !ended && p.nextEvent.kind !== 'closing') rows.push(['Next', `${upcomingSentence(p.nextEvent, p.rules)}, ${formatDate(p.nextEvent.on)}`]);
  rows.push([ended ? 'Ended' : 'Closes on', ended && p.closedAt ? formatDate(dateIn(p.closedAt, zone)) : formatDate(p.rules.closesOn)]);
  return h('dl', { className: 'glance' }, rows.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
}

function section(title, id, ...children) {
  return h('section', { className: 'card', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

export async function policyPage(ctx, id) {
  const path = `/policies/${encodeURIComponent(id)}`;
  let detail = await api('GET', path);
  const root = h('div', { className: 'page' });

  /** Runs one action; on success redraws and says what happened; on refusal explains. */
  async function act(action, { done, focusAfter }) {
    actionError = '';
    busy = action;
    draw({ keepFocus: true });
    try {
      detail = await api('POST', `${path}/${action}`);
      busy = '';
      confirming = '';
      draw();
      ctx.announce(done(detail));
      const next = root.querySelector(`[data-action="${focusAfter}"]`) ?? root.querySelector('h1');
      next?.focus();
    } catch (error) {
      busy = '';
      if (error?.handled) return;
      actionError = error.detail || error.title || 'That did not work. Please try again.';
      draw();
      root.querySelector('.action-error')?.focus();
    }
  }

  let confirming = '';
  let busy = '';
  let actionError = '';

  function actionButton(label, action, className, onclick) {
    return h('button', { type: 'button', className: `button ${className}`, 'data-action': action, disabled: Boolean(busy), onclick }, busy === action ? 'Working…' : label);
  }

  function confirmPanel(kind) {
    const who = detail.client.name;
    const goodbye = detail.acceptedAt && !detail.clientEmailSuppressed;
    const copy =
      kind === 'close'
        ? {
            title: 'Close this arrangement?',
            text: goodbye
              ? `${who} will get a short goodbye email with your referrals and crisis resources, and then nothing more. Updates and the check-in end now. This cannot be undone.`
              : `${who} will not be emailed about it${detail.acceptedAt ? '' : ', as they have not accepted'}. Their link will only say the arrangement has ended. This cannot be undone.`,
            confirm: 'Close arrangement',
            cancel: 'Keep it open',
            action: 'close',
            done: () => (goodbye ? `The arrangement is closed. ${who} has been sent a goodbye email.` : 'The arrangement is closed.'),
          }
        : {
            title: 'Send a new link?',
            text: `${who} will get ${detail.state === 'invited' ? 'the invitation again, with a fresh private link' : 'an email with a fresh private link'}. Every link sent before stops working. Use this if the old link was lost or may have reached someone else.`,
            confirm: 'Send a new link',
            cancel: 'Cancel',
            action: 'reissue-link',
            done: () => `A new link was sent to ${who}. Older links no longer work.`,
          };
    const titleId = `confirm-${kind}-title`;
    return h(
      'div',
      { className: 'confirm', role: 'group', 'aria-labelledby': titleId },
      h('h3', { id: titleId, tabindex: '-1' }, copy.title),
      h('p', {}, copy.text),
      h(
        'div',
        { className: 'button-row' },
        actionButton(copy.confirm, `${copy.action}-confirm`, kind === 'close' ? 'button-danger' : '', () =>
          act(copy.action, { done: copy.done, focusAfter: 'export' }),
        ),
        h(
          'button',
          {
            type: 'button',
            className: 'button button-secondary',
            disabled: Boolean(busy),
            onclick: () => {
              confirming = '';
              draw();
              root.querySelector(`[data-action="${kind === 'close' ? 'close' : 'reissue-link'}"]`)?.focus();
            },
          },
          copy.cancel,
        ),
      ),
    );
  }

  function actions() {
    const s = detail.state;
    const open = s === 'invited' || s === 'active' || s === 'paused';
    const who = detail.client.name;
    const items = [];
    if (s === 'active') {
      items.push(
        h(
          'div',
          { className: 'action' },
          actionButton('Pause', 'pause', 'button-secondary', () =>
            act('pause', { done: () => `Paused. ${who} cannot send updates until you resume.`, focusAfter: 'resume' }),
          ),
          h('p', { className: 'help' }, `Holds updates and reminders. ${who} is not emailed about it.`),
        ),
      );
    }
    if (s === 'paused') {
      items.push(
        h(
          'div',
          { className: 'action' },
          actionButton('Resume', 'resume', '', () => act('resume', { done: () => `Resumed. ${who} can send updates within the rules again.`, focusAfter: 'pause' })),
          h('p', { className: 'help' }, 'Updates and reminders carry on within the same dates.'),
        ),
      );
    }
    if (open && !detail.clientEmailSuppressed) {
      items.push(
        confirming === 'reissue'
          ? confirmPanel('reissue')
          : h(
              'div',
              { className: 'action' },
              actionButton('Send a new link', 'reissue-link', 'button-secondary', () => {
                confirming = 'reissue';
                actionError = '';
                draw();
                root.querySelector('#confirm-reissue-title')?.focus();
              }),
              h('p', { className: 'help' }, 'If their link was lost or shared. Old links stop working.'),
            ),
      );
    }
    if (open) {
      items.push(
        confirming === 'close'
          ? confirmPanel('close')
          : h(
              'div',
              { className: 'action' },
              actionButton('Close arrangement', 'close', 'button-secondary', () => {
                confirming = 'close';
                actionError = '';
                draw();
                root.querySelector('#confirm-close-title')?.focus();
              }),
              h('p', { className: 'help' }, detail.acceptedAt && !detail.clientEmailSuppressed ? 'Ends it now, with a goodbye email to the client.' : 'Ends it now.'),
            ),
      );
    }
    items.push(
      h(
        'div',
        { className: 'action' },
        h(
          'button',
          {
            type: 'button',
            className: 'button button-secondary',
            'data-action': 'export',
            onclick: async () => {
              try {
                await download(`${path}/export`, `arrangement-${detail.id}.json`);
                ctx.announce('The download has started.');
              } catch (error) {
                if (error?.handled) return;
                actionError = error.detail || 'The copy could not be downloaded. Please try again.';
                draw();
                root.querySelector('.action-error')?.focus();
              }
            },
          },
          'Download a copy',
        ),
        h('p', { className: 'help' }, 'Everything about this arrangement, as a JSON file.' + (s === 'closed' || s === 'declined' ? ' It is deleted 90 days after closing.' : '')),
      ),
    );
    return section(
      'What you can do',
      'actions-title',
      actionError ? h('p', { className: 'notice notice-error action-error', role: 'alert', tabindex: '-1' }, actionError) : null,
      h('div', { className: 'actions' }, items),
    );
  }

  function upcoming() {
    const items = detail.upcoming ?? [];
    return section(
      'Coming up',
      'upcoming-title',
      items.length
        ? h(
            'ul',
            { className: 'plain-list' },
            items.map((item) => h('li', {}, h('time', { datetime: item.on, className: 'date' }, formatDate(item.on)), ' ', upcomingSentence(item, detail.rules))),
          )
        : h('p', { className: 'muted' }, 'Nothing is scheduled.'),
      detail.state === 'invited' && items.length ? h('p', { className: 'help' }, 'Reminders to the client go out only once they have accepted.') : null,
    );
  }

  function updatesReceived() {
    const list = detail.updates ?? [];
    const zone = detail.rules.timeZone;
    return section(
      'Updates received',
      'updates-title',
      list.length
        ? h(
            'ol',
            { className: 'updates' },
            list.map((u) =>
              h(
                'li',
                {},
                h(
                  'article',
                  { 'aria-labelledby': `update-${u.seq}` },
                  h('h3', { id: `update-${u.seq}` }, `Update ${u.seq}`),
                  h(
                    'p',
                    { className: 'meta' },
                    'Sent ',
                    h('time', { datetime: u.receivedAt ?? u.sentOn }, u.receivedAt ? formatMoment(u.receivedAt, zone) : formatDate(u.sentOn)),
                    ` · ${plural(u.characters, 'character')}`,
                  ),
                  messageText(u.text),
                ),
              ),
            ),
          )
        : h('p', { className: 'muted' }, detail.rules.updates.limit === 0 ? 'This arrangement does not include written updates.' : 'No updates yet.'),
    );
  }

  function checkInMessage() {
    const c = detail.rules.checkIn;
    if (!detail.checkInMessage && (!c || c.format !== 'message')) return null;
    const m = detail.checkInMessage;
    return section(
      'Check-in message',
      'checkin-title',
      m
        ? h(
            'article',
            { className: 'checkin-message' },
            h('p', { className: 'meta' }, 'Sent ', h('time', { datetime: m.receivedAt ?? m.sentOn }, m.receivedAt ? formatMoment(m.receivedAt, detail.rules.timeZone) : formatDate(m.sentOn))),
            messageText(m.text),
          )
        : h(
            'p',
            { className: 'muted' },
            detail.counters.checkIn === 'skipped'
              ? `${detail.client.name} chose to skip the check-in.`
              : detail.state === 'closed' || detail.state === 'declined'
                ? 'No check-in message was sent.'
                : `Nothing yet. ${detail.client.name} can write from ${formatDay(c.on)} to ${formatDate(c.messageUntil)}.`,
          ),
    );
  }

  function rules() {
    return section('The rules', 'rules-title', h('ul', { className: 'rule-lines' }, describeRulesForTherapist(detail.rules, detail.client.name).map((line) => h('li', {}, line))));
  }

  function timeline() {
    const events = detail.history ?? [];
    const zone = detail.rules.timeZone;
    return section(
      'Timeline',
      'timeline-title',
      events.length
        ? h(
            'ol',
            { className: 'timeline' },
            events.map((e) =>
              h('li', {}, h('time', { datetime: e.at, className: 'date' }, formatMoment(e.at, zone)), h('span', { className: 'event' }, timelineSentence(e, detail.client.name))),
            ),
          )
        : h('p', { className: 'muted' }, 'Nothing has happened yet.'),
      h('p', { className: 'help' }, `Times are in ${zone}.`),
    );
  }

  function notices() {
    const out = [];
    if (detail.clientEmailSuppressed) {
      out.push(
        h(
          'p',
          { className: 'notice notice-warning' },
          `Afterword has stopped emailing ${detail.client.name}: an email to their address bounced or was marked as unwanted. Nothing more will reach them by email. If you are still in touch another way, you may want to let them know.`,
        ),
      );
    }
    if (detail.undelivered > 0) {
      out.push(
        h(
          'p',
          { className: 'notice' },
          `${plural(detail.undelivered, 'email')} ${detail.undelivered === 1 ? 'is' : 'are'} still on the way. Afterword keeps trying, and notes it in the timeline if one cannot be delivered.`,
        ),
      );
    }
    return out;
  }

  function draw({ keepFocus = false } = {}) {
    const active = document.activeElement;
    const activeAction = keepFocus && root.contains(active) ? active.dataset.action : null;
    root.replaceChildren(
      h('p', { className: 'back' }, h('a', { href: '#/' }, 'Back to the list')),
      h('div', { className: 'policy-head' }, h('h1', {}, detail.client.name), stateBadge(detail.state)),
      h('p', { className: 'muted' }, detail.client.email),
      h('p', { className: 'lead' }, stateSentence(detail)),
      ...notices(),
      h(
        'div',
        { className: 'policy-layout' },
        h('div', { className: 'policy-side' }, section('At a glance', 'glance-title', glance(detail)), actions(), upcoming()),
        h('div', { className: 'policy-main' }, updatesReceived(), checkInMessage(), timeline(), rules()),
      ),
    );
    if (activeAction) root.querySelector(`[data-action="${activeAction}"]`)?.focus();
  }

  draw();
  return { title: detail.client.name, node: root };
}
