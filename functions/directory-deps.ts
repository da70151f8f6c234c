/**
 * The therapists' user pool as a function given the `directory` need reaches it: the Cognito
 * client and the adapter, loaded on the first invitation or removal (a cold start that only
 * reads does not pay for them). Imported by that function's entry alone (practice-api.ts), so
 * no other bundle ships the Cognito client (test/integration/bundle-contents.test.ts).
 */
import type { DirectoryOpener } from './aws-deps.js';
import { clientLimits } from './call-limits.js';

export const cognitoDirectory: DirectoryOpener = ({ userPoolId, region, limits, endpoint, observe }) => {
  let opened: ReturnType<typeof open> | undefined;
  const open = async () => {
    const [{ CognitoIdentityProviderClient }, adapter] = await Promise.all([
      import('@aws-sdk/client-cognito-identity-provider'),
      import('../shared/adapters/cognito/cognito-directory.js'),
    ]);
    const local = endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {};
    const client = new CognitoIdentityProviderClient({ region, ...clientLimits(limits), ...local });
    observe?.(client);
    return adapter.cognitoDirectory(client, userPoolId);
  };
  const directory = () => (opened ??= open());
  return {
    invite: async (therapist) => (await directory()).invite(therapist),
    remove: async (therapist) => (await directory()).remove(therapist),
  };
};
