import Taro from '@tarojs/taro';
import { ApiError } from './error';

export const DEFAULT_TIMEOUT_MS = 10_000;

export type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  timeoutMs?: number;
}

function toQueryString(query: Record<string, QueryValue> = {}): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Taro reports timeouts and offline alike through `errMsg`; tell them apart for the resident. */
function transportError(failure: unknown): ApiError {
  const errMsg = String((failure as { errMsg?: string } | null)?.errMsg ?? failure ?? '');
  return ApiError.client(/timeout|超时/i.test(errMsg) ? 'TIMEOUT' : 'NETWORK_ERROR');
}

/**
 * The one way the client talks to the API: JSON in, JSON out, typed.
 * Resolves with the body on 2xx; otherwise rejects with an ApiError.
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  // Taro types `data` as string | object | ArrayBuffer; we ask for JSON and check below.
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>;
  try {
    response = await Taro.request({
      url: `${CITYCARE_API_BASE_URL}${path}${toQueryString(options.query)}`,
      method: options.method ?? 'GET',
      data: options.body as Record<string, unknown> | undefined,
      header: { Accept: 'application/json' },
      dataType: 'json',
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  } catch (failure) {
    throw transportError(failure);
  }
  const { statusCode, data } = response;
  if (statusCode < 200 || statusCode >= 300) throw ApiError.fromResponse(statusCode, data);
  // A proxy's HTML page parses to a string: that is not our API answering.
  if (data === null || typeof data !== 'object') throw ApiError.client('BAD_RESPONSE');
  return data as T;
}
