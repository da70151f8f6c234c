/**
 * Static files: the therapist portal (plain HTML, CSS and ES modules: no build step) and
 * the client page's optional script. Served by a function so the portal shares the API's
 * origin (no CORS) and works the same locally and in AWS, where the files are copied next
 * to the bundle. Two answers are built here rather than read from disk: config.json (how to
 * sign in) and rules.json (the service's defaults and limits, so the portal copies none).
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import * as z from 'zod/mini';
import { CRISIS_LOCALES, type CrisisLocale } from '../shared/domain/crisis.js';
import { NotFoundError } from '../shared/domain/errors.js';
import { DEFAULTS, resolveRules, type CheckInFormat, type Replies } from '../shared/domain/policy.js';
import { createPolicyBody, profileBody } from '../shared/domain/schemas.js';
import { jsonLogger } from '../shared/adapters/system/logger.js';
import type { Deps } from '../shared/use-cases/deps.js';
import { readEnv, type Env } from './config.js';
import { httpHandler, type Action } from './http/handler.js';
import { pathParam } from './http/request.js';
import { json, type Result } from './http/respond.js';
import type { RouteKeyOf } from './http/routes.js';

type WebDeps = Pick<Deps, 'log'>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The portal talks only to its own origin, and to Cognito's sign-in domain in AWS. */
const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' https://*.amazoncognito.com; form-action 'self' https://*.amazoncognito.com; base-uri 'none'; frame-ancestors 'none'";

/** How the portal signs therapists in: the local sign-in page, or Cognito's managed login. */
export interface PortalAuth {
  mode: 'local' | 'cognito';
  signInUrl?: string;
  cognitoDomain?: string;
  clientId?: string;
  redirectUri?: string;
}

export function authFromEnv(env: Env): PortalAuth {
  if (env.COGNITO_DOMAIN && env.COGNITO_CLIENT_ID) {
    return {
      mode: 'cognito',
      cognitoDomain: env.COGNITO_DOMAIN,
      clientId: env.COGNITO_CLIENT_ID,
      redirectUri: `${env.PUBLIC_BASE_URL ?? ''}/portal`,
    };
  }
  return { mode: 'local', signInUrl: '/local/sign-in' };
}

/** A number or length bound of one request field, named as in JSON Schema. */
export interface Bounds {
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** Bounds by the dotted path the API reports problems under ("updates.limit"); array items share their array's path. */
export type Limits = Record<string, Bounds>;

/** What GET /portal/rules.json answers: what the service fills in when a field is left out, and what it accepts. */
export interface PortalRules {
  defaults: {
    updates: { limit: number; minDaysBetween: number; maxCharacters: number; windowDays: number };
    checkIn: { format: CheckInFormat; afterMonths: number; remindDaysBefore: number[]; messageDays: number };
    replies: Replies;
    crisisLocale: CrisisLocale;
    closeDaysAfterCheckIn: number;
    retentionDays: number;
    sendAt: string;
  };
  limits: { policy: Limits; profile: Limits };
  crisisLocales: { code: CrisisLocale; label: string }[];
}

/** How the portal's menus name each locale. Keyed by the domain's type, so a new locale cannot ship unnamed. */
const CRISIS_LABELS: Record<CrisisLocale, string> = {
  US: 'United States (988, 911)',
  CA: 'Canada (988, 911)',
  GB: 'United Kingdom (Samaritans 116 123, 999)',
  IE: 'Ireland (Samaritans 116 123, 112)',
  AU: 'Australia (Lifeline 13 11 14, 000)',
  NZ: 'New Zealand (1737, 111)',
};

const BOUND_KEYS = [
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
] as const satisfies readonly (keyof Bounds)[];

/** As much of JSON Schema as bounds are read from (`true` and `false` are schemas too, with none). */
type JsonSchema =
  | boolean
  | (Bounds & {
      type?: string | string[];
      properties?: Record<string, JsonSchema>;
      items?: JsonSchema | JsonSchema[];
      anyOf?: JsonSchema[];
    });

/** Every bound in a JSON Schema, by path; optional and nullable fields are followed through anyOf. */
export function boundsOf(schema: JsonSchema, path = '', out: Limits = {}): Limits {
  if (typeof schema === 'boolean') return out;
  const own: Bounds = {};
  for (const key of BOUND_KEYS) if (typeof schema[key] === 'number') own[key] = schema[key];
  if (path && Object.keys(own).length) out[path] = { ...out[path], ...own };
  for (const [name, child] of Object.entries(schema.properties ?? {}))
    boundsOf(child, path ? `${path}.${name}` : name, out);
  for (const option of schema.anyOf ?? []) boundsOf(option, path, out);
  for (const item of [schema.items ?? []].flat()) boundsOf(item, path, out);
  return out;
}

// The request schemas themselves, read as JSON Schema: their input side, since names are trimmed after checking.
const limitsOf = (schema: z.ZodMiniType) => boundsOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));

export function portalRules(): PortalRules {
  // Some defaults exist only inside resolveRules, so they are read from what it fills in.
  const resolved = resolveRules({ endedOn: '2000-01-01', timeZone: 'UTC' });
  if (!resolved.checkIn) throw new Error('The rules left without a check-in should have the default one.');
  return {
    defaults: {
      updates: {
        limit: DEFAULTS.updateLimit,
        minDaysBetween: DEFAULTS.minDaysBetween,
        maxCharacters: DEFAULTS.maxCharacters,
        windowDays: DEFAULTS.windowDays,
      },
      checkIn: {
        format: resolved.checkIn.format,
        afterMonths: DEFAULTS.checkInAfterMonths,
        remindDaysBefore: [...DEFAULTS.remindDaysBefore],
        messageDays: DEFAULTS.checkInMessageDays,
      },
      replies: resolved.replies,
      crisisLocale: resolved.crisisLocale,
      closeDaysAfterCheckIn: DEFAULTS.closeDaysAfterCheckIn,
      retentionDays: DEFAULTS.retentionDays,
      sendAt: DEFAULTS.sendAt,
    },
    limits: { policy: limitsOf(createPolicyBody), profile: limitsOf(profileBody) },
    crisisLocales: CRISIS_LOCALES.map((code) => ({ code, label: CRISIS_LABELS[code] })),
  };
}

const SAFE_NAME = /^[a-z0-9-]+\.(html|js|css|svg)$/;

export function webActions(root: string, auth: PortalAuth): Record<RouteKeyOf<'web'>, Action<WebDeps>> {
  const cache = new Map<string, string>();
  let rules: PortalRules | undefined;
  const file = async (folder: string, name: string): Promise<Result> => {
    // Only plain file names from our own folders: no paths, no dot-files.
    if (!SAFE_NAME.test(name)) throw new NotFoundError('There is no such file.');
    const path = join(root, folder, name);
    let body = cache.get(path);
    if (body === undefined) {
      body = await readFile(path, 'utf8').catch(() => {
        throw new NotFoundError('There is no such file.');
      });
      cache.set(path, body);
    }
    return {
      statusCode: 200,
      headers: {
        'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
        'content-security-policy': PORTAL_CSP,
      },
      body,
    };
  };
  return {
    'GET /portal': () => file('portal', 'index.html'),
    'GET /portal/{file}': (e) => {
      const name = pathParam(e, 'file');
      if (name === 'config.json') return Promise.resolve(json(200, auth));
      if (name === 'rules.json') return Promise.resolve(json(200, (rules ??= portalRules())));
      return file('portal', name);
    },
    'GET /assets/{file}': (e) => file('assets', pathParam(e, 'file')),
  };
}

export const makeHandler = (getDeps: () => WebDeps, root: string, auth: PortalAuth) =>
  httpHandler<'web', WebDeps>(webActions(root, auth), getDeps);

const deps: WebDeps = { log: jsonLogger() };
let deployed: ReturnType<typeof makeHandler> | undefined;
/** In Lambda: files copied beside the bundle (ServiceFunction's `files`), Cognito settings from the stack, read at the first request. */
export const handler: ReturnType<typeof makeHandler> = (event) =>
  (deployed ??= makeHandler(() => deps, join(process.env.LAMBDA_TASK_ROOT ?? '.', 'web'), authFromEnv(readEnv('web'))))(
    event,
  );
