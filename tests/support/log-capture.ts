// R10 in the logs: everything a test app logs, at info level and above
// (whatever LOG_LEVEL lets through to the console), is kept and scanned when
// the app closes for phone numbers, openids, session keys and tokens that are
// not masked. A finding fails the test file that caused it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MidwayLoggerService } from '@midwayjs/core';
import type { Application } from '@midwayjs/koa';
import { Transport } from '@midwayjs/logger/dist/transport/transport';
import type { Connection } from 'mongoose';

const STATS_DIR = path.resolve(__dirname, '..', '..', '.cache', 'log-scan');

/** A mainland mobile number standing alone (138****1234 is masked; digits inside an id or a hash are not a number). */
const PHONE = /(?<![\w*-])1[3-9]\d{9}(?![\w*-])/g;
/** Our bearer tokens: 43 URL-safe characters standing alone. */
const TOKEN = /(?<![\w-])[A-Za-z0-9_-]{43}(?![\w-])/g;

class CaptureTransport extends Transport<{ level: 'info' }> {
  constructor(private readonly lines: string[]) {
    super({ level: 'info' });
  }

  log(level: Parameters<Transport<{ level: 'info' }>['log']>[0], meta: object, ...args: unknown[]): void {
    if (level === false || !['info', 'warn', 'error'].includes(level)) return;
    const text = this.format(level, meta as never, args);
    this.lines.push(typeof text === 'string' ? text : Buffer.isBuffer(text) ? text.toString('utf8') : JSON.stringify(text));
  }

  close(): void {}
}

export interface LogCapture {
  lines: string[];
  /** Scans what was logged against the secrets in `db` and those given; throws on a finding. */
  scan(db: Connection, testFile: string, secrets?: string[]): Promise<void>;
}

/** Starts keeping every log line of `app` (all its loggers), console output unchanged. */
export async function captureLogs(app: Application): Promise<LogCapture> {
  const lines: string[] = [];
  const service = await app.getApplicationContext().getAsync(MidwayLoggerService);
  const factory = service.getCurrentLoggerFactory() as unknown as Map<string, { level: string; get?(name: string): { level: string } | undefined; add(name: string, t: unknown): void; transports?: Map<string, { level: string }> }>;
  for (const logger of factory.values()) {
    // Let info lines reach the capture while each console transport keeps its own level.
    for (const transport of logger.transports?.values() ?? []) if (!transport.level) transport.level = logger.level;
    if (['warn', 'error', 'none'].includes(logger.level)) logger.level = 'info';
    logger.add('citycareCapture', new CaptureTransport(lines));
  }
  return { lines, scan: (db, testFile, secrets = []) => scan(lines, db, testFile, secrets) };
}

async function scan(lines: string[], db: Connection, testFile: string, extra: string[]): Promise<void> {
  const users = await db.collection('users').find({}, { projection: { openid: 1, phone: 1, wechatSessionKey: 1 } }).toArray();
  const known = new Set(
    [...users.flatMap((u) => [u.openid, u.phone, u.wechatSessionKey]), ...extra].filter((v): v is string => typeof v === 'string' && v.length >= 8),
  );
  const findings: string[] = [];
  for (const line of lines) {
    for (const secret of known) if (line.includes(secret)) findings.push(`${mask(secret)} in ${mask(line.slice(0, 160), secret)}`);
    for (const match of line.match(PHONE) ?? []) findings.push(`phone ${mask(match)} in ${mask(line.slice(0, 160), match)}`);
    for (const match of line.match(TOKEN) ?? []) findings.push(`token-like ${mask(match)} in ${mask(line.slice(0, 160), match)}`);
  }
  mkdirSync(STATS_DIR, { recursive: true });
  writeFileSync(path.join(STATS_DIR, `${path.basename(testFile)}-${process.pid}.json`), JSON.stringify({ testFile: path.basename(testFile), lines: lines.length, secretsChecked: known.size, findings: findings.length }));
  if (findings.length) throw new Error(`R10: the server logged ${findings.length} unmasked secret(s):\n  ${[...new Set(findings)].slice(0, 10).join('\n  ')}`);
}

/** Keeps the first and last two characters, so a finding can be recognised but is not repeated. */
function mask(text: string, secret?: string): string {
  const hide = (s: string) => (s.length <= 6 ? '***' : `${s.slice(0, 2)}***${s.slice(-2)}`);
  return secret ? text.split(secret).join(hide(secret)) : hide(text);
}
