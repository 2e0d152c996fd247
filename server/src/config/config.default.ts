import type { MidwayConfig } from '@midwayjs/core';
import { env, envFlag, envInt } from './env';
import { jsonLogFormat } from '../common/log-format';

// Built from the environment when configuration.ts is first loaded, i.e. when
// the app boots: tests set MONGODB_URI/MONGODB_DB before createApp().
export function buildConfig(): MidwayConfig {
  const level = env('LOG_LEVEL') as 'debug' | 'info' | 'warn' | 'error';
  const serverSelectionTimeoutMS = envInt('DB_TIMEOUT_MS');
  return {
    keys: 'citycare-cookie-keys-unused',
    koa: {
      // No port: the app boots for a command and serves nothing.
      port: envFlag('API_LISTEN') ? envInt('PORT') : undefined,
      hostname: env('HOST'),
      proxy: envFlag('TRUST_PROXY'),
      contextLoggerFormat: jsonLogFormat,
    },
    // Sign-in is a bearer token (modules/auth); no cookie session, so none of
    // @midwayjs/session's per-request work (imported by @midwayjs/koa).
    session: { enable: false },
    bodyParser: {
      enableTypes: ['json'],
      jsonLimit: '64kb',
      strict: true,
    },
    mongoose: {
      dataSource: {
        default: {
          uri: env('MONGODB_URI'),
          options: {
            dbName: env('MONGODB_DB'),
            // Fail fast instead of queueing when the database is away, so
            // requests get a 503 within ~2 s and never hang (docs/design.md, "Data rules").
            bufferCommands: false,
            autoIndex: false,
            autoCreate: false,
            serverSelectionTimeoutMS,
            connectTimeoutMS: serverSelectionTimeoutMS,
            socketTimeoutMS: 20_000,
            maxPoolSize: 20,
          },
        },
      },
    },
    midwayLogger: {
      default: {
        level,
        format: jsonLogFormat,
        contextFormat: jsonLogFormat,
        transports: { file: false, error: false, console: { level } },
      },
      clients: {
        coreLogger: { level: level === 'debug' ? 'debug' : 'warn', format: jsonLogFormat, contextFormat: jsonLogFormat },
        appLogger: { level, format: jsonLogFormat, contextFormat: jsonLogFormat },
      },
    },
  };
}
