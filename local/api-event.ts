/**
 * The API Gateway (HTTP API, payload 2.0) event for a request, as AWS would build it after
 * matching a route and verifying the JWT. The local server and the bundle test use it.
 */
import type { HttpEvent } from '../functions/http/request.js';
import { findRoute } from '../functions/http/routes.js';

export interface RequestLike {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  /** Verified JWT claims (therapist routes only). */
  claims?: Record<string, unknown> | undefined;
}

export function apiEvent(req: RequestLike): HttpEvent {
  const match = findRoute(req.method, req.url.pathname);
  if (!match || 'allowed' in match) throw new Error(`no route for ${req.method} ${req.url.pathname}`);
  const { route, params } = match;
  const routeKey = `${route.method} ${route.path}`;
  const event: HttpEvent = {
    version: '2.0',
    routeKey,
    rawPath: req.url.pathname,
    rawQueryString: req.url.search.slice(1),
    headers: req.headers,
    queryStringParameters: req.url.searchParams.size > 0 ? Object.fromEntries(req.url.searchParams) : undefined,
    pathParameters: params,
    body: req.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: req.headers.host ?? 'localhost',
      domainPrefix: 'local',
      requestId: crypto.randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      http: {
        method: req.method,
        path: req.url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: req.headers['user-agent'] ?? '',
      },
      ...(req.claims ? { authorizer: { jwt: { claims: req.claims, scopes: [] } } } : {}),
    },
  };
  return event;
}
