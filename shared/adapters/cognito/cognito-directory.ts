/**
 * The TherapistDirectory port on the Cognito user pool: AdminCreateUser sends the practice's
 * invitation (its wording is set on the pool, infra/invitation.ts) with a temporary password;
 * admins also join the `admin` group.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  UsernameExistsException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TherapistDirectory } from '../../ports/operations.js';

export const ADMIN_GROUP = 'admin';

export function cognitoDirectory(client: CognitoIdentityProviderClient, userPoolId: string): TherapistDirectory {
  return {
    async invite({ email, name, admin }) {
      try {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: email,
            DesiredDeliveryMediums: ['EMAIL'],
            // The practice vouches for the address by inviting it; the name is what clients see.
            UserAttributes: [
              { Name: 'email', Value: email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: name },
            ],
          }),
        );
      } catch (err) {
        if (err instanceof UsernameExistsException) return 'already-exists';
        throw err;
      }
      if (admin)
        await client.send(
          new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: ADMIN_GROUP }),
        );
      return 'invited';
    },
  };
}

/** Locally anyone may sign in at /local/sign-in: there is no directory to add to. */
export const localDirectory: TherapistDirectory = { invite: async () => 'no-directory' };
