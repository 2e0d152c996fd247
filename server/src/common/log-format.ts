import type { LoggerInfo } from '@midwayjs/logger';

// Structured logs: one JSON object per line. Errors carry their stack here
// (logs only, never responses). Strings that look like secrets are the
// caller's job to mask before logging.
export function jsonLogFormat(info: LoggerInfo): string {
  const ctx = info.ctx as { state?: { requestId?: string } } | undefined;
  const line: Record<string, unknown> = {
    time: new Date(info.timestamp).toISOString(),
    level: info.level,
    pid: info.pid,
    msg: info.originError?.message ?? (typeof info.originArgs?.[0] === 'string' ? info.originArgs[0] : info.message),
  };
  if (ctx?.state?.requestId) line.requestId = ctx.state.requestId;
  const fields = info.originArgs?.find(
    (arg): arg is Record<string, unknown> => !!arg && typeof arg === 'object' && !(arg instanceof Error),
  );
  if (fields) Object.assign(line, fields);
  if (info.originError?.stack) line.stack = info.originError.stack;
  return JSON.stringify(line);
}
