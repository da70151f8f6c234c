import { describe, it, expect } from 'vitest';
import type { RenderedEmail } from '../../shared/emails/context.js';
import { CLIENT_EMAILS, THERAPIST_EMAILS } from '../../shared/domain/email-kinds.js';
import { escapeHtml, singleLine } from '../../shared/emails/escape.js';
import { button, renderDocument } from '../../shared/emails/layout.js';
import { renderEmail } from '../../shared/emails/render.js';
import { ALL_KINDS, PAGE, PORTAL, render, SAMPLE_DATA, samplePolicy, STOP, TODAY } from '../support/email-samples.js';
import type { PolicyOverrides } from '../support/policy-factory.js';

const all = (e: RenderedEmail) => `${e.subject}\n${e.text}\n${e.html}`;

describe('every email', () => {
  it.each(ALL_KINDS)('%s renders a subject, a text part and an HTML part', (kind) => {
    const email = render(kind);
    expect(email.subject.trim()).not.toBe('');
    expect(email.text.trim()).not.toBe('');
    expect(email.html).toContain('<html lang="en">');
    expect(email.html).toContain('<h1');
  });

  it.each(ALL_KINDS)('%s has a short, single-line subject', (kind) => {
    const { subject } = render(kind);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject.length).toBeLessThanOrEqual(100);
  });

  it.each(ALL_KINDS)('%s has no images, scripts, external resources or tracking', (kind) => {
    const { html } = render(kind);
    expect(html).not.toMatch(/<img|<script|<link|<iframe|src=|url\(/i);
  });

  it.each(ALL_KINDS)('%s keeps the subject on one line when a name tries to inject a header', (kind) => {
    const evil = 'Eve\r\nBcc: x@y';
    const email = render(
      kind,
      samplePolicy({
        therapist: { name: evil, email: 'dana@practice.example' },
        client: { name: evil, email: 'c@client.example' },
      }),
    );
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).not.toMatch(/^Bcc:/m);
  });

  it.each(ALL_KINDS)('%s escapes names, notes and referrals in the HTML part', (kind) => {
    const evil = '<script>alert("x")</script>';
    const policy = samplePolicy({
      therapist: { name: `Dr ${evil}`, email: 'dana@practice.example' },
      client: { name: `Sam ${evil}`, email: 'c@client.example' },
      rules: {
        checkIn: { format: 'session', note: `Call ${evil}` },
        referrals: [{ name: evil, contact: `"${evil}"` }],
      },
    });
    const { html } = render(kind, policy);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('alert("x")');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});

describe('client emails', () => {
  it.each(CLIENT_EMAILS)('%s names the therapist', (kind) => {
    const email = render(kind);
    expect(email.text).toContain('Dana Reyes');
    expect(email.html).toContain('Dana Reyes');
  });

  it.each(CLIENT_EMAILS)('%s has a clearly labelled one-click stop link in both parts', (kind) => {
    const email = render(kind);
    expect(email.text).toContain(`Stop all emails from this arrangement:\n${STOP}`);
    expect(email.html).toContain(`href="${STOP}"`);
    expect(email.html).toContain('Stop all emails from this arrangement</a>');
  });

  it.each(CLIENT_EMAILS)('%s says it is not for emergencies and gives the crisis resources', (kind) => {
    const email = render(kind);
    for (const part of [email.text, email.html]) {
      expect(part).toContain('not for emergencies');
      expect(part).toContain('988');
      expect(part).toContain('911');
    }
  });

  it.each(CLIENT_EMAILS)('%s gives the crisis resources of the chosen country', (kind) => {
    const email = render(kind, samplePolicy({ rules: { crisisLocale: 'GB' } }));
    expect(email.text).toContain('116 123');
    expect(email.text).not.toContain('988');
  });

  it.each(CLIENT_EMAILS)('%s states the limits in plain words', (kind) => {
    const { text } = render(kind);
    expect(text).toMatch(/update|arrangement has ended/);
  });

  it.each(CLIENT_EMAILS)(
    '%s never contains the therapist email address, even one typed into a note or referral',
    (kind) => {
      const policy = samplePolicy({
        therapist: { name: 'Dana Reyes', email: 'Dana.Reyes@Practice.example' },
        rules: {
          checkIn: { format: 'session', note: 'Write to dana.reyes@practice.example to book.' },
          referrals: [{ name: 'Dana Reyes', contact: 'DANA.REYES@practice.example' }],
        },
      });
      const email = render(kind, policy);
      expect(all(email).toLowerCase()).not.toContain('dana.reyes@practice.example');
    },
  );

  it.each(CLIENT_EMAILS)('%s never uses clinical words like "termination"', (kind) => {
    expect(all(render(kind)).toLowerCase()).not.toMatch(/terminat/);
  });

  it('refuses to render a client email without its links', () => {
    expect(() =>
      renderEmail('invitation', { policy: samplePolicy(), data: {}, today: TODAY, links: null, portalUrl: PORTAL }),
    ).toThrow();
  });
});

describe('therapist emails', () => {
  it.each(THERAPIST_EMAILS)('%s never contains the client page or stop link', (kind) => {
    const email = render(kind);
    expect(all(email)).not.toContain('tok_Secret123');
    expect(all(email)).not.toContain('/c/');
  });

  it.each(THERAPIST_EMAILS)('%s links to the arrangement in the portal', (kind) => {
    const email = render(kind);
    expect(email.text).toContain(`${PORTAL}#/policies/pol_test_1`);
    expect(email.html).toContain(`href="${PORTAL}#/policies/pol_test_1"`);
  });

  it.each(THERAPIST_EMAILS)('%s names the client', (kind) => {
    expect(render(kind).text).toContain('Sam Lee');
  });
});

describe('the invitation', () => {
  it('says who it is from, gives the rules with dates and links to accept or decline', () => {
    const { text, html } = render(
      'invitation',
      samplePolicy({ state: 'invited', acceptedAt: null, updatesAccepted: 0, lastUpdateOn: null }),
    );
    expect(text).toContain('An invitation from Dana Reyes');
    expect(text).toContain('up to 3 short updates between 20 November 2026 and 1 January 2027');
    expect(text).toContain(`Accept or decline on your private page:\n${PAGE}`);
    expect(html).toContain(`href="${PAGE}"`);
  });

  it('promises that nothing else will be sent unless the client accepts', () => {
    const { text } = render('invitation', samplePolicy({ state: 'invited', acceptedAt: null }));
    expect(text).toContain('This is the only email you will get unless you accept.');
  });
});

describe('the update receipt', () => {
  it('says what is left, when the next update can be sent and when the window closes', () => {
    const { text } = render('update-receipt');
    expect(text).toContain(
      '1 of 3 updates left; the next one can be sent from 10 December 2026; the window closes on 1 January 2027.',
    );
  });

  it('says kindly when the last update has been used and points to the check-in still ahead', () => {
    const { text } = render('update-receipt', samplePolicy({ updatesAccepted: 3 }), {
      seq: 3,
      left: 0,
      limit: 3,
      nextAllowedOn: null,
      windowUntil: '2027-01-01',
    });
    expect(text).toContain('0 of 3 updates left.');
    expect(text).toContain(
      'That was the last update this arrangement allows. Your check-in on 20 February 2027 is still ahead.',
    );
  });

  it('falls back to the policy when the data snapshot is missing', () => {
    const { text } = render('update-receipt', samplePolicy(), {});
    expect(text).toContain('of 3 updates left');
  });
});

describe('the update refusal', () => {
  it('quotes the client text back in full in both parts', () => {
    const { text, html } = render('update-refused');
    expect(text).toContain('> I wanted to tell you\n> that the new job is going well.');
    expect(html).toContain('I wanted to tell you<br>that the new job is going well.');
  });

  it('gives the reason and what is possible next', () => {
    const { text } = render('update-refused');
    expect(text).toContain('Your next update can be sent from 10 December 2026.');
    expect(text).toContain('What you can do next');
    expect(text).toContain('Riverside Counseling: 555-0100');
  });

  it('points to the check-in still ahead when all updates are used, and keeps the words', () => {
    const data = {
      text: 'One more thing.',
      reason: 'limit-reached',
      detail: 'You have sent all 3 updates this arrangement allows.',
      nextAllowedOn: null,
    };
    const { text } = render('update-refused', samplePolicy({ updatesAccepted: 3 }), data);
    expect(text).toContain('> One more thing.');
    expect(text).toContain('Your check-in on 20 February 2027 is still ahead.');
    expect(text).toContain('Your words are still yours.');
  });

  it('offers no page link once the arrangement has ended, but keeps the stop link', () => {
    const data = {
      text: 'Hello again.',
      reason: 'not-active',
      detail: 'This arrangement has come to its end, so updates can no longer be sent.',
      nextAllowedOn: null,
    };
    const { text } = render('update-refused', samplePolicy({ state: 'closed', closedReason: 'closing-date' }), data);
    expect(text).not.toContain(`${PAGE}\n`);
    expect(text).toContain(STOP);
  });

  it('escapes the quoted text in the HTML part', () => {
    const { html } = render('update-refused', samplePolicy(), {
      ...SAMPLE_DATA['update-refused'],
      text: '<script>alert("x")</script>',
    });
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});

describe('check-in emails', () => {
  it('say "in 7 days" a week before and "tomorrow" the day before', () => {
    expect(render('check-in-reminder', samplePolicy(), { daysBefore: 7 }).subject).toBe(
      'Your check-in with Dana Reyes is in 7 days',
    );
    expect(render('check-in-reminder', samplePolicy(), { daysBefore: 1 }).subject).toBe(
      'Your check-in with Dana Reyes is tomorrow',
    );
    expect(render('therapist-check-in-reminder', samplePolicy(), { daysBefore: 1 }).subject).toBe(
      'Check-in with Sam Lee tomorrow',
    );
  });

  it('tell the client on the day how long the check-in message can be sent, via the page', () => {
    const { text } = render('check-in-day');
    expect(text).toContain('until 26 February 2027, you can send Dana Reyes one check-in message');
    expect(text).toContain(`Write your check-in message:\n${PAGE}`);
  });

  it('give the therapist note for a session check-in', () => {
    const policy = samplePolicy({
      rules: { checkIn: { format: 'session', note: 'I will phone you to find a time.' } },
    });
    expect(render('check-in-day', policy).text).toContain('I will phone you to find a time.');
    expect(render('therapist-check-in-reminder', policy).text).toContain('Please remember to arrange it');
  });

  it('deliver the check-in message to the therapist in full', () => {
    expect(render('check-in-message').text).toContain('> Three months on, I am doing alright.');
  });
});

describe('the end of an arrangement', () => {
  const closed = () =>
    samplePolicy({ state: 'closed', closedReason: 'closing-date', closedAt: '2027-03-06T14:00:00.000Z' });

  it('says goodbye kindly, gives referrals and says nothing more will be sent', () => {
    const { text } = render('closing', closed());
    expect(text).toContain('No more emails will be sent');
    expect(text).toContain('Riverside Counseling: 555-0100');
    expect(text).toContain('Take good care of yourself.');
  });

  it('confirms an opt-out with referrals and without further emails', () => {
    const { text } = render('opted-out', samplePolicy({ state: 'closed', closedReason: 'opted-out' }));
    expect(text).toContain('This is the last email you will get from it.');
    expect(text).toContain('Riverside Counseling: 555-0100');
  });

  it('tells the therapist what was received and when the data will be deleted', () => {
    const { text } = render('closing-summary', closed());
    expect(text).toContain('Updates received: 2 of 3.');
    expect(text).toContain('will be deleted 90 days after closing, on 4 June 2027');
    expect(text).toContain('export it from the portal');
  });

  it('states the arrangement’s own retention, its practice’s setting, in the summary and after an opt-out', () => {
    const summary = render('closing-summary', samplePolicy({ ...closed(), retentionDays: 365 })).text;
    // 2028 has a 29 February.
    expect(summary).toContain('will be deleted 365 days after closing, on 5 March 2028');
    const stopped = samplePolicy({
      state: 'closed',
      closedReason: 'opted-out',
      closedAt: '2027-01-10T15:00:00.000Z',
      retentionDays: 30,
    });
    expect(render('client-opted-out', stopped).text).toContain(
      'will be deleted 30 days after closing, on 9 February 2027',
    );
  });
});

describe('other emails', () => {
  it('gives the therapist each update in full with its number', () => {
    const { subject, text, html } = render('update-received');
    expect(subject).toBe('Update 2 of 3 from Sam Lee');
    expect(text).toContain('> The garden is growing.\n> I think of our work often.');
    expect(html).toContain('The garden is growing.<br>I think of our work often.');
  });

  it('escapes the update text in the therapist HTML', () => {
    const { html } = render('update-received', samplePolicy(), {
      ...SAMPLE_DATA['update-received'],
      text: '<b onclick="x">hi</b>',
    });
    expect(html).toContain('&lt;b onclick=&quot;x&quot;&gt;hi&lt;/b&gt;');
  });

  it('tells the client a new link replaces the earlier ones', () => {
    expect(render('new-link').text).toContain('It replaces any earlier links, which no longer work.');
  });

  it('tells the therapist a new arrangement sends exactly one invitation', () => {
    expect(render('policy-created').text).toContain('Sam Lee gets one invitation email now.');
  });
});

describe('where things stand', () => {
  it('says updates are paused while the therapist has paused them', () => {
    const { text } = render('check-in-reminder', samplePolicy({ state: 'paused' }));
    expect(text).toContain('For the moment, Dana Reyes has paused updates.');
    expect(text).not.toContain('Right now:');
  });

  it('says when the client chose to skip the check-in', () => {
    expect(render('new-link', samplePolicy({ checkIn: 'skipped' })).text).toContain('You chose to skip the check-in.');
  });
});

describe('escaping and layout', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('turns every kind of line break into a space and shortens long subjects', () => {
    expect(singleLine('a\r\nb\u2028c\u0085d\te')).toBe('a b c d e');
    expect(singleLine('x'.repeat(300))).toHaveLength(100);
  });

  it('never makes a javascript: link clickable', () => {
    const { html } = renderDocument({
      subject: 's',
      heading: 'h',
      body: [button('Open', 'javascript:alert(1)')],
      footer: [],
    });
    expect(html).not.toContain('href=');
  });
});

describe('personal notes', () => {
  const INVITATION_NOTE = 'It was a privilege to work with you.\nThis is a way to stay in touch, if you want it.';
  const CLOSING_NOTE = 'I am glad for all you did.\nGo gently.';
  const withNotes = (overrides: PolicyOverrides = {}) =>
    samplePolicy({
      ...overrides,
      rules: { invitationNote: INVITATION_NOTE, closingNote: CLOSING_NOTE, ...overrides.rules },
    });
  const invited = { state: 'invited', acceptedAt: null, updatesAccepted: 0, lastUpdateOn: null } as const;
  const closed = { state: 'closed', closedReason: 'closing-date', closedAt: '2027-03-06T14:00:00.000Z' } as const;

  it('puts the invitation note in the invitation, introduced as a note from the therapist, in both parts', () => {
    const { text, html } = render('invitation', withNotes(invited));
    expect(text).toContain(
      'A note from Dana Reyes:\n\n> It was a privilege to work with you.\n> This is a way to stay in touch, if you want it.',
    );
    expect(html).toContain('It was a privilege to work with you.<br>This is a way to stay in touch, if you want it.');
    expect(text).not.toContain('Go gently.');
  });

  it('has no note in an invitation without one', () => {
    expect(render('invitation', samplePolicy(invited)).text).not.toContain('A note from');
  });

  it('puts the closing note in the goodbye, and not in the confirmation of a stop', () => {
    const goodbye = render('closing', withNotes(closed)).text;
    expect(goodbye).toContain('A note from Dana Reyes:\n\n> I am glad for all you did.\n> Go gently.');
    expect(goodbye).not.toContain('privilege');
    const stopped = render('opted-out', withNotes({ state: 'closed', closedReason: 'opted-out' })).text;
    expect(stopped).not.toContain('Go gently.');
    expect(stopped).not.toContain('A note from');
  });

  it('escapes the notes in the HTML part', () => {
    const evil = '<script>alert("x")</script>';
    const policy = samplePolicy({ ...closed, rules: { invitationNote: evil, closingNote: evil } });
    for (const kind of ['invitation', 'closing'] as const) {
      const { html } = render(kind, kind === 'invitation' ? { ...policy, state: 'invited' } : policy);
      expect(html).not.toContain('<script');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
  });

  it('shows the therapist the invitation note as the client reads it, and says a closing note is set, only when there are notes', () => {
    const created = render('policy-created', withNotes(invited)).text;
    expect(created).toContain('Your note in the invitation, as Sam Lee reads it:\n\n> It was a privilege');
    expect(created).toContain('Sam Lee will read your closing note in the goodbye email.');
    const bare = render('policy-created', samplePolicy(invited)).text;
    expect(bare).not.toMatch(/your (closing )?note/i);
  });

  it('tells the therapist the goodbye carried their note only when it did', () => {
    expect(render('closing-summary', withNotes(closed)).text).toContain(
      'Sam Lee got a closing email with your note, your referrals and crisis resources.',
    );
    const without = render('closing-summary', samplePolicy(closed)).text;
    expect(without).toContain('Sam Lee got a closing email with your referrals and crisis resources.');
    expect(without).not.toMatch(/note/i);
    const noReferrals = render('closing-summary', withNotes({ ...closed, rules: { referrals: [] } })).text;
    expect(noReferrals).toContain('Sam Lee got a closing email with your note and crisis resources.');
  });
});

describe('what the therapist is told of a new message, by their choice of notifications', () => {
  const policy = samplePolicy({ client: { name: 'Sam Lee', email: 'sam.lee@client.example' } });
  const words = 'The garden is growing.';
  const notice = {
    'update-received': { seq: 2, text: '', characters: 22, sentOn: '2026-12-03', style: 'notice' },
    'check-in-message': { text: '', sentOn: '2027-02-20', style: 'notice' },
  } as const;

  it.each(Object.keys(notice) as (keyof typeof notice)[])(
    '%s as a notice carries no client words, name or address, only a neutral reference and the portal link',
    (kind) => {
      // The words are given here too, to prove a notice never shows them even if a job held them.
      const email = render(kind, policy, { ...notice[kind], text: words });
      for (const part of [email.subject, email.text, email.html]) {
        expect(part).not.toContain(words);
        expect(part).not.toContain('Sam');
        expect(part).not.toContain('Lee');
        expect(part).not.toContain('sam.lee@client.example');
      }
      expect(email.text).toContain('the arrangement you set up on 20 November 2026 (ref. pol_test)');
      expect(email.text).toContain(`${PORTAL}#/policies/pol_test_1`);
      expect(email.text).toContain('leaves out the client’s name, address and words');
    },
  );

  it('says which update arrived and how many are left, in a notice', () => {
    const { subject, text } = render('update-received', policy, notice['update-received']);
    expect(subject).toBe('New update in arrangement pol_test');
    expect(text).toContain(
      'Update 2 of 3 arrived on 3 December 2026 in the arrangement you set up on 20 November 2026 (ref. pol_test).',
    );
    expect(text).toContain('This was update 2 of 3; 1 is left.');
  });

  it('says the check-in message arrived, in a notice', () => {
    const { subject, text } = render('check-in-message', policy, notice['check-in-message']);
    expect(subject).toBe('Check-in message in arrangement pol_test');
    expect(text).toContain(
      'The check-in message arrived on 20 February 2027 in the arrangement you set up on 20 November 2026 (ref. pol_test).',
    );
  });

  it('gives the words in full when the therapist chose them, and for emails decided before the choice existed', () => {
    const full = render('update-received', policy, { ...notice['update-received'], text: words, style: 'full-text' });
    expect(full.text).toContain(`> ${words}`);
    expect(full.subject).toBe('Update 2 of 3 from Sam Lee');
    const { style: _, ...older } = { ...notice['check-in-message'], text: words };
    expect(render('check-in-message', policy, older).text).toContain(`> ${words}`);
  });
});
