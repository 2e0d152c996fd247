import { env } from './env';

/**
 * The API's origin for links it publishes: PUBLIC_BASE_URL, else this
 * process's own address. Never the request's Host header, which any client
 * sets to whatever it likes (and a shared cache would keep).
 */
export function publicBaseUrl(source: NodeJS.ProcessEnv = process.env): string {
  const configured = env('PUBLIC_BASE_URL', source).replace(/\/+$/, '');
  if (configured) return configured;
  const host = env('HOST', source);
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${env('PORT', source)}`;
}
