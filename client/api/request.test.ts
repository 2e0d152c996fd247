import Taro from '@tarojs/taro';
import { ApiError } from './error';
import { request } from './request';
import { stations } from './stations';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: jest.fn() } }));

const taroRequest = Taro.request as unknown as jest.Mock;
const answer = (statusCode: number, data: unknown) => taroRequest.mockResolvedValueOnce({ statusCode, data });

beforeAll(() => {
  (globalThis as { CITYCARE_API_BASE_URL?: string }).CITYCARE_API_BASE_URL = 'http://api.test';
});

beforeEach(() => taroRequest.mockReset());

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('request', () => {
  test('when the API answers 2xx, then the body is returned and the query is encoded', async () => {
    answer(200, { items: [], searchedRadiusM: 5000 });
    await expect(stations.nearest({ lat: 32.5, lng: 120.4 }, 5)).resolves.toEqual({ items: [], searchedRadiusM: 5000 });
    expect(taroRequest.mock.calls[0][0]).toMatchObject({
      url: 'http://api.test/api/stations/nearest?lat=32.5&lng=120.4&limit=5',
      method: 'GET',
      timeout: 10_000,
    });
  });

  test('when a query value is undefined, then it is left out', async () => {
    answer(200, { items: [] });
    await stations.list();
    expect(taroRequest.mock.calls[0][0].url).toBe('http://api.test/api/stations');
  });

  test('when the API answers with an error body, then its code and Chinese message are kept', async () => {
    answer(404, { error: { code: 'STATION_NOT_FOUND', message: '没有找到这个城管工作站' } });
    const error = await failure(stations.get('abc'));
    expect(error).toMatchObject({ code: 'STATION_NOT_FOUND', status: 404, message: '没有找到这个城管工作站' });
    expect(error.isNotFound).toBe(true);
  });

  test('when a 5xx has no recognisable body, then it becomes INTERNAL_ERROR with the shared message', async () => {
    answer(502, '<html>Bad Gateway</html>');
    expect(await failure(request('/api/x'))).toMatchObject({ code: 'INTERNAL_ERROR', status: 502, message: '服务器开小差了，请稍后再试' });
  });

  test('when the server sends a code this build does not know, then its message is still shown', async () => {
    answer(429, { error: { code: 'CODE_FROM_A_NEWER_SERVER', message: '操作太频繁，请稍后再试' } });
    expect(await failure(request('/api/x'))).toMatchObject({ code: 'VALIDATION_FAILED', status: 429, message: '操作太频繁，请稍后再试' });
  });

  test('when a 2xx body is not JSON, then it is BAD_RESPONSE', async () => {
    answer(200, '<html>captive portal</html>');
    expect(await failure(request('/api/x'))).toMatchObject({ code: 'BAD_RESPONSE', status: 0 });
  });

  test('when the network fails, then the resident reads a 网络 message', async () => {
    taroRequest.mockRejectedValueOnce({ errMsg: 'request:fail ' });
    const error = await failure(request('/api/x'));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.message).toContain('网络');
  });

  test('when the request times out, then it is TIMEOUT', async () => {
    taroRequest.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
    expect((await failure(request('/api/x'))).code).toBe('TIMEOUT');
  });

  test('when the id has reserved characters, then it is percent-encoded into the path', async () => {
    answer(200, { id: 'a/b' });
    await stations.get('a/b');
    expect(taroRequest.mock.calls[0][0].url).toBe('http://api.test/api/stations/a%2Fb');
  });
});
