/**
 * Structured logs with a closed set of fields. There is deliberately no free-text field:
 * names, addresses, message text and client links can never reach a log line by accident.
 */
export interface LogFields {
  route?: string;
  status?: number;
  policyId?: string;
  therapistId?: string;
  reason?: string;
  jobKind?: string;
  template?: string;
  attempts?: number;
  count?: number;
  /** A stream record's position in its shard (what the event relay reports as failed). */
  sequenceNumber?: string;
  ms?: number;
  errorName?: string;
  errorCode?: string;
  /** Stack frames without the message line (messages can quote user data). */
  frames?: string;
}

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { errorName: typeof err };
  const code = 'code' in err ? err.code : undefined;
  return {
    errorName: err.name,
    ...(typeof code === 'string' ? { errorCode: code } : {}),
    frames: (err.stack ?? '')
      .split('\n')
      .slice(1, 6)
      .map((l) => l.trim())
      .join(' | '),
  };
}

/** One JSON object per line on stdout, which CloudWatch and the local terminal both read well. */
