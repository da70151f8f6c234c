/**
 * The therapists' user pool: invitations only (worded by the practice), MFA required, email
 * through SES once the domain is verified, an admin group, and the portal's PKCE client.
 * Part of the data stack, so replacing the API never changes a therapist's id (`sub`).
 */
import { Duration, RemovalPolicy, Validations, type Stack } from 'aws-cdk-lib';
import { AccountRecovery, CfnUserPoolGroup, Mfa, OAuthScope, UserPool, UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import { invitationEmail } from '../invitation.js';
import type { StatefulStackProps } from './stateful-stack.js';

export function therapists(stack: Stack, props: StatefulStackProps) {
  const portalUrl = `${props.publicBaseUrl}/portal`;
  const userPool = new UserPool(stack, 'Therapists', {
    selfSignUpEnabled: false, // a practice admin invites each therapist
    signInAliases: { email: true },
    standardAttributes: { email: { required: true, mutable: true }, fullname: { required: true, mutable: true } },
    mfa: Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    passwordPolicy: {
      minLength: 12,
      requireDigits: true,
      requireLowercase: true,
      requireUppercase: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(7),
    },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    userInvitation: invitationEmail({ practiceName: props.practiceName, portalUrl }),
    ...(props.cognitoEmailViaSes
      ? {
          email: UserPoolEmail.withSES({
            fromEmail: `no-reply@${props.senderDomain}`,
            fromName: 'Afterword',
            sesVerifiedDomain: props.senderDomain,
            sesRegion: stack.region,
          }),
        }
      : {}),
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const id of ['AwsSolutions-COG3', 'AwsSolutions-COG8']) {
    Validations.of(userPool).acknowledge({
      id,
      reason:
        'Threat protection needs the Plus feature plan (a per-user cost); MFA is required for every therapist instead.',
    });
  }
  // Practice admins (the Practices feature reads this group from the ID token).
  new CfnUserPoolGroup(stack, 'Admins', {
    userPoolId: userPool.userPoolId,
    groupName: 'admin',
    description: 'Practice administrators',
  });
  // The portal signs in with Cognito's managed login (authorization code + PKCE, no secret in the browser).
  const portalClient = userPool.addClient('Portal', {
    authFlows: { userSrp: true },
    generateSecret: false,
    idTokenValidity: Duration.hours(1),
    preventUserExistenceErrors: true,
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
      callbackUrls: [portalUrl],
      logoutUrls: [portalUrl],
    },
  });
  userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.cognitoDomainPrefix } });
  return { userPool, portalClient };
}
