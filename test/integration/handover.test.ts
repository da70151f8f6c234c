/**
 * A therapist leaves the practice: over HTTP, on DynamoDB Local and the SES emulator, the admin
 * hands each of their open arrangements to a colleague or closes it in the practice's name. The
 * client gets one email from the practice, the colleague a summary, the leaver loses access at
 * once, and nothing scheduled is lost, sent twice or sent under the old name. Each test starts
 * its own service with a practice of three: an admin, the therapist who leaves, a colleague.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS } from '../../shared/domain/practice.js';
import type { PolicyChange } from '../../shared/ports/store.js';
import { startApp, uniqueEmail, type App } from '../support/harness.js';

const PRACTICE = 'northside';
const CLOSING_NOTE = 'We are sorry this came so suddenly.\nYou are welcome to call us.';
const running: App[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

interface Person {
  email: string;
  name: string;
  token: string;
  id: string;
}

interface Practice {
  app: App;
  admin: Person;
  leaver: Person;
  colleague: Person;
  /** An arrangement of the leaver's, walked to `state`. */
  arrangement(state: 'invited' | 'active' | 'paused', name?: string): Promise<Arrangement>;
  handOver(to: string | null, note?: string, id?: string): ReturnType<App['request']>;
  timeline(): Promise<{ type: string; data?: Record<string, unknown> }[]>;
  at(iso: string): Promise<void>;
}

interface Arrangement {
  id: string;
  client: string;
  name: string;
  link: string;
}

async function person(app: App, name: string, role: 'admin' | 'therapist' = 'therapist'): Promise<Person> {
  const email = uniqueEmail(name.split(' ')[0]!.toLowerCase());
  const token = await app.signIn(email, name, { role, practice: PRACTICE });
  const profile = await app.request('GET', '/profile', { token });
  return { email, name, token, id: profile.json.therapistId as string };
}

/** 10:00 in New York on the day therapy ended; the practice named, with a usual closing note and referral. */
async function practice(): Promise<Practice> {
  const app = await startApp({ now: '2026-11-20T15:00:00Z' });
  running.push(app);
  await app.deps.store.putPractice(
    {
      id: PRACTICE,
      name: 'Northside Therapy',
      defaults: { closingNote: CLOSING_NOTE, referrals: [{ name: 'Northside Support Line', contact: '555-0142' }] },
      bounds: DEFAULT_BOUNDS,
      retentionDays: 90,
      version: null,
    },
    [],
  );
  const admin = await person(app, 'Morgan Lee', 'admin');
  const leaver = await person(app, 'Dana Reyes');
  const colleague = await person(app, 'Alex Kim');
  // The name clients see is the profile's, not the sign-in's.
  await app.request('PUT', '/profile', { token: colleague.token, body: { displayName: 'Dr. Alex Kim' } });
  colleague.name = 'Dr. Alex Kim';
  return {
    app,
    admin,
    leaver,
    colleague,
    async arrangement(state, name = 'Sam') {
      const client = uniqueEmail(name.toLowerCase());
      const created = await app.request('POST', '/policies', {
        token: leaver.token,
        body: {
          client: { name, email: client },
          endedOn: '2026-11-20',
          timeZone: 'America/New_York',
          referrals: [{ name: 'Riverside Counselling', contact: '555-0100' }],
          invitationNote: 'Dana wrote this for you.',
          closingNote: 'Dana’s own goodbye.',
        },
      });
      expect(created.status).toBe(201);
      const link = await app.linkFor(client);
      if (state !== 'invited') expect((await app.request('POST', `/client/${link}/accept`)).status).toBe(200);
      if (state === 'paused') {
        const paused = await app.request('POST', `/policies/${created.json.id}/pause`, {
          token: leaver.token,
          body: {},
        });
        expect(paused.status).toBe(200);
      }
      return { id: created.json.id as string, client, name, link };
    },
    handOver: (to, note, id = leaver.id) =>
      app.request('POST', `/practice/therapists/${id}/handover`, {
        token: admin.token,
        body: { to, ...(note === undefined ? {} : { note }) },
      }),
    timeline: () => app.deps.store.practiceTimeline(PRACTICE, 50),
    async at(iso) {
      app.clock.set(new Date(iso));
      expect((await app.dispatch()).status).toBe(200);
    },
  };
}

const kindOf = (p: Practice, a: Arrangement) => p.app.request('GET', `/client/${a.link}`);
const count = async (app: App, address: string) => (await app.mailTo(address)).length;

/** What each address has had so far; `since(address)` is what came to it after. */
async function mailFrom(app: App, addresses: string[]) {
  const seen = new Map(await Promise.all(addresses.map(async (a) => [a, await count(app, a)] as const)));
  return async (address: string) => (await app.mailTo(address)).slice(seen.get(address) ?? 0);
}

describe('handing over to a colleague', () => {
  it('tells the client once, from the practice, and the colleague once; the leaver loses access at once', async () => {
    const p = await practice();
    const { app, leaver, colleague } = p;
    const a = await p.arrangement('active');
    expect((await app.request('POST', `/client/${a.link}/updates`, { body: { text: 'The walks help.' } })).status).toBe(
      201,
    );
    const since = await mailFrom(app, [a.client, leaver.email, colleague.email]);

    const res = await p.handOver(colleague.id, 'Dana had to leave at short notice.');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      therapist: { id: leaver.id, status: 'leaving' },
      to: colleague.id,
      arrangements: [{ policyId: a.id, outcome: 'handed-over' }],
      remaining: 0,
    });

    const [toClient, ...moreToClient] = await since(a.client);
    expect(moreToClient).toHaveLength(0);
    expect(toClient!.subject).toBe('News about your arrangement with Dana Reyes');
    expect(toClient!.text).toContain('We are writing from Northside Therapy. Dana Reyes has left the practice.');
    expect(toClient!.text).toContain('Dr. Alex Kim, who works with us, now looks after your arrangement.');
    expect(toClient!.text).toContain('> Dana had to leave at short notice.');
    expect(toClient!.text).toContain('988');
    expect(toClient!.text).toContain('Sent by Afterword on behalf of Northside Therapy.');
    const everything = JSON.stringify(toClient).toLowerCase();
    for (const address of [leaver.email, colleague.email]) expect(everything).not.toContain(address.toLowerCase());

    const [summary, ...moreToColleague] = await since(colleague.email);
    expect(moreToColleague).toHaveLength(0);
    expect(summary!.subject).toBe('Arrangement with Sam handed to you');
    expect(summary!.text).toContain('Updates received: 1 of 3, the latest on 20 November 2026.');
    expect(summary!.text).toContain(`/portal#/policies/${a.id}`);
    expect(summary!.text).not.toContain('The walks help.');
    expect(summary!.text).not.toMatch(/\/c\/[\w-]{43}/);
    expect(await since(leaver.email)).toHaveLength(0);

    expect((await app.request('GET', '/policies', { token: leaver.token })).status).toBe(403);
    expect((await app.request('GET', `/policies/${a.id}`, { token: leaver.token })).status).toBe(403);
    const listed = await app.request('GET', '/policies', { token: colleague.token });
    expect(listed.json.policies.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const detail = await app.request('GET', `/policies/${a.id}`, { token: colleague.token });
    expect(detail.json.history.at(-1)).toMatchObject({
      type: 'handed-over',
      data: { from: leaver.id, to: colleague.id },
    });
    expect(detail.json.updates).toHaveLength(1);

    // Dana's own notes are not passed on as Alex's.
    expect(detail.json.rules).toMatchObject({ invitationNote: null, closingNote: null });
    expect((await kindOf(p, a)).json.therapistName).toBe('Dr. Alex Kim');
    const page = await app.request('GET', `/c/${a.link}`);
    expect(page.text).toContain('Staying in touch with Dr. Alex Kim');

    const logs = app.logs.join('\n');
    expect(logs).toContain('"handover.ran"');
    for (const secret of [
      a.client,
      leaver.email,
      colleague.email,
      'Dana Reyes',
      'Dana had to leave',
      'The walks help.',
    ])
      expect(logs).not.toContain(secret);

    // The colleague acts on it, and the client hears it from them.
    const paused = await app.request('POST', `/policies/${a.id}/pause`, { token: colleague.token, body: {} });
    expect(paused.status).toBe(200);
    expect((await app.mailTo(a.client)).at(-1)!.subject).toBe('Your arrangement with Dr. Alex Kim is paused');
    expect(await since(leaver.email)).toHaveLength(0);

    // Practices integrating with the bus hear of it: the arrangement's event and the practice's own.
    await app.relay.drain();
    const handedOver = app.events.forPolicy(a.id).filter((e) => e.type === 'policy.handed-over');
    expect(handedOver.map((e) => e.detail)).toEqual([
      expect.objectContaining({ policyId: a.id, therapistId: colleague.id, from: leaver.id, to: colleague.id }),
    ]);
    const practiceTypes = app.events.events
      .filter((e) => 'practiceId' in e.detail && e.detail.therapistId === leaver.id)
      .map((e) => e.type);
    expect(practiceTypes).toEqual(expect.arrayContaining(['practice.handover-started', 'practice.handover-finished']));
  });

  it('keeps a note the arrangement took from the practice, which was never the leaver’s own words', async () => {
    const p = await practice();
    const { app, leaver, colleague } = p;
    const client = uniqueEmail('kit');
    const created = await app.request('POST', '/policies', {
      token: leaver.token,
      body: { client: { name: 'Kit', email: client }, endedOn: '2026-11-20', timeZone: 'America/New_York' },
    });
    expect(created.status).toBe(201);
    expect(created.json.rules.closingNote).toBe(CLOSING_NOTE);

    expect((await p.handOver(colleague.id)).status).toBe(200);

    const detail = await app.request('GET', `/policies/${created.json.id}`, { token: colleague.token });
    expect(detail.json.rules.closingNote).toBe(CLOSING_NOTE);
    const summary = (await app.mailTo(colleague.email)).find((m) => m.subject.endsWith('handed to you'));
    expect(summary?.text).not.toContain('not passed on');
  });

  it('keeps the former therapist’s address from the client after the handover, as it did before', async () => {
    const p = await practice();
    const { app, leaver, colleague } = p;
    const a = await p.arrangement('active');
    const typed = await app.request('PATCH', `/policies/${a.id}`, {
      token: leaver.token,
      body: { referrals: [{ name: 'Dana, directly', contact: leaver.email }] },
    });
    expect(typed.status).toBe(200);
    expect((await kindOf(p, a)).text).not.toContain(leaver.email);

    expect((await p.handOver(colleague.id, `You can still reach Dana at ${leaver.email}.`)).status).toBe(200);

    const after = [(await kindOf(p, a)).text, (await app.request('GET', `/c/${a.link}`)).text];
    after.push(...(await app.mailTo(a.client)).map((m) => `${m.text}${m.html}`));
    for (const seen of after) expect(seen.toLowerCase()).not.toContain(leaver.email.toLowerCase());
    expect((await kindOf(p, a)).text).toContain('(address kept private)');
  });

  it('sends what was scheduled before the handover in the colleague’s name, and nothing to the leaver', async () => {
    const p = await practice();
    const { app, leaver, colleague } = p;
    const a = await p.arrangement('active');
    expect((await p.handOver(colleague.id)).status).toBe(200);
    const since = await mailFrom(app, [a.client, leaver.email, colleague.email]);
    // The check-in is on 20 February 2027; the first reminder goes out a week before, at 09:00.
    await p.at('2027-02-13T14:00:30Z');
    const [reminder, ...more] = await since(a.client);
    expect(more).toHaveLength(0);
    expect(reminder!.subject).toBe('Your check-in with Dr. Alex Kim is in 7 days');
    expect(reminder!.text).toContain('Dr. Alex Kim');
    expect(reminder!.text).not.toContain('Dana');
    const toColleague = await since(colleague.email);
    expect(toColleague.map((m) => m.subject)).toEqual(['Check-in with Sam in 7 days']);
    expect(await since(leaver.email)).toHaveLength(0);
  });

  it('hands over invited, active and paused arrangements alike, each kept in its state', async () => {
    const p = await practice();
    const { app, colleague } = p;
    const invited = await p.arrangement('invited', 'Ira');
    const active = await p.arrangement('active', 'Ada');
    const paused = await p.arrangement('paused', 'Pat');
    const since = await mailFrom(app, [invited.client, active.client, paused.client, colleague.email]);

    const res = await p.handOver(colleague.id);
    expect(res.status).toBe(200);
    expect(new Set(res.json.arrangements.map((x: { outcome: string }) => x.outcome))).toEqual(new Set(['handed-over']));
    expect(res.json.arrangements).toHaveLength(3);

    const states = await Promise.all([invited, active, paused].map(async (a) => (await kindOf(p, a)).json.state));
    expect(states).toEqual(['invited', 'active', 'paused']);
    const told = await Promise.all([invited, active, paused].map((a) => since(a.client)));
    expect(told.map((mails) => mails.length)).toEqual([1, 1, 1]);
    expect(told[0]![0]!.text).toContain(
      'The offer Dana Reyes sent you still stands, with the same rules. If you accept, Dr. Alex Kim, who works with us, will read what you send.',
    );
    expect(told[2]![0]!.text).toContain('The rules stay the same, and so does what is left.');
    const summaries = await since(colleague.email);
    expect(summaries.map((m) => m.subject).sort()).toEqual([
      'Arrangement with Ada handed to you',
      'Arrangement with Ira handed to you',
      'Arrangement with Pat handed to you',
    ]);
    expect(summaries.find((m) => m.subject.includes('Ira'))!.text).toContain(
      'Ira has not answered the invitation yet.',
    );
    // Dana's note in the invitation was in her own words: not passed on, and the colleague is told.
    expect(summaries[0]!.text).toContain('Dana Reyes’s personal notes to the client were not passed on');

    // The invited client accepts later: from the colleague, who is told.
    const later = await mailFrom(app, [colleague.email]);
    expect((await app.request('POST', `/client/${invited.link}/accept`)).status).toBe(200);
    expect((await app.mailTo(invited.client)).at(-1)!.subject).toBe('Your arrangement with Dr. Alex Kim has started');
    expect((await later(colleague.email)).map((m) => m.subject)).toEqual(['Ira accepted the arrangement']);
  });
});

describe('closing in the practice’s name', () => {
  it('sends each client one kind email with the note, the referrals and crisis resources, and then nothing more', async () => {
    const p = await practice();
    const { app, leaver, colleague } = p;
    const arrangements = [
      await p.arrangement('invited', 'Ira'),
      await p.arrangement('active', 'Ada'),
      await p.arrangement('paused', 'Pat'),
    ];
    const since = await mailFrom(app, [...arrangements.map((a) => a.client), leaver.email]);

    const res = await p.handOver(null);
    expect(res.status).toBe(200);
    expect(res.json.to).toBeNull();
    expect(res.json.remaining).toBe(0);
    expect(res.json.arrangements.map((x: { outcome: string }) => x.outcome)).toEqual(['closed', 'closed', 'closed']);

    const told = await Promise.all(arrangements.map((a) => since(a.client)));
    expect(told.map((mails) => mails.length)).toEqual([1, 1, 1]);
    const active = told[1]![0]!;
    expect(active.subject).toBe('Your arrangement with Dana Reyes has ended');
    expect(active.text).toContain(
      'We are writing from Northside Therapy. Dana Reyes has left the practice, so your arrangement ended on 20 November 2026.',
    );
    expect(active.text).toContain('> We are sorry this came so suddenly.\n> You are welcome to call us.');
    expect(active.text).toContain(
      'Northside Therapy suggests:\n\n- Northside Support Line: 555-0142\n- Riverside Counselling: 555-0100',
    );
    expect(active.text).toContain('988');
    expect(active.text).not.toContain('Dana’s own goodbye');
    expect(told[0]![0]!.subject).toBe('The invitation from Dana Reyes has ended');
    expect(await since(leaver.email)).toHaveLength(0);

    for (const a of arrangements) {
      const status = await kindOf(p, a);
      expect(status.json).toMatchObject({ state: 'closed', closedReason: 'therapist-left' });
    }
    const page = await app.request('GET', `/c/${arrangements[1]!.link}`);
    expect(page.text).toContain('Your therapist has left the practice, so this arrangement has ended');
    expect(page.text).toContain('A note from Northside Therapy:');
    expect(page.text).toContain('Northside Support Line');

    // Past the check-in and the closing date: nothing more to anyone.
    const everyone = [...arrangements.map((a) => a.client), leaver.email, colleague.email];
    const counts = await Promise.all(everyone.map((m) => count(app, m)));
    await p.at('2027-02-13T14:00:30Z');
    await p.at('2027-02-20T14:00:30Z');
    await p.at('2027-03-06T14:00:30Z');
    expect(await Promise.all(everyone.map((m) => count(app, m)))).toEqual(counts);

    const timeline = await p.timeline();
    expect(timeline.filter((e) => e.type === 'handover-started')).toHaveLength(1);
    expect(timeline.filter((e) => e.type === 'handover-finished').map((e) => e.data)).toEqual([
      { handedOver: 0, closed: 3 },
    ]);
  });
});

describe('posting again', () => {
  it('changes nothing and sends nothing when everything is done', async () => {
    const p = await practice();
    const { app, colleague } = p;
    const a = await p.arrangement('active');
    expect((await p.handOver(colleague.id)).status).toBe(200);
    const [clientBefore, colleagueBefore] = await Promise.all([a.client, colleague.email].map((m) => count(app, m)));
    const again = await p.handOver(colleague.id);
    expect(again.status).toBe(200);
    expect(again.json.arrangements).toEqual([{ policyId: a.id, outcome: 'already-done' }]);
    expect(again.json.remaining).toBe(0);
    expect(await count(app, a.client)).toBe(clientBefore);
    expect(await count(app, colleague.email)).toBe(colleagueBefore);
    expect((await p.timeline()).filter((e) => e.type === 'handover-finished')).toHaveLength(1);
  });

  it('stops, saying so, when the colleague is asked to leave while their handover runs; nothing goes to them after', async () => {
    const p = await practice();
    const { app, colleague } = p;
    const [first, second] = [await p.arrangement('active', 'Ada'), await p.arrangement('active', 'Bo')];
    const store = app.deps.store;
    const commit = store.commit.bind(store);
    store.commit = async (change: PolicyChange) => {
      const created = await commit(change);
      // Right after the first arrangement went over, another admin starts the colleague's own handover.
      const member = await store.getMember(colleague.id);
      if (member?.status === 'active')
        await store.putMember({ ...member, status: 'leaving', version: member.version + 1 }, member.version);
      return created;
    };
    const res = await p.handOver(colleague.id);
    store.commit = commit;

    expect(res.status).toBe(409);
    expect(res.json.detail).toContain('no longer active');
    const owners = await Promise.all([first, second].map((a) => store.getPolicy(a.id)));
    expect(owners.map((o) => o?.therapistId).filter((t) => t === colleague.id)).toHaveLength(1);
    expect(owners.map((o) => o?.state)).toEqual(['active', 'active']);
  });

  it('holds what a client sends to a leaving therapist while the handover is unfinished, and gives it to the colleague', async () => {
    const p = await practice();
    const { app, leaver, colleague } = p;
    const [first, second] = [await p.arrangement('active', 'Ada'), await p.arrangement('active', 'Bo')];
    const store = app.deps.store;
    const commit = store.commit.bind(store);
    let handedOver = 0;
    store.commit = async (change: PolicyChange) => {
      if (change.events?.some((e) => e.type === 'handed-over') && (handedOver += 1) > 1)
        throw new Error('DynamoDB is unavailable');
      return commit(change);
    };
    expect((await p.handOver(colleague.id)).status).toBe(503);
    store.commit = commit;
    const pending = (await store.getPolicy(first.id))?.therapistId === leaver.id ? first : second;
    expect((await store.getPolicy(pending.id))?.therapistId).toBe(leaver.id);
    const since = await mailFrom(app, [leaver.email, colleague.email]);

    const sent = await app.request('POST', `/client/${pending.link}/updates`, { body: { text: 'A good week.' } });
    expect(sent.status).toBe(201);
    expect(await since(leaver.email)).toEqual([]);

    expect((await p.handOver(colleague.id)).status).toBe(200);
    await p.at('2026-11-20T15:20:00Z');
    expect(await since(leaver.email)).toEqual([]);
    const toColleague = (await since(colleague.email)).map((m) => m.subject);
    expect(toColleague.filter((subject) => subject.endsWith('handed to you'))).toHaveLength(1);
    expect(toColleague.filter((subject) => !subject.endsWith('handed to you'))).toHaveLength(1);
  });

  it('goes on from where a failed request stopped, each arrangement handled once and each client told once', async () => {
    const p = await practice();
    const { app, leaver, colleague } = p;
    const arrangements = [
      await p.arrangement('active', 'Ada'),
      await p.arrangement('active', 'Bo'),
      await p.arrangement('invited', 'Cy'),
    ];
    const since = await mailFrom(
      app,
      arrangements.map((a) => a.client),
    );
    const store = app.deps.store;
    const commit = store.commit.bind(store);
    let handedOver = 0;
    store.commit = async (change: PolicyChange) => {
      if (change.events?.some((e) => e.type === 'handed-over') && (handedOver += 1) > 1)
        throw new Error('DynamoDB is unavailable');
      return commit(change);
    };
    const failed = await p.handOver(colleague.id);
    expect(failed.status).toBe(503);
    expect(failed.json.detail).toContain('1 of 3 arrangements are done');
    // Half-done: the leaver has no access already, and the first client has been told.
    expect((await app.request('GET', '/policies', { token: leaver.token })).status).toBe(403);
    expect((await app.request('GET', '/policies', { token: colleague.token })).json.policies).toHaveLength(1);

    store.commit = commit;
    const resumed = await p.handOver(colleague.id);
    expect(resumed.status).toBe(200);
    expect(resumed.json.remaining).toBe(0);
    expect(resumed.json.arrangements.map((x: { outcome: string }) => x.outcome).sort()).toEqual([
      'already-done',
      'handed-over',
      'handed-over',
    ]);
    const told = await Promise.all(arrangements.map((a) => since(a.client)));
    expect(told.map((mails) => mails.map((m) => m.subject))).toEqual(
      arrangements.map(() => ['News about your arrangement with Dana Reyes']),
    );
    const summaries = (await app.mailTo(colleague.email)).filter((m) => m.subject.endsWith('handed to you'));
    expect(summaries).toHaveLength(3);
    expect((await app.request('GET', '/policies', { token: colleague.token })).json.policies).toHaveLength(3);
    expect((await p.timeline()).filter((e) => e.type === 'handover-finished').map((e) => e.data)).toEqual([
      { handedOver: 3, closed: 0 },
    ]);
  });

  it('applies a new plan to what is still the leaver’s: the rest closes, what went to the colleague stays there', async () => {
    const p = await practice();
    const { app, colleague } = p;
    const first = await p.arrangement('active', 'Ada');
    const second = await p.arrangement('active', 'Bo');
    const store = app.deps.store;
    const commit = store.commit.bind(store);
    let calls = 0;
    store.commit = async (change: PolicyChange) => {
      if ((calls += 1) > 1) throw new Error('DynamoDB is unavailable');
      return commit(change);
    };
    expect((await p.handOver(colleague.id)).status).toBe(503);
    store.commit = commit;
    const res = await p.handOver(null);
    expect(res.status).toBe(200);
    expect(res.json.to).toBeNull();
    const outcomes = Object.fromEntries(
      res.json.arrangements.map((x: { policyId: string; outcome: string }) => [x.policyId, x.outcome]),
    );
    const [handed, closed] = outcomes[first.id] === 'already-done' ? [first, second] : [second, first];
    expect(outcomes[closed.id]).toBe('closed');
    expect((await kindOf(p, handed)).json).toMatchObject({ state: 'active', therapistName: 'Dr. Alex Kim' });
    expect((await kindOf(p, closed)).json).toMatchObject({ state: 'closed', closedReason: 'therapist-left' });
    const events = await p.timeline();
    expect(events.filter((e) => e.type === 'handover-started').map((e) => e.data)).toEqual([
      { closing: true, replanned: true },
      { to: colleague.id },
    ]);
  });
});

describe('who and to whom', () => {
  it('refuses a colleague who is unknown, in another practice, leaving, or the leaver, and changes nothing', async () => {
    const p = await practice();
    const { app, leaver } = p;
    const stranger = uniqueEmail('stranger');
    const otherToken = await app.signIn(stranger, 'Other Practice', { practice: 'southside' });
    const other = (await app.request('GET', '/profile', { token: otherToken })).json.therapistId as string;
    const alsoLeaving = await person(app, 'Kim Park');
    expect((await p.handOver(null, undefined, alsoLeaving.id)).status).toBe(200);

    expect((await p.handOver('no-such-therapist')).status).toBe(404);
    expect((await p.handOver(other)).status).toBe(404);
    expect((await p.handOver(leaver.id)).status).toBe(400);
    expect((await p.handOver(alsoLeaving.id)).status).toBe(400);
    expect((await p.handOver(null, undefined, other)).status).toBe(404);
    expect((await p.handOver(null, undefined, 'no-such-therapist')).status).toBe(404);
    const notAdmin = await app.request('POST', `/practice/therapists/${leaver.id}/handover`, {
      token: p.colleague.token,
      body: { to: null },
    });
    expect(notAdmin.status).toBe(403);
    // None of that started anything: the leaver still works as before.
    expect((await app.request('GET', '/policies', { token: leaver.token })).status).toBe(200);
  });
});

describe('the daily digests', () => {
  it('leave out of the leaver’s an arrangement handed over since, and name it in the colleague’s as handed over', async () => {
    const p = await practice();
    const { app, leaver, colleague } = p;
    for (const who of [leaver, colleague])
      await app.request('PUT', '/profile', { token: who.token, body: { notifications: 'daily-digest' } });
    const a = await p.arrangement('active');
    expect((await app.request('POST', `/client/${a.link}/updates`, { body: { text: 'News.' } })).status).toBe(201);
    expect((await p.handOver(colleague.id)).status).toBe(200);
    const since = await mailFrom(app, [leaver.email, colleague.email]);
    const summary = (await app.mailTo(colleague.email)).at(-1)!;
    expect(summary.text).toContain('Updates received: 1 of 3, the latest on 20 November 2026.');

    await p.at('2026-11-21T14:00:30Z');
    expect(await since(leaver.email)).toHaveLength(0);
    expect(await since(colleague.email)).toHaveLength(0);
    // Its entries went with the leaver's job: nothing comes to them later either.
    app.clock.set(new Date('2026-11-28T15:00:00Z'));
    expect((await app.request('POST', `/client/${a.link}/updates`, { body: { text: 'More news.' } })).status).toBe(201);
    await p.at('2026-11-29T14:00:30Z');
    expect(await since(leaver.email)).toHaveLength(0);
    const [digest, ...more] = await since(colleague.email);
    expect(more).toHaveLength(0);
    expect(digest!.text).toContain(
      `The arrangement handed to you on 20 November 2026 (ref. ${a.id.slice(0, 8)}): 1 new update`,
    );
  });
});
