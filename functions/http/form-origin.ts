/**
 * Whether a form post may come from where it says it comes from, so that another website
 * cannot submit the client's page on their behalf (cross-site request forgery). The private
 * link in the path is the real credential; this keeps a page elsewhere that has one from using
 * the client's browser to post it.
 *
 * Browsers say where a post comes from, and a page cannot change what they say:
 * - `Sec-Fetch-Site` first. `same-origin` (or `none`: the person typed or chose it) is the
 *   client's own page. It must come before `Origin`: the page sends no referrer, and under that
 *   policy browsers send `Origin: null` on the page's own forms.
 * - Without it, `Origin`: absent (mail programs' one-click stops come from mail servers, which
 *   send neither header) or this service's own origin. `null` is also what a sandboxed frame on
 *   another site sends, so it is refused, except for stopping all emails: stopping must work from
 *   any mail program (RFC 8058 one-click, privacy modes that send `null`) and from browsers too
 *   old to send `Sec-Fetch-Site`, which send `null` on the page's own forms under no-referrer.
 */
import { header, type HttpEvent } from './request.js';

export interface FormSource {
  /** The origin of the service's public URL (PUBLIC_BASE_URL), e.g. `https://afterword.example.org`. */
  ownOrigin: string;
  /** A post that stops all emails (the stop page's button or an RFC 8058 one-click), which may come with `Origin: null`. */
  stopsAllEmails: boolean;
}

export function postedFromOwnPage(event: HttpEvent, source: FormSource): boolean {
  const site = header(event, 'sec-fetch-site')?.trim().toLowerCase();
  if (site) return site === 'same-origin' || site === 'none';
  const origin = header(event, 'origin')?.trim();
  if (origin === undefined || origin === '') return true;
  if (origin === 'null') return source.stopsAllEmails;
  return origin.toLowerCase() === source.ownOrigin.toLowerCase();
}
