/** SNS → SES bounce/complaint records → suppress the address. Malformed records are logged and skipped, never retried forever. */
import type { SNSEvent } from 'aws-lambda';
import { readFeedback, sesFeedbackRecord } from '../shared/adapters/ses/feedback.js';
import { errorFields } from '../shared/ports/logger.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { recordEmailFeedback } from '../shared/use-cases/email-feedback.js';
import { awsDeps } from './aws-deps.js';

export const makeHandler = (getDeps: () => Deps) => async (event: SNSEvent) => {
  const deps = getDeps();
  const outcomes: string[] = [];
  for (const record of event.Records) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(record.Sns.Message);
    } catch (err) {
      deps.log.warn('ses.feedback-unreadable', errorFields(err));
      outcomes.push('unreadable');
      continue;
    }
    const result = sesFeedbackRecord.safeParse(parsed);
    const feedback = result.success ? readFeedback(result.data) : null;
    if (!feedback) {
      deps.log.warn('ses.feedback-unreadable', { reason: result.success ? 'not-bounce-or-complaint' : 'schema' });
      outcomes.push('unreadable');
      continue;
    }
    // Errors here (DynamoDB unavailable) propagate: Lambda retries, then the DLQ keeps the event.
    outcomes.push(await recordEmailFeedback(deps, feedback));
  }
  return { outcomes };
};

export const handler = makeHandler(() => awsDeps('ses-feedback'));
