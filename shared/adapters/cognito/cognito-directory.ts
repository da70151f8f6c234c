/**
 * The TherapistDirectory port on the Cognito user pool: AdminCreateUser sends the invitation
 * with a temporary password, worded for the inviting practice by the pool's message trigger
 * (functions/invitation-message.ts; the pool's own wording, infra/invitation.ts, when no
 * practice is named); admins also join the `admin` group. Every call names the user by their
 * address, which is the pool's username attribute. Exactly these five commands: the role of
 * the function that uses it allows nothing else on the pool (functions/needs.ts, `directory`).
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  UsernameExistsException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TherapistDirectory } from '../../ports/operations.js';

// Kept importable from here for the ops command; the service imports it from its own file.
export { localDirectory } from '../local/directory.js';

export const ADMIN_GROUP = 'admin';

export function cognitoDirectory(client: CognitoIdentityProviderClient, userPoolId: string): TherapistDirectory {
  return {
    async invite({ email, name, admin, practiceId, practiceName }) {
      let outcome: 'invited' | 'already-exists' = 'invited';
      let attributes;
      try {
        const created = await client.send(
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
            // Read by the invitation message trigger, which words the email for this practice.
            ClientMetadata: { practiceId, practiceName },
          }),
        );
        attributes = created.User?.Attributes;
      } catch (err) {
        if (!(err instanceof UsernameExistsException)) throw err;
        outcome = 'already-exists';
        attributes = (await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email })))
          .UserAttributes;
      }
      const therapistId = attributes?.find((a) => a.Name === 'sub')?.Value;
      if (!therapistId) throw new Error("Cognito answered without the user's sub");
      if (admin)
        await client.send(
          new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: ADMIN_GROUP }),
        );
      return { outcome, therapistId };
    },
    async remove({ email }) {
      await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: email }));
      // Refresh tokens stop working; an ID token already issued lasts its hour, which is why every
      // request also checks the member record (membership.ts).
      await client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: email }));
    },
  };
}
