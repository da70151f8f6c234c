/**
 * Turns a map of route actions into a Lambda handler: find the action by route key, run
 * it, map errors to problem+json once, and log one line per request with the route
 * template (never the raw path, which may hold a client link).
 */
import { MethodNotAllowedError, NotFoundError, UnauthorizedError } from '../../shared/domain/errors.js';
import { errorFields } from '../../shared/ports/logger.js';
import type { Deps, SignedIn, Therapist } from '../../shared/use-cases/deps.js';
import { memberFor } from '../../shared/use-cases/membership.js';
import { practiceId } from '../../shared/domain/schemas.js';
import type { HttpEvent } from './request.js';
import { errorResponse, type Result } from './respond.js';
import type { FunctionName, RouteKeyOf } from './routes.js';

export type Action<D = Deps> = (event: HttpEvent, deps: D) => Promise<Result>;

/** `D` is what the function's actions need; at least a logger (health needs nothing else). */
export function httpHandler<F extends FunctionName, D extends Pick<Deps, 'log'> = Deps>(
  actions: Record<RouteKeyOf<F>, Action<D>>,
  getDeps: () => D,
) {
  const byRoute = new Map<string, Action<D>>(Object.entries(actions));
  return async (event: HttpEvent): Promise<Result> => {
    const started = Date.now();
    const deps = getDeps();
    const route = event.routeKey;
    let result: Result;
    try {
      const action = byRoute.get(route);
      if (!action)
        throw route === '$default'
          ? new NotFoundError('There is nothing here.')
          : new MethodNotAllowedError('That method is not supported here.');
      result = await action(event, deps);
    } catch (err) {
      result = errorResponse(err);
      if (result.statusCode && result.statusCode >= 500)
        deps.log.error('request.failed', { route, ...errorFields(err) });
    }
    deps.log.info('request', { route, status: result.statusCode ?? 200, ms: Date.now() - started });
    return result;
  };
}

/**
 * Who the JWT the authorizer (or the local server) verified names. API Gateway passes a
 * list claim such as `cognito:groups` as one string, "[admin other]"; a local token does too.
 */
export function signedInFrom(event: HttpEvent): SignedIn {
  const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
  const id = claims.sub;
  const email = claims.email;
  if (typeof id !== 'string' || typeof email !== 'string') throw new UnauthorizedError('Please sign in to continue.');
  const name = typeof claims.name === 'string' && claims.name ? claims.name : email.split('@')[0]!;
  const practice = claims['custom:practice'];
  if (practice !== undefined && !(typeof practice === 'string' && practiceId.safeParse(practice).success))
    throw new UnauthorizedError('The sign-in names a practice that cannot exist. Please sign in again.');
  return {
    id,
    email,
    name,
    practiceHint: practice ?? null,
    adminHint: groupsOf(claims['cognito:groups']).includes('admin'),
  };
}

function groupsOf(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  if (typeof claim !== 'string') return [];
  return claim
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

/** The signed-in therapist, checked against their practice on this request (membership.ts). */
export const therapistFrom = (event: HttpEvent, deps: Deps): Promise<Therapist> => memberFor(deps, signedInFrom(event));
