/**
 * The CDK app: a stateful stack (key, table, bus, SES, therapists' user pool, topics) and an
 * API stack (functions, routes, schedule, alarms) that reads what it needs through SSM
 * parameters, both checked by cdk-nag's AWS Solutions and HIPAA Security packs on every
 * synth. `buildApp` is exported so tests synthesize exactly what deploys.
 */
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../shared/domain/errors.js';
import { DeployConfigError, readDeployConfig } from './config.js';
import { ApiStack } from './stacks/api-stack.js';
import { StatefulStack } from './stacks/stateful-stack.js';
import { describePlan, IndexPlanError, planIndexes } from './table-indexes.js';

export function buildApp(props: AppProps = {}) {
  const app = new App(props);
  const config = readDeployConfig((key) => app.node.tryGetContext(key));
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const certificateRegion = config.certificateArn?.split(':')[3];
  if (certificateRegion && env.region && certificateRegion !== env.region) {
    throw new DeployConfigError(
      `certificateArn is in ${certificateRegion}, but you are deploying to ${env.region}: an API Gateway regional domain needs its certificate in the same region.`,
    );
  }
  const indexPlan = planIndexes(config.currentIndexes);
  const stateful = new StatefulStack(app, 'Afterword-Data', {
    env,
    description: 'Afterword: data, identity and mail (retained)',
    senderDomain: config.senderDomain,
    publicBaseUrl: config.publicBaseUrl,
    cognitoDomainPrefix: config.cognitoDomainPrefix,
    practiceName: config.practiceName,
    cognitoEmailViaSes: config.cognitoEmailViaSes,
    inboundDomain: config.inboundDomain,
    restoredTableName: config.restoredTableName,
    restoredTableStreamArn: config.restoredTableStreamArn,
    tableIndexes: indexPlan.declared,
  });
  const api = new ApiStack(app, 'Afterword-Api', {
    env,
    description: 'Afterword: functions, HTTP API, schedule and alarms (stateless)',
    senderDomain: config.senderDomain,
    publicBaseUrl: config.publicBaseUrl,
    inboundDomain: config.inboundDomain,
    domainName: config.domainName,
    certificateArn: config.certificateArn,
    rateLimit: config.rateLimit,
    reserveConcurrency: config.reserveConcurrency,
  });
  // Values pass through SSM parameters, not exports: the order is said here instead.
  api.addStackDependency(stateful, 'reads the SSM parameters the data stack writes');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
  return { app, stateful, api, indexPlan: config.currentIndexes ? describePlan(indexPlan) : undefined };
}

/** Deploy settings that are missing or wrong: a plain message and an example, not a stack trace. */
export function explainConfigError(err: unknown): string | undefined {
  if (!(err instanceof ValidationError) && !(err instanceof DeployConfigError) && !(err instanceof IndexPlanError))
    return undefined;
  return [
    `Afterword cannot be synthesized: ${err.message}`,
    '',
    'Set the deploy settings in cdk.json "context" or on the command line, for example:',
    '  npx cdk deploy --all -c senderDomain=mail.yourpractice.org -c publicBaseUrl=https://afterword.yourpractice.org \\',
    '    -c cognitoDomainPrefix=yourpractice-afterword --parameters Afterword-Data:AlarmEmail=ops@yourpractice.org',
    'Every setting is explained in docs/deploy.md, under "Settings".',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { app, api, stateful, indexPlan } = buildApp();
    if (indexPlan) process.stderr.write(`Afterword: ${indexPlan}\n`);
    process.stderr.write(
      `Afterword: bundling ${Object.keys(api.functions).length + stateful.triggers.length} functions, then checking both stacks with cdk-nag (about half a minute)…\n`,
    );
    app.synth();
    process.stderr.write('Afterword: both stacks synthesized, no cdk-nag finding left unacknowledged.\n');
  } catch (err) {
    const message = explainConfigError(err);
    if (!message) throw err;
    process.stderr.write(`\n${message}\n\n`);
    process.exit(1);
  }
}
