import type { EmailDataByKind } from '../emails/data.js';
import type { EmailKind } from '../domain/email-kinds.js';
import type { MailData, MailJob } from '../ports/store.js';

/** An email to queue, with its data checked against the template's declared shape. */
export function mail<K extends EmailKind>(template: K, data: EmailDataByKind[K]): MailJob {
  const snapshot: MailData = data;
  return { template, data: snapshot };
}
