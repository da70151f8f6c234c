/**
 * Stands in for `@aws-sdk/credential-provider-node` in the bundles (infra/bundling.ts): Lambda
 * gives a function its role's credentials in the environment, so the default chain's other
 * sources (SSO, profiles, processes, web identity, instance metadata, and the nested STS,
 * SSO and sign-in clients they bring) would be shipped and never used. Local endpoints are
 * given static credentials in functions/aws-deps.ts and never reach this.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
