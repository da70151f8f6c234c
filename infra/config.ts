/**
 * What a practice sets when it deploys (CDK context, e.g. `cdk deploy -c senderDomain=…`),
 * validated with zod so a missing value stops synthesis with a message saying which.
 */
import * as z from 'zod/mini';
import { parseWith } from '../shared/domain/schemas.js';

const deployConfig = z.object({
  /** The domain the service sends from, verified in SES (DKIM records come out as stack outputs). */
  senderDomain: z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'Expected a domain such as mail.example.org.')),
  /** Where clients and therapists reach the service; client links in emails start with it. */
  publicBaseUrl: z.url().check(z.refine((u) => u.startsWith('https://'), 'The public URL must use https.')),
  /** Optional custom domain for the HTTP API, with its ACM certificate in the same region. */
  domainName: z.optional(z.string()),
  certificateArn: z.optional(z.string()),
  /** Requests per second across the API before throttling (burst is twice that). */
  rateLimit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000))),
  /** Optional: receive replies at reply+…@this domain so clients can send updates by email. */
  inboundDomain: z.optional(z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'Expected a domain such as reply.example.org.'))),
  /** Cognito's sign-in page lives at <prefix>.auth.<region>.amazoncognito.com; unique per region. */
  cognitoDomainPrefix: z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'Lowercase letters, digits and hyphens, e.g. yourpractice-afterword.')),
});

export type DeployConfig = z.infer<typeof deployConfig>;

export function readDeployConfig(context: (key: string) => unknown): DeployConfig {
  const raw = Object.fromEntries(['senderDomain', 'publicBaseUrl', 'domainName', 'certificateArn', 'rateLimit', 'cognitoDomainPrefix', 'inboundDomain'].map((k) => [k, context(k)]).filter(([, v]) => v !== undefined));
  return parseWith(deployConfig, raw, 'deploy configuration (pass with -c name=value or in cdk.json "context")');
}
