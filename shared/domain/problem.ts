/** RFC 9457 problem documents, built from the typed errors. The one place that shapes them. */
import * as z from 'zod/mini';
import type { AppError } from './errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extra: string]: unknown;
}

const problemDocument = z.looseObject({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() });

/** A recorded outcome's body read back as the problem document it was stored as. */
export function asProblem(body: unknown): Problem {
  return problemDocument.parse(body);
}

export function toProblem(err: AppError): Problem {
  return { type: err.type, title: err.title, status: err.status, detail: err.message, ...err.extras() };
}

export function internalProblem(): Problem {
  return {
    type: '/problems/internal',
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'Nothing you sent was lost. Please try again in a moment.',
  };
}
