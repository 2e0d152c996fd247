import Taro from '@tarojs/taro';
import { ApiError, transportError } from './error';

export const DEFAULT_TIMEOUT_MS = 10_000;

export type QueryValue = string | number | boolean | undefined;

export interface HttpOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${CITYCARE_API_BASE_URL}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

/**
 * Where <image> loads a photo from: the API's signed URLs are relative (`/api/media/…?exp=&sig=`),
 * so weapp prefixes the API origin (H5 is served by the API itself).
 */
export function mediaUrl(signedPath: string): string {
  return /^https?:\/\//.test(signedPath) ? signedPath : `${CITYCARE_API_BASE_URL}${signedPath}`;
}

/** An answer's body, or the ApiError for it: 2xx with a JSON object, anything else fails. */
export function bodyOf<T>(statusCode: number, data: unknown): T {
  if (statusCode < 200 || statusCode >= 300) throw ApiError.fromResponse(statusCode, data);
  // 204: done, nothing to say (removing a stall zone).
  if (statusCode === 204) return undefined as T;
  // A proxy's HTML page parses to a string: that is not our API answering.
  if (data === null || typeof data !== 'object') throw ApiError.client('BAD_RESPONSE');
  return data as T;
}

/** One HTTP exchange with the API, JSON in and out; knows nothing of sessions. */
export async function sendJson<T>(path: string, options: HttpOptions = {}): Promise<T> {
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    response = await Taro.request({
      url: apiUrl(path, options.query),
      method: options.method ?? 'GET',
      data: options.body as Record<string, unknown> | undefined,
      header: { Accept: 'application/json', ...options.headers },
      dataType: 'json',
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  } catch (failure) {
    throw transportError(failure);
  }
  return bodyOf<T>(response.statusCode, response.data);
}

/** One exchange whose answer is text (CSV exports); a failure still reads the JSON error body. */
export async function sendText(path: string, options: HttpOptions = {}): Promise<string> {
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    response = await Taro.request({
      url: apiUrl(path, options.query),
      method: options.method ?? 'GET',
      header: { Accept: 'text/csv, application/json', ...options.headers },
      dataType: 'text',
      responseType: 'text',
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  } catch (failure) {
    throw transportError(failure);
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    let body: unknown = response.data;
    try {
      body = typeof body === 'string' ? JSON.parse(body) : body;
    } catch {
      // not JSON: ApiError.fromResponse says what it can from the status alone
    }
    throw ApiError.fromResponse(response.statusCode, body);
  }
  if (typeof response.data !== 'string') throw ApiError.client('BAD_RESPONSE');
  return response.data;
}
