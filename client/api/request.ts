import { isApiError } from './error';
import { sendJson, sendText, type HttpOptions } from './http';
import { renewSession, sessionToken } from './session';

export { DEFAULT_TIMEOUT_MS, type QueryValue } from './http';

export interface RequestOptions extends HttpOptions {
  /** Send the session token (signing in on demand); a 401 renews the session and retries once. */
  auth?: boolean;
  /** Sent as the Idempotency-Key header: the same key makes a retried write land once. */
  idempotencyKey?: string;
}

/**
 * Runs `call` with a session token. On 401 the session is renewed — one renewal at a time,
 * shared by every request that failed with the same token — and `call` runs once more.
 */
export async function withSession<T>(call: (token: string) => Promise<T>): Promise<T> {
  const token = await sessionToken();
  try {
    return await call(token);
  } catch (error) {
    if (!isApiError(error) || error.status !== 401) throw error;
    return call(await renewSession(token));
  }
}

/**
 * The one way the client talks to the API: JSON in, JSON out, typed.
 * Resolves with the body on 2xx; otherwise rejects with an ApiError.
 */
export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { auth, idempotencyKey, ...http } = options;
  const headers: Record<string, string> = { ...http.headers };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (!auth) return sendJson<T>(path, { ...http, headers });
  return withSession((token) => sendJson<T>(path, { ...http, headers: { ...headers, Authorization: `Bearer ${token}` } }));
}

/** A signed-in read whose answer is text (CSV exports), with the same session handling. */
export function requestText(path: string, options: HttpOptions = {}): Promise<string> {
  return withSession((token) => sendText(path, { ...options, headers: { ...options.headers, Authorization: `Bearer ${token}` } }));
}
