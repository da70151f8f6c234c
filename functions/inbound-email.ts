/** SES receiving → SNS (with the raw message) → an update by email. Unreadable records are logged and skipped. */
import type { SNSEvent } from 'aws-lambda';
import { readInbound, sesReceivedNotification } from '../shared/adapters/ses/inbound.js';
import { errorFields } from '../shared/ports/logger.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { receiveEmailUpdate } from '../shared/use-cases/receive-email.js';
import { awsDeps } from './aws-deps.js';

export const makeHandler = (getDeps: () => Deps) => async (event: SNSEvent) => {
  const deps = getDeps();
  const outcomes: string[] = [];
  for (const record of event.Records) {
    let notification;
    try {
      notification = sesReceivedNotification.parse(JSON.parse(record.Sns.Message));
    } catch (err) {
      deps.log.warn('inbound.unreadable', errorFields(err));
      outcomes.push('unreadable');
      continue;
    }
    // DynamoDB or SES failures propagate: Lambda retries, then the DLQ keeps the message.
    outcomes.push(await receiveEmailUpdate(deps, await readInbound(notification)));
  }
  return { outcomes };
};

export const handler = makeHandler(() => awsDeps('inbound-email'));
