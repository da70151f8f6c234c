/**
 * What the stateless stack needs from the stateful one, passed through SSM parameters rather
 * than CloudFormation exports: an export cannot change or disappear while another stack
 * imports it, which would block restoring the table, rotating the key or removing inbound
 * mail. The API stack reads each value at deploy time, so a change in the data stack reaches
 * it on its next deploy. One deployment per account and region (the names are fixed).
 */
export const SHARED_VALUES = [
  'tableName',
  'tableArn',
  'tableStreamArn',
  'keyArn',
  'eventBusName',
  'eventBusArn',
  'configurationSetName',
  'feedbackTopicArn',
  'alarmTopicArn',
  'inboundTopicArn',
  'userPoolId',
  'userPoolArn',
  'portalClientId',
  'signInUrl',
] as const;

export type SharedValue = (typeof SHARED_VALUES)[number];

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `/afterword/table-arn`, … */
export const parameterName = (value: SharedValue) => `/afterword/${kebab(value)}`;
