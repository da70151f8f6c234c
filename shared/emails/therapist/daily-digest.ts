/**
 * The daily digest: one email a day to a therapist who chose it, notice style. Each arrangement
 * with something new is one line (named by the day it was set up and its reference, with what
 * arrived) linking to it in the portal; nothing of any client is in it. Not a policy's template
 * (render.ts): it is about several arrangements, and is rendered from their lines alone.
 */
import type { DigestLine } from '../../domain/notifications.js';
import { digestMail as words, noticeMail } from '../../wording/therapist.js';
import type { RenderedEmail } from '../context.js';
import { button, link, p, renderDocument } from '../layout.js';
import { arrangementUrl } from './common.js';

export interface DigestContext {
  lines: DigestLine[];
  portalUrl: string;
}

export function renderDigest({ lines, portalUrl }: DigestContext): RenderedEmail {
  const messages = lines.reduce((sum, l) => sum + l.updates + l.checkInMessages, 0);
  const title = words.title(messages, lines.length);
  return renderDocument({
    subject: title,
    heading: title,
    body: [
      p(words.intro),
      ...lines.map((l) =>
        link(
          words.line(
            l.handedOverOn
              ? noticeMail.handedArrangement(l.handedOverOn, l.policyId.slice(0, 8))
              : noticeMail.arrangement(l.createdOn, l.policyId.slice(0, 8)),
            l.updates,
            l.checkInMessages,
          ),
          arrangementUrl(portalUrl, l.policyId),
        ),
      ),
      p(words.why),
      button(words.openPortal, portalUrl),
    ],
    footer: [p(words.footer)],
  });
}
