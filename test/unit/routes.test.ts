import { describe, it, expect } from 'vitest';
import { findRoute, matchPath, ROUTES, routeKey, type RouteDef } from '../../functions/http/routes.js';

function hit(method: string, path: string): { route: RouteDef; params: Record<string, string> } {
  const found = findRoute(method, path);
  if (found === null || !('route' in found)) throw new Error(`expected a route for ${method} ${path}`);
  return found;
}

describe('ROUTES', () => {
  it('has every method + path only once', () => {
    const keys = ROUTES.map(routeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('includes the public contract from the product document', () => {
    const keys: string[] = ROUTES.map(routeKey);
    const documented = [
      'GET /health',
      'POST /policies',
      'GET /policies',
      'GET /policies/{id}',
      'PATCH /policies/{id}',
      'POST /policies/{id}/pause',
      'POST /policies/{id}/resume',
      'POST /policies/{id}/close',
      'POST /policies/{id}/reissue-link',
      'GET /client/{token}',
      'POST /client/{token}/accept',
      'POST /client/{token}/decline',
      'POST /client/{token}/opt-out',
      'POST /client/{token}/skip-check-in',
      'POST /client/{token}/updates',
      'POST /client/{token}/check-in',
    ];
    expect(documented.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('serves therapist routes only to a signed-in therapist and client routes only through the link', () => {
    const therapistRoutes = ROUTES.filter((r) => r.path.startsWith('/policies') || r.path === '/profile');
    const clientRoutes = ROUTES.filter((r) => r.path.startsWith('/client/') || r.path.startsWith('/c/'));
    expect(therapistRoutes.length).toBeGreaterThan(0);
    expect(clientRoutes.length).toBeGreaterThan(0);
    expect(therapistRoutes.filter((r) => r.access !== 'therapist' || r.fn !== 'therapist-api').map(routeKey)).toEqual(
      [],
    );
    expect(clientRoutes.filter((r) => r.access !== 'client-link').map(routeKey)).toEqual([]);
    expect(ROUTES.find((r) => r.path === '/health')?.access).toBe('public');
  });

  it('has no local-only routes', () => {
    expect(ROUTES.filter((r) => r.path.startsWith('/local'))).toEqual([]);
  });
});

describe('matchPath', () => {
  it('returns the parameters of a matching path', () => {
    expect(matchPath('/policies/{id}/pause', '/policies/pol_1/pause')).toEqual({ id: 'pol_1' });
  });

  it('returns an empty object for a literal match', () => {
    expect(matchPath('/health', '/health')).toEqual({});
  });

  it('returns null when a literal segment differs', () => {
    expect(matchPath('/policies/{id}/pause', '/policies/pol_1/resume')).toBeNull();
  });

  it('returns null when the number of segments differs (including a trailing slash)', () => {
    expect(matchPath('/policies/{id}', '/policies/pol_1/pause')).toBeNull();
    expect(matchPath('/health', '/health/')).toBeNull();
  });

  it('does not match an empty parameter', () => {
    expect(matchPath('/policies/{id}', '/policies/')).toBeNull();
  });

  it('decodes percent-encoded parameters', () => {
    expect(matchPath('/client/{token}', '/client/a%2Fb%20c')).toEqual({ token: 'a/b c' });
  });

  it('returns null for a malformed percent-encoding instead of throwing', () => {
    expect(matchPath('/client/{token}', '/client/%E0%A4%A')).toBeNull();
  });
});

describe('findRoute', () => {
  it('prefers a literal segment over a parameter: GET /c/abc/stop is the stop page', () => {
    const found = hit('GET', '/c/abc/stop');
    expect(routeKey(found.route)).toBe('GET /c/{token}/stop');
    expect(found.params).toEqual({ token: 'abc' });
  });

  it('sends POST /c/abc/accept to the generic page action', () => {
    const found = hit('POST', '/c/abc/accept');
    expect(routeKey(found.route)).toBe('POST /c/{token}/{action}');
    expect(found.params).toEqual({ token: 'abc', action: 'accept' });
  });

  it('finds a therapist route with its id', () => {
    const found = hit('POST', '/policies/pol_123/reissue-link');
    expect(found.route).toEqual({
      method: 'POST',
      path: '/policies/{id}/reissue-link',
      access: 'therapist',
      fn: 'therapist-api',
    });
    expect(found.params).toEqual({ id: 'pol_123' });
  });

  it('tells GET and POST on the same path apart', () => {
    expect(routeKey(hit('GET', '/policies').route)).toBe('GET /policies');
    expect(routeKey(hit('POST', '/policies').route)).toBe('POST /policies');
  });

  it('finds the client update route and decodes its token', () => {
    const found = hit('POST', '/client/tok%2Dabc/updates');
    expect(routeKey(found.route)).toBe('POST /client/{token}/updates');
    expect(found.params).toEqual({ token: 'tok-abc' });
  });

  it('returns the allowed methods for a known path with the wrong method', () => {
    expect(findRoute('DELETE', '/health')).toEqual({ allowed: ['GET'] });
  });

  it('lists each allowed method once', () => {
    const result = findRoute('DELETE', '/policies/pol_1');
    expect(result).not.toBeNull();
    expect(result && 'allowed' in result ? [...result.allowed].sort() : null).toEqual(['GET', 'PATCH']);
  });

  it('lists the methods of both the literal and the parameter route for /c/abc/stop', () => {
    const result = findRoute('DELETE', '/c/abc/stop');
    expect(result && 'allowed' in result ? [...result.allowed].sort() : null).toEqual(['GET', 'POST']);
  });

  it('returns null for an unknown path', () => {
    expect(findRoute('GET', '/nope')).toBeNull();
    expect(findRoute('GET', '/policies/pol_1/pause/now')).toBeNull();
    expect(findRoute('GET', '/')).toBeNull();
  });

  it('returns null for a local-only path (not part of the deployed contract)', () => {
    expect(findRoute('POST', '/local/dispatch')).toBeNull();
  });

  it('returns null for a path whose parameter cannot be decoded', () => {
    expect(findRoute('GET', '/client/%ZZ')).toBeNull();
  });
});
