/** Starts the real emulators once per test run and hands their endpoints to the tests. */
import type { TestProject } from 'vitest/node';
import { startDynamoLocal, startSesEmulator } from '../../local/services.js';
import { clearSdkCalls } from './sdk-calls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  // A fresh record of the AWS calls the integration tests make (checked by test/infra/iam.test.ts).
  if (project.name === 'integration') clearSdkCalls();
  const [dynamo, ses] = await Promise.all([startDynamoLocal(), startSesEmulator()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop()]);
  };
}
