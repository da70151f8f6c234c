import { describe, expect, it } from 'vitest';
import { postedFromOwnPage } from '../../functions/http/form-origin.js';
import type { HttpEvent } from '../../functions/http/request.js';

const OWN = 'https://afterword.example.org';

const posted = (headers: Record<string, string>, stopsAllEmails = false) =>
  postedFromOwnPage({ headers } as unknown as HttpEvent, { ownOrigin: OWN, stopsAllEmails });

describe('a form post from the client’s own page', () => {
  it.each([
    ['no Origin and no Sec-Fetch-Site (a mail server, curl, an old browser)', {}],
    ['this service’s origin', { origin: OWN }],
    ['this service’s origin, differently cased', { Origin: 'HTTPS://Afterword.Example.org' }],
    ['Origin: null from the page itself (it sends no referrer)', { origin: 'null', 'sec-fetch-site': 'same-origin' }],
    ['what the person typed or chose', { 'sec-fetch-site': 'none' }],
  ])('is taken with %s', (_, headers) => {
    expect(posted(headers)).toBe(true);
  });

  it.each([
    ['another website’s origin', { origin: 'https://elsewhere.example' }],
    ['this host on another scheme', { origin: 'http://afterword.example.org' }],
    ['Origin: null and nothing more (a sandboxed frame)', { origin: 'null' }],
    ['a browser saying it came from another site', { 'sec-fetch-site': 'cross-site' }],
    ['a browser saying it came from the same site, not this origin', { 'sec-fetch-site': 'same-site', origin: OWN }],
  ])('is refused with %s', (_, headers) => {
    expect(posted(headers)).toBe(false);
  });

  it('takes a one-click stop with Origin: null, but not one a browser says came from another site', () => {
    expect(posted({ origin: 'null' }, true)).toBe(true);
    expect(posted({ origin: 'null', 'sec-fetch-site': 'cross-site' }, true)).toBe(false);
    expect(posted({ origin: 'https://elsewhere.example' }, true)).toBe(false);
  });
});
