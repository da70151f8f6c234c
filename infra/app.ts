/**
 * The CDK app: a stateful stack (data, identity, topics) and an API stack (functions,
 * routes, auth, schedule, alarms), checked by cdk-nag's AWS Solutions and HIPAA Security
 * packs on every synth. `buildApp` is exported so tests synthesize exactly what deploys.
 */
import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { fileURLToPath } from 'node:url';
import { readDeployConfig } from './config.js';
import { ApiStack } from './stacks/api-stack.js';
import { StatefulStack } from './stacks/stateful-stack.js';

export function buildApp(props: AppProps = {}) {
  const app = new App(props);
  const config = readDeployConfig((key) => app.node.tryGetContext(key));
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, 'Afterword-Data', { env, senderDomain: config.senderDomain, inboundDomain: config.inboundDomain });
  const api = new ApiStack(app, 'Afterword-Api', {
    env,
    key: stateful.key,
    table: stateful.table,
    bus: stateful.bus,
    identity: stateful.identity,
    configurationSet: stateful.configurationSet,
    feedbackTopic: stateful.feedbackTopic,
    alarmTopic: stateful.alarmTopic,
    senderDomain: config.senderDomain,
    publicBaseUrl: config.publicBaseUrl,
    domainName: config.domainName,
    certificateArn: config.certificateArn,
    rateLimit: config.rateLimit,
    cognitoDomainPrefix: config.cognitoDomainPrefix,
    inbound: stateful.inboundTopic && config.inboundDomain ? { topic: stateful.inboundTopic, domain: config.inboundDomain } : undefined,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
  return { app, stateful, api };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildApp().app.synth();
}
