/**
 * What a practice sets when it deploys (CDK context, e.g. `cdk deploy -c senderDomain=…`),
 * validated with zod so a missing or malformed value stops synthesis with a plain message
 * naming it (infra/app.ts prints it without a stack trace).
 */
import * as z from 'zod/mini';
import { parseWith } from '../shared/domain/parse.js';
import { parseIndexList } from './table-indexes.js';

const domainName = (example: string) =>
  z
    .string()
    .check(
      z.regex(
        /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
        `Expected a domain such as ${example}.`,
      ),
    );
/** Context from the command line arrives as text; from cdk.json it may be a real boolean. */
const flag = z.optional(
  z.pipe(
    z.union([z.boolean(), z.enum(['true', 'false'])], { error: 'Expected true or false.' }),
    z.transform((v) => v === true || v === 'true'),
  ),
);

const deployConfig = z.object({
  /** The domain the service sends from, verified in SES (DKIM records come out as stack outputs). */
  senderDomain: domainName('mail.example.org'),
  /** Where clients and therapists reach the service; client links in emails start with it. */
  publicBaseUrl: z.url().check(
    z.refine((u) => u.startsWith('https://'), 'The public URL must use https.'),
    z.refine(
      (u) => !/\/$/.test(u) && new URL(u).pathname === '/',
      'Give the address without a path or trailing slash, e.g. https://afterword.example.org.',
    ),
  ),
  /** Optional custom domain for the HTTP API, with its ACM certificate in the same region. */
  domainName: z.optional(domainName('afterword.example.org')),
  certificateArn: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/,
          'Expected an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>).',
        ),
      ),
  ),
  /** Requests per second across the API before throttling (burst is twice that). */
  rateLimit: z.optional(
    z.coerce
      .number({ error: 'Expected a whole number of requests per second.' })
      .check(z.int('Expected a whole number.'), z.gte(1), z.lte(10_000)),
  ),
  /** Optional: receive replies at reply+…@this domain so clients can send updates by email. */
  inboundDomain: z.optional(domainName('reply.example.org')),
  /** Cognito's sign-in page lives at <prefix>.auth.<region>.amazoncognito.com; unique per region. */
  cognitoDomainPrefix: z.string().check(
    z.regex(
      /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
      'Lowercase letters, digits and hyphens, 1 to 63 characters, e.g. yourpractice-afterword.',
    ),
    // Cognito refuses prefixes containing these words at deploy time; say so at synth instead.
    z.refine(
      (p) => !/aws|amazon|cognito/.test(p),
      'Cognito does not allow "aws", "amazon" or "cognito" in the prefix.',
    ),
  ),
  /** The practice's name, as a new therapist reads it in their invitation email. */
  practiceName: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.minLength(1),
        z.maxLength(80),
        z.regex(/^[^{}<>\r\n]+$/, 'Plain text without braces, angle brackets or line breaks.'),
      ),
  ),
  /**
   * Reserve concurrency for the background functions (dispatcher 2, SES handlers 5 each).
   * Off by default: a new account has only 10 unreserved executions, and Lambda refuses any
   * reservation that would leave fewer than 10, so the first deploy would fail.
   */
  reserveConcurrency: flag,
  /**
   * Send Cognito's emails (therapist invitations, password resets) through SES as the sender
   * domain instead of Cognito's own mailer (50 a day). Turn on once the domain is verified.
   */
  cognitoEmailViaSes: flag,
  /**
   * Only while upgrading a table more than one index behind this release: the indexes it has
   * now, as `aws dynamodb describe-table … --query 'Table.GlobalSecondaryIndexes[].IndexName'
   * --output text` prints them. Each deploy then changes exactly one (CloudFormation refuses
   * two in one update) and says what to set next (infra/table-indexes.ts, docs/deploy.md).
   */
  currentIndexes: z.optional(
    z.pipe(
      z.union([z.string(), z.array(z.string())], { error: 'Expected index names, such as byTherapist,due.' }),
      z.transform((v) => parseIndexList(v)),
    ),
  ),
  /** The upgrade setting of the release before: refused with what to set instead (it cannot say which step a table is at). */
  keepUnshardedDueIndex: flag,
  /** After a point-in-time restore: switch the service to this restored table (docs/deploy.md, runbook). */
  restoredTableName: z.optional(
    z.string().check(z.regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'A DynamoDB table name: 3 to 255 letters, digits, _ . or -.')),
  ),
  /** With restoredTableName: the stream turned on on the restored table (its LatestStreamArn), read by the event relay. */
  restoredTableStreamArn: z.optional(
    z
      .string()
      .check(
        z.regex(
          /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/[a-zA-Z0-9_.-]{3,255}\/stream\/\S+$/,
          'A DynamoDB stream ARN, as `aws dynamodb describe-table --query Table.LatestStreamArn` prints it.',
        ),
      ),
  ),
});

export type DeployConfig = z.infer<typeof deployConfig>;

const KEYS = z.keyof(deployConfig).options;

/** The settings not wrapped in z.optional, read off the schema so the list is not written twice. */
const REQUIRED = KEYS.filter((k) => deployConfig.def.shape[k].def.type !== 'optional');

export function readDeployConfig(context: (key: string) => unknown): DeployConfig {
  const raw = Object.fromEntries(KEYS.map((k) => [k, context(k)]).filter(([, v]) => v !== undefined));
  const missing = REQUIRED.filter((k) => raw[k] === undefined);
  if (missing.length)
    throw new DeployConfigError(
      `${missing.length === 1 ? 'A required setting is' : 'Required settings are'} missing: ${missing.join(', ')}.`,
    );
  if (Boolean(raw.restoredTableName) !== Boolean(raw.restoredTableStreamArn)) {
    throw new DeployConfigError(
      'restoredTableName and restoredTableStreamArn go together: domain events leave through the restored table’s stream (docs/deploy.md, runbook).',
    );
  }
  if (Boolean(raw.domainName) !== Boolean(raw.certificateArn)) {
    throw new DeployConfigError(
      'domainName and certificateArn go together: give both to serve the API on your own domain, or neither.',
    );
  }
  const config = parseWith(deployConfig, raw, 'deploy configuration');
  if (
    config.restoredTableStreamArn &&
    !config.restoredTableStreamArn.includes(`:table/${config.restoredTableName}/stream/`)
  ) {
    throw new DeployConfigError('restoredTableStreamArn must be the stream of restoredTableName.');
  }
  if (config.keepUnshardedDueIndex) {
    throw new DeployConfigError(
      [
        'keepUnshardedDueIndex is replaced by currentIndexes: this release adds an index (byPractice) as well, and CloudFormation changes one per deploy.',
        "Set currentIndexes to the indexes your table has now, as `aws dynamodb describe-table --table-name <output TableName> --query 'Table.GlobalSecondaryIndexes[].IndexName' --output text` prints them",
        '(for example -c currentIndexes=byTherapist,due), and deploy; each deploy changes one index and says what to set next (docs/deploy.md, "Upgrading").',
      ].join(' '),
    );
  }
  if (config.currentIndexes && config.restoredTableName) {
    throw new DeployConfigError(
      'currentIndexes applies to the table this stack made; a restored table’s indexes are set by hand (docs/deploy.md, runbook).',
    );
  }
  if (config.domainName && new URL(config.publicBaseUrl).hostname !== config.domainName) {
    throw new DeployConfigError(
      `publicBaseUrl (${config.publicBaseUrl}) must be on domainName (${config.domainName}), so client links reach the API.`,
    );
  }
  return config;
}

export class DeployConfigError extends Error {
  override name = 'DeployConfigError';
}
