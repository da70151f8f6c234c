/**
 * The public HTTP contract, once. The local server matches requests against it and the
 * CDK app creates one API route per entry, so the two can never disagree. Pure data: no
 * handler code is imported here, so infra can read it without bundling the service.
 */
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Who may call: a signed-in therapist (JWT), the holder of a client link (in the path), or anyone. */
export type Access = 'therapist' | 'client-link' | 'public';
/** Which Lambda function serves the route (one per audience keeps bundles and permissions small). */
export type FunctionName = 'therapist-api' | 'practice-api' | 'client-api' | 'client-pages' | 'health' | 'web';

export interface RouteDef {
  method: Method;
  path: string;
  access: Access;
  fn: FunctionName;
}

const r = <M extends Method, P extends string, F extends FunctionName>(method: M, path: P, access: Access, fn: F) => ({
  method,
  path,
  access,
  fn,
});

export const ROUTES = [
  r('GET', '/health', 'public', 'health'),

  r('POST', '/policies', 'therapist', 'therapist-api'),
  r('POST', '/policies/preview', 'therapist', 'therapist-api'),
  r('GET', '/policies', 'therapist', 'therapist-api'),
  r('GET', '/policies/{id}', 'therapist', 'therapist-api'),
  r('PATCH', '/policies/{id}', 'therapist', 'therapist-api'),
  r('POST', '/policies/{id}/preview-change', 'therapist', 'therapist-api'),
  r('POST', '/policies/{id}/pause', 'therapist', 'therapist-api'),
  r('POST', '/policies/{id}/resume', 'therapist', 'therapist-api'),
  r('POST', '/policies/{id}/close', 'therapist', 'therapist-api'),
  r('POST', '/policies/{id}/reissue-link', 'therapist', 'therapist-api'),
  r('GET', '/policies/{id}/export', 'therapist', 'therapist-api'),
  r('POST', '/policies/{id}/replies', 'therapist', 'therapist-api'),
  r('GET', '/policies/{id}/record', 'therapist', 'therapist-api'),
  r('GET', '/profile', 'therapist', 'therapist-api'),
  r('PUT', '/profile', 'therapist', 'therapist-api'),

  // A practice's admins (the function checks the role; another practice's ids are not found).
  r('GET', '/practice', 'therapist', 'practice-api'),
  r('PUT', '/practice', 'therapist', 'practice-api'),
  r('GET', '/practice/therapists', 'therapist', 'practice-api'),
  r('POST', '/practice/therapists', 'therapist', 'practice-api'),
  r('DELETE', '/practice/therapists/{id}', 'therapist', 'practice-api'),
  r('POST', '/practice/therapists/{id}/handover', 'therapist', 'practice-api'),
  r('GET', '/practice/arrangements', 'therapist', 'practice-api'),

  r('GET', '/client/{token}', 'client-link', 'client-api'),
  r('POST', '/client/{token}/accept', 'client-link', 'client-api'),
  r('POST', '/client/{token}/decline', 'client-link', 'client-api'),
  r('POST', '/client/{token}/opt-out', 'client-link', 'client-api'),
  r('POST', '/client/{token}/skip-check-in', 'client-link', 'client-api'),
  r('POST', '/client/{token}/undo-skip-check-in', 'client-link', 'client-api'),
  r('POST', '/client/{token}/updates', 'client-link', 'client-api'),
  r('POST', '/client/{token}/check-in', 'client-link', 'client-api'),

  // The client's page: server-rendered HTML forms that work without JavaScript.
  r('GET', '/c/{token}', 'client-link', 'client-pages'),
  r('POST', '/c/{token}/{action}', 'client-link', 'client-pages'),
  r('GET', '/c/{token}/stop', 'client-link', 'client-pages'),

  // Static files: the therapist portal (signs in, then calls the routes above) and page assets.
  r('GET', '/portal', 'public', 'web'),
  r('GET', '/portal/{file}', 'public', 'web'),
  r('GET', '/assets/{file}', 'public', 'web'),
] as const satisfies readonly RouteDef[];

type AnyRoute = (typeof ROUTES)[number];
/** "POST /policies/{id}/pause": the same key API Gateway puts in event.routeKey. */
export type RouteKeyOf<F extends FunctionName> = AnyRoute extends infer R
  ? R extends { fn: F; method: infer M extends string; path: infer P extends string }
    ? `${M} ${P}`
    : never
  : never;

export const routeKey = (route: RouteDef) => `${route.method} ${route.path}`;

/** Matches a concrete path against a template like /policies/{id}; returns the parameters. */
export function matchPath(template: string, path: string): Record<string, string> | null {
  const t = template.split('/');
  const p = path.split('/');
  if (t.length !== p.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i += 1) {
    const seg = t[i]!;
    const actual = p[i]!;
    if (seg.startsWith('{') && seg.endsWith('}')) {
      if (actual === '') return null;
      try {
        params[seg.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (seg !== actual) return null;
  }
  return params;
}

/**
 * The route for a request, preferring literal segments over parameters (as API Gateway
 * does): GET /c/x/stop is the stop page, not a generic action.
 */
export function findRoute(
  method: string,
  path: string,
): { route: RouteDef; params: Record<string, string> } | { allowed: Method[] } | null {
  const candidates = ROUTES.map((route: RouteDef) => ({ route, params: matchPath(route.path, path) }))
    .filter((c): c is { route: RouteDef; params: Record<string, string> } => c.params !== null)
    .sort((a, b) => paramCount(a.route.path) - paramCount(b.route.path));
  const hit = candidates.find((c) => c.route.method === method);
  if (hit) return hit;
  return candidates.length > 0 ? { allowed: [...new Set(candidates.map((c) => c.route.method))] } : null;
}

function paramCount(path: string): number {
  return (path.match(/\{/g) ?? []).length;
}
