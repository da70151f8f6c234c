/** Reading requests: size limits, content types, JSON and forms, validated with zod. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../shared/domain/errors.js';
import { parseWith } from '../../shared/domain/parse.js';
import { idempotencyKey as idempotencyKeySchema } from '../../shared/domain/schemas.js';

export type HttpEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, unknown>; scopes?: string[] } };
  };
};

const MAX_BODY_BYTES = 64 * 1024;

export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

export function rawBody(event: HttpEvent): string {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES)
    throw new PayloadTooLargeError(`Requests are limited to ${MAX_BODY_BYTES / 1024} KB.`);
  return text;
}

/** A JSON body parsed and validated, or a 400/413/415 that says exactly what is wrong. */
export function jsonBody<T>(event: HttpEvent, schema: z.ZodMiniType<T>): T {
  const text = rawBody(event);
  const type = header(event, 'content-type');
  if (text.length > 0 && type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new UnsupportedMediaTypeError('Send the body as application/json.');
  }
  let value: unknown;
  try {
    value = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new ValidationError('The body is not valid JSON.');
  }
  return parseWith(schema, value, 'request body');
}

export function formBody(event: HttpEvent): URLSearchParams {
  return new URLSearchParams(rawBody(event));
}

export function pathParam(event: HttpEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new ValidationError(`Missing ${name} in the path.`);
  return value;
}

/** The Idempotency-Key header, checked (a retry with the same key gets the first answer), or null. */
export function idempotencyKey(event: HttpEvent): string | null {
  const key = header(event, 'idempotency-key');
  return key === undefined ? null : parseWith(idempotencyKeySchema, key, 'Idempotency-Key header');
}
