/** Starts the real emulators once per test run and hands their endpoints to the tests. */
import type { TestProject } from 'vitest/node';
import { sesSendingEndpoint, startDynamoLocal, startSesEmulator } from '../../local/services.js';
import { clearSdkCalls } from './sdk-calls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    /** The emulator: where the outbox is read. */
    sesEndpoint: string;
    /** Where the service's SES clients send: SES_ENDPOINT when set, as in `npm start`, else the emulator. */
    sesSendEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  // A fresh record of the AWS calls the integration tests make (checked by test/infra/iam.test.ts).
  if (project.name === 'integration') clearSdkCalls();
  const [dynamo, ses] = await Promise.all([startDynamoLocal(), startSesEmulator()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  project.provide('sesSendEndpoint', sesSendingEndpoint(ses.endpoint));
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop()]);
  };
}
