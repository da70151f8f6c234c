/**
 * The HTTP API, route by route from the shared route table (functions/http/routes.ts), with
 * Cognito's JWT authorizer on therapist routes, a throttled stage whose access logs record
 * route templates only (client links stay out of logs), and an optional custom domain.
 */
import { Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { DomainName, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTES, type FunctionName } from '../../functions/http/routes.js';
import type { ServiceFunction } from './service-function.js';

export interface RoutedApiProps {
  functions: Partial<Record<string, ServiceFunction>>;
  userPool: IUserPool;
  portalClient: IUserPoolClient;
  key: IKey;
  rateLimit: number;
  customDomain?: { name: string; certificateArn: string } | undefined;
}

export class RoutedApi extends Construct {
  readonly api: HttpApi;
  /** The API's own https address. */
  readonly url: string;
  /** Where a custom domain's DNS record points, when there is one. */
  readonly domainTarget?: string;

  constructor(scope: Construct, id: string, props: RoutedApiProps) {
    super(scope, id);
    const authorizer = new HttpUserPoolAuthorizer('TherapistAuthorizer', props.userPool, {
      userPoolClients: [props.portalClient],
    });
    this.api = new HttpApi(this, 'Api', { createDefaultStage: false, description: 'Afterword public HTTP API' });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of ROUTES) {
      const target = props.functions[route.fn];
      if (!target) throw new Error(`Route ${route.method} ${route.path} names ${route.fn}, which is not deployed.`);
      let integration = integrations.get(route.fn);
      if (!integration)
        integrations.set(route.fn, (integration = new HttpLambdaIntegration(`${route.fn}-integration`, target.fn)));
      const [created] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        ...(route.access === 'therapist' ? { authorizer } : {}),
      });
      if (route.access !== 'therapist' && created) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            route.access === 'client-link'
              ? 'Authorized by the capability token in the path (256 random bits, checked by hash in the function).'
              : 'Public by design: the health check and the portal’s static files.',
        });
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-COG4',
          reason: 'Clients have no accounts; see APIG4.',
        });
      }
    }

    const domain = props.customDomain
      ? new DomainName(this, 'Domain', {
          domainName: props.customDomain.name,
          certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        })
      : undefined;
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      encryptionKey: props.key,
    });
    new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.rateLimit * 2 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // Route templates only ("GET /c/{token}"), never raw paths: client links stay out of logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationMs: '$context.integrationLatency',
            time: '$context.requestTime',
          }),
        ),
      },
      ...(domain ? { domainMapping: { domainName: domain } } : {}),
    });
    this.url = this.api.apiEndpoint;
    if (domain) this.domainTarget = domain.regionalDomainName;
  }
}
