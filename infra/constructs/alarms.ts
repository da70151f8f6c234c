/**
 * Alarms to the alarm topic (its address is the data stack's AlarmEmail parameter): any
 * function error, any failed event kept in a dead-letter queue, error-level log lines,
 * undeliverable mail, a paused SES account, unpublished domain events, a relay falling behind
 * the table's stream, and SES bounce and complaint rates.
 */
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { ServiceFunction } from './service-function.js';

/** Log events (functions/… `log.*('<event>')`) counted into a metric of the Afterword namespace. */
const COUNTED_LOG_LINES = [
  {
    id: 'undeliverable',
    metricName: 'UndeliverableJobs',
    pattern: FilterPattern.stringValue('$.event', '=', 'job.dead-lettered'),
    description: 'An email or scheduled job failed every retry and was dead-lettered.',
  },
  {
    id: 'error-lines',
    metricName: 'ErrorLogLines',
    pattern: FilterPattern.stringValue('$.level', '=', 'error'),
    description: 'A function logged an error (see its log group).',
  },
  {
    id: 'sending-paused',
    metricName: 'SendingPaused',
    pattern: FilterPattern.stringValue('$.event', '=', 'mail.sending-paused'),
    description: 'SES has paused sending for this account: mail is held (not lost) until it is resumed.',
  },
  {
    id: 'unpublished',
    metricName: 'UnpublishedEvents',
    pattern: FilterPattern.stringValue('$.event', '=', 'events.publish-failed'),
    description: 'Domain events could not be put on the event bus (the relay retries them from the table’s stream).',
  },
] as const;

/** One alarm to the topic: at or above the threshold within one period. */
function raise(scope: Construct, name: string, metric: IMetric, threshold: number, description: string, topic: ITopic) {
  new Alarm(scope, name, {
    metric,
    threshold,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: description,
  }).addAlarmAction(new SnsAction(topic));
}

/** Any failure of the function, within five minutes (every function has one, in whichever stack it is). */
export function errorsAlarm(
  scope: Construct,
  f: ServiceFunction,
  topic: ITopic,
  description = `The ${f.name} function failed.`,
) {
  raise(scope, `${f.name}-errors`, f.fn.metricErrors({ period: Duration.minutes(5) }), 1, description, topic);
}

export class Alarms extends Construct {
  constructor(scope: Construct, id: string, props: { functions: ServiceFunction[]; topic: ITopic }) {
    super(scope, id);
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) =>
      raise(this, name, metric, threshold, description, props.topic);

    for (const f of props.functions) {
      errorsAlarm(this, f, props.topic);
      if (f.failures)
        alarm(
          `${f.name}-dead-letters`,
          f.failures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
          1,
          `Events for ${f.name} failed every retry.`,
        );
      if (f.needs.trigger === 'table-stream')
        alarm(
          `${f.name}-behind`,
          f.fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
          Duration.minutes(5).toMilliseconds(),
          'Domain events are more than 5 minutes behind the table: the event relay keeps failing (see its log group).',
        );
      for (const line of COUNTED_LOG_LINES) {
        new MetricFilter(this, `${f.name}-${line.id}`, {
          logGroup: f.logGroup,
          filterPattern: line.pattern,
          metricNamespace: 'Afterword',
          metricName: line.metricName,
          metricValue: '1',
        });
      }
    }
    for (const line of COUNTED_LOG_LINES) {
      alarm(
        line.id,
        new Metric({
          namespace: 'Afterword',
          metricName: line.metricName,
          statistic: 'Sum',
          period: Duration.minutes(5),
        }),
        1,
        line.description,
      );
    }
    const ses = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    alarm(
      'ses-bounce-rate',
      ses('Reputation.BounceRate'),
      0.05,
      'SES bounce rate reached 5% (SES reviews accounts at 5%, pauses at 10%).',
    );
    alarm(
      'ses-complaint-rate',
      ses('Reputation.ComplaintRate'),
      0.001,
      'SES complaint rate reached 0.1% (SES reviews accounts at 0.1%).',
    );
  }
}
