/**
 * Where the ops command finds the service: in AWS, through the SSM parameters the data stack
 * writes (so nothing needs copying from the console); locally, through the endpoints file
 * `npm start` writes. Either way the same use cases run on the same adapters as the service.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { buildDeps } from '../functions/aws-deps.js';
import { clientLimits, OPS_CALL_LIMITS, OPS_LIMITS } from '../functions/call-limits.js';
import { parameterName, type SharedValue } from '../infra/shared-values.js';
import { cognitoDirectory, localDirectory } from '../shared/adapters/cognito/cognito-directory.js';
import { DynamoOperations } from '../shared/adapters/dynamodb/operations-store.js';
import { localSuppressionList, sesSuppressionList } from '../shared/adapters/ses/suppression-list.js';
import { LocalClock } from '../local/clock.js';
import { jsonLogger } from '../shared/adapters/system/logger.js';
import type { Logger } from '../shared/ports/logger.js';
import type { OpsDeps } from '../shared/use-cases/operations.js';

/** Warnings and errors to stderr (ids only, like the service's logs); the command prints its own results. */
const quiet: Logger = { ...jsonLogger((line) => process.stderr.write(`${line}\n`)), info() {} };

/** Every client the command makes: a person is waiting, so no call may hang (functions/call-limits.ts). */
const limited = clientLimits(OPS_LIMITS);

export async function connectAws(region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION): Promise<OpsDeps> {
  if (!region) throw new Error('Which region is Afterword deployed in? Pass --region, or set AWS_REGION.');
  const ssm = new SSMClient({ region, ...limited });
  const wanted: SharedValue[] = ['tableName', 'userPoolId'];
  let found;
  try {
    found = await ssm.send(new GetParametersCommand({ Names: wanted.map(parameterName) }));
  } catch (err) {
    throw new Error(
      `Could not read Afterword's settings from SSM in ${region} (${err instanceof Error ? err.name : typeof err}). Are your AWS credentials for the practice's account set (aws configure, or AWS_PROFILE)?`,
      { cause: err },
    );
  } finally {
    ssm.destroy();
  }
  const value = (name: SharedValue) => {
    const v = found.Parameters?.find((p) => p.Name === parameterName(name))?.Value;
    if (!v)
      throw new Error(
        `Afterword-Data does not seem to be deployed in ${region}: SSM parameter ${parameterName(name)} is missing.`,
      );
    return v;
  };
  const app = buildDeps(
    // Its changes' domain events leave through the table's stream, like the service's own.
    { TABLE_NAME: value('tableName'), AWS_REGION: region },
    { log: quiet },
    { limits: OPS_CALL_LIMITS },
  );
  return {
    app,
    operations: new DynamoOperations(new DynamoDBClient({ region, ...limited }), value('tableName'), app.ids),
    suppressionList: sesSuppressionList(new SESv2Client({ region, ...limited })),
    directory: cognitoDirectory(new CognitoIdentityProviderClient({ region, ...limited }), value('userPoolId')),
  };
}

const endpointsFile = z.object({
  dynamodb: z.url(),
  ses: z.url(),
  eventbridge: z.url(),
  busName: z.string(),
  table: z.string(),
  clock: z.string(),
});

export async function connectLocal(dataDir = join(process.cwd(), '.local')): Promise<OpsDeps> {
  const file = join(dataDir, 'endpoints.json');
  if (!existsSync(file))
    throw new Error('The local service is not running: start it with npm start (in another terminal), then try again.');
  const local = endpointsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const app = buildDeps(
    {
      TABLE_NAME: local.table,
      DYNAMODB_ENDPOINT: local.dynamodb,
      AWS_REGION: 'local',
    },
    { log: quiet, clock: new LocalClock(local.clock) },
    { limits: OPS_CALL_LIMITS },
  );
  return {
    app,
    operations: new DynamoOperations(
      new DynamoDBClient({ region: 'local', endpoint: local.dynamodb, credentials, ...limited }),
      local.table,
      app.ids,
    ),
    suppressionList: localSuppressionList,
    directory: localDirectory,
  };
}
