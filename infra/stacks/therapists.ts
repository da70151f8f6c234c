/**
 * The therapists' user pool: invitations only (worded for the inviting practice by the
 * message trigger), MFA required, email through SES once the domain is verified, an admin
 * group, and the portal's PKCE client. Part of the data stack, so replacing the API never
 * changes a therapist's id (`sub`).
 */
import { Duration, RemovalPolicy, Validations, type Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  Mfa,
  OAuthScope,
  UserPool,
  UserPoolEmail,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { functionsIn } from '../../functions/needs.js';
import { errorsAlarm } from '../constructs/alarms.js';
import { ServiceFunction } from '../constructs/service-function.js';
import { invitationEmail } from '../invitation.js';
import type { StatefulStackProps } from './stateful-stack.js';

export function therapists(stack: Stack, props: StatefulStackProps, wiring: { key: IKey; alarmTopic: ITopic }) {
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
  const triggers = messageTriggers(stack, props, wiring);
  for (const trigger of triggers) userPool.addTrigger(UserPoolOperation.CUSTOM_MESSAGE, trigger.fn);
  return { userPool, portalClient, triggers };
}

/**
 * The functions Cognito calls for a message's words (functions/needs.ts, trigger
 * `user-pool-message`): the portal's address is all they are given, their role only writes
 * their own logs, and only this pool may invoke them (the permission addTrigger adds is for
 * cognito-idp.amazonaws.com with this pool as its source).
 */
function messageTriggers(stack: Stack, props: StatefulStackProps, wiring: { key: IKey; alarmTopic: ITopic }) {
  const triggers: ServiceFunction[] = [];
  for (const [name, needs] of functionsIn('data')) {
    const fn = new ServiceFunction(stack, name, needs, {
      key: wiring.key,
      publicBaseUrl: props.publicBaseUrl,
      reserveConcurrency: false,
    });
    errorsAlarm(
      stack,
      fn,
      wiring.alarmTopic,
      `The ${name} function failed: Cognito did not send an invitation (the admin who sent it was told).`,
    );
    triggers.push(fn);
  }
  return triggers;
}
