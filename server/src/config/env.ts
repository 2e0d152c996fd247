// Every environment variable the server reads, with its default and meaning.
// This table is the one place they are documented (README links here).

interface EnvVar {
  default: string;
  description: string;
}

export const ENV_VARS = {
  NODE_ENV: {
    default: 'development',
    description:
      'development | test | production. production (what `npm run serve` sets) refuses to start with the WeChat stand-in, DEV_LOGIN, ' +
      'without a real WECHAT_APPID/WECHAT_SECRET, without SESSION_SECRET, or with RATE_LIMIT_FACTOR=0 (server/src/config/production-mode.ts)',
  },
  HOST: { default: '127.0.0.1', description: 'Address the API listens on (0.0.0.0 to reach it from a phone on the LAN)' },
  PORT: { default: '7001', description: 'Port the API listens on' },
  SESSION_CACHE_MS: {
    default: '5000',
    description: 'How long a process remembers what a session token resolved to (0: read it on every request). A logout elsewhere, or a change of role, takes effect within this time',
  },
  API_WORKERS: {
    default: '1',
    description:
      'How many API processes `npm run serve` runs on PORT (node:cluster, server/src/cluster.ts; `npm run serve -- --workers N` sets it). ' +
      'Each is stateless; more than 1 needs PHOTO_URL_SECRET. Jobs take a claim per run, so every process may run them',
  },
  API_LISTEN: { default: '1', description: '0 boots the app without an HTTP listener (commands such as `npm run db:rebuild`)' },
  MONGODB_URI: {
    default: 'mongodb://127.0.0.1:27017/',
    description: 'MongoDB connection string. `npm start`/`npm test` start the embedded database and set this when it is unset',
  },
  MONGODB_DB: { default: 'citycare', description: 'Database name inside MONGODB_URI' },
  DB_TIMEOUT_MS: { default: '1500', description: 'Server selection timeout: how long a query waits for an unreachable database before failing (503)' },
  STATIC_DIR: { default: '', description: 'Folder with the H5 build to serve at / (empty: serve nothing)' },
  MEDIA_DIR: { default: '.data/media', description: 'Folder for uploaded photos (re-encoded JPEGs and thumbnails); relative paths are from the repository root' },
  UPLOAD_TMP_DIR: {
    default: '',
    description: 'Folder where a photo upload is streamed while it is checked and re-encoded (removed right after); empty: the system temporary folder (os.tmpdir())',
  },
  MEDIA_STORAGE: {
    default: 'local',
    description: 'Where photo bytes live: local (MEDIA_DIR) or s3 (an S3-compatible object store: AWS S3, Tencent COS, MinIO…, set by the S3_* variables)',
  },
  S3_ENDPOINT: { default: '', description: 'S3 endpoint URL (https://cos.ap-shanghai.myqcloud.com for COS); empty: AWS S3 of S3_REGION' },
  S3_REGION: { default: 'us-east-1', description: 'Region the S3 requests are signed for (COS: its region, e.g. ap-shanghai)' },
  S3_BUCKET: { default: '', description: 'Bucket for photos (COS: name-appid); required when MEDIA_STORAGE=s3' },
  S3_ACCESS_KEY_ID: { default: '', description: 'Access key id (COS: SecretId); empty: the AWS SDK default chain (instance role, AWS_* variables)' },
  S3_SECRET_ACCESS_KEY: { default: '', description: 'Secret access key (COS: SecretKey). Never log it or put it in a config file' },
  S3_FORCE_PATH_STYLE: { default: '0', description: '1 for path-style URLs (endpoint/bucket/key: MinIO, SeaweedFS, the test server); 0 for virtual-hosted style (AWS, COS)' },
  S3_KEY_PREFIX: { default: 'photos/', description: 'Prefix of every object key the API writes in S3_BUCKET' },
  PHOTO_URL_SECRET: {
    default: '',
    description: 'Secret (≥ 32 characters) for signing photo URLs that <image> loads without a token; every API process must share it. Empty: a random secret per process (one process only)',
  },
  PHOTO_URL_TTL_S: { default: '3600', description: 'How long a signed photo URL is valid, in seconds (at most 3600); URLs are issued on half-TTL boundaries so repeated pages reuse them (and the image cache)' },
  LOG_LEVEL: { default: 'info', description: 'debug | info | warn | error' },
  DEV_LOGIN: { default: '0', description: '1 enables the demo-user login for development and the H5 preview (`npm start` sets it); NODE_ENV=production refuses to start with it' },
  PUBLIC_BASE_URL: {
    default: '',
    description:
      "The API's public origin as clients reach it (https://citycare.example.gov.cn), for links the API publishes (the Open311 discovery endpoint); " +
      'empty: http://HOST:PORT. Never taken from the request Host header',
  },
  SESSION_SECRET: {
    default: '',
    description:
      'Server secret (at least 32 characters) for keyed hashes: rate-limit counters are stored under HMAC(SESSION_SECRET, ip | user | code), ' +
      'so neither Redis nor a log ever holds a raw IP, login code or user id. Empty: a fixed development value; NODE_ENV=production refuses to start without one',
  },
  REDIS_URL: {
    default: '',
    description:
      'redis://host:port/db for the rate-limit counters, shared by every API process using it; empty: counters in this process\'s memory. ' +
      'A Redis that does not answer lets requests through (logged), it does not stop the API',
  },
  REDIS_KEY_PREFIX: { default: 'citycare:', description: 'Prefix of every key the API writes to REDIS_URL' },
  RATE_LIMIT_FACTOR: {
    default: '1',
    description:
      'Multiplies every limit of the rate-limit table (server/src/config/rate-limits.ts; README "Rate limits"): 2 doubles them; 0 turns rate limiting off ' +
      '(refused when NODE_ENV=production). The API tests use 100 except where they test the real limits',
  },
  WECHAT_TEMPLATE_CASE_STATUS: { default: 'case-status-demo', description: 'Subscribe-message template id for case status changes and replies' },
  WECHAT_TEMPLATE_CASE_STAFF: { default: 'case-staff-demo', description: "Subscribe-message template id telling a station's staff that a reporter wrote on a case (rating, 补充说明)" },
  WECHAT_TEMPLATE_BOOKING: { default: 'booking-demo', description: 'Subscribe-message template id for booking changes (promoted from the waitlist, session cancelled)' },
  RETENTION_DAYS: {
    default: '1095',
    description:
      'Days after a case is closed (or rejected, or merged) before the retention job anonymises it: reporter, description, address, exact place, ' +
      "the reporter's own timeline texts and every photo go; category, station, dates and status stay for the figures. Open cases are never touched",
  },
  OUTBOX_CLAIM_MS: {
    default: '60000',
    description: 'How long a worker holds its claim on sending a message; the claim of one that died mid-send lapses after this and another sends it (keep it above the WeChat request timeout)',
  },
  JOBS_INTERVAL_MS: { default: '5000', description: 'How often the outbox worker and the 7-day auto-close job run (0 = never; tests call them directly)' },
  CITY_NAME: { default: '海安市', description: 'The city this deployment serves: the city of stations the bureau adds (a station name is unique within its city)' },
  STATION_CACHE_MS: { default: '30000', description: 'How long each API process reuses its snapshot of the stations for nearest searches at most; a change made through another process is seen within about a second (0 = query the database every time)' },
  TRUST_PROXY: { default: '0', description: '1 when behind a reverse proxy that sets X-Forwarded-For' },
  WECHAT_API_BASE: {
    default: 'https://api.weixin.qq.com',
    description: 'WeChat server API base URL; point it at the local stand-in (server/src/modules/wechat/standin) in tests and demos',
  },
  WECHAT_APPID: { default: '', description: 'Mini-program AppID (小程序 AppID); empty when no real one is configured (the stand-in is meant for that case)' },
  WECHAT_SECRET: { default: '', description: 'Mini-program AppSecret. Server-side only: never log it or put it in a config file' },
  HOTLINE_API_KEYS: {
    default: '',
    description: 'Comma-separated API keys of the 12345 hotline integration (X-Api-Key on /api/hotline, api_key on Open311 POST); several allow rotation; empty: intake disabled (401)',
  },
  HOTLINE_PHONE_KEY: {
    default: '',
    description: 'AES-256-GCM key for hotline callers\' phone numbers: 64 hex characters or base64 of 32 bytes; empty: phone numbers are not stored at all',
  },
} as const satisfies Record<string, EnvVar>;

export type EnvName = keyof typeof ENV_VARS;

export function env(name: EnvName, source: NodeJS.ProcessEnv = process.env): string {
  const value = source[name];
  return value === undefined || value === '' ? ENV_VARS[name].default : value;
}

export function envInt(name: EnvName, source: NodeJS.ProcessEnv = process.env): number {
  const raw = env(name, source);
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

export function envFlag(name: EnvName, source: NodeJS.ProcessEnv = process.env): boolean {
  return ['1', 'true', 'yes'].includes(env(name, source).toLowerCase());
}

export function envNumber(name: EnvName, source: NodeJS.ProcessEnv = process.env): number {
  const raw = env(name, source);
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, got "${raw}"`);
  return value;
}

/** Housekeeping jobs (retention, sweeps) run every 60th JOBS_INTERVAL_MS (5 minutes by default; 0 turns them off too). */
export const housekeepingInterval = (): number => envInt('JOBS_INTERVAL_MS') * 60;
