/**
 * Static files: the therapist portal (plain HTML, CSS and ES modules: no build step) and
 * the client page's optional script. Served by a function so the portal shares the API's
 * origin (no CORS) and works the same locally and in AWS, where the files are copied next
 * to the bundle.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { NotFoundError } from '../shared/domain/errors.js';
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
    return { mode: 'cognito', cognitoDomain: env.COGNITO_DOMAIN, clientId: env.COGNITO_CLIENT_ID, redirectUri: `${env.PUBLIC_BASE_URL ?? ''}/portal` };
  }
  return { mode: 'local', signInUrl: '/local/sign-in' };
}

const SAFE_NAME = /^[a-z0-9-]+\.(html|js|css|svg)$/;

export function webActions(root: string, auth: PortalAuth): Record<RouteKeyOf<'web'>, Action<WebDeps>> {
  const cache = new Map<string, string>();
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
    'GET /portal/{file}': (e) => (pathParam(e, 'file') === 'config.json' ? Promise.resolve(json(200, auth)) : file('portal', pathParam(e, 'file'))),
    'GET /assets/{file}': (e) => file('assets', pathParam(e, 'file')),
  };
}

export const makeHandler = (getDeps: () => WebDeps, root: string, auth: PortalAuth) =>
  httpHandler<'web', WebDeps>(webActions(root, auth), getDeps);

const deps: WebDeps = { log: jsonLogger() };
let deployed: ReturnType<typeof makeHandler> | undefined;
/** In Lambda: files copied beside the bundle (ServiceFunction's `files`), Cognito settings from the stack, read at the first request. */
export const handler: ReturnType<typeof makeHandler> = (event) =>
  (deployed ??= makeHandler(() => deps, join(process.env.LAMBDA_TASK_ROOT ?? '.', 'web'), authFromEnv(readEnv('web'))))(event);
