// An in-memory stand-in for the parts of @tarojs/taro the client's logic uses, for unit tests:
// storage, request, login. Each test file mocks '@tarojs/taro' with `taroMock()`.

export interface TaroMock {
  storage: Map<string, unknown>;
  request: jest.Mock;
  login: jest.Mock;
  reLaunch: jest.Mock;
  getStorageSync: (key: string) => unknown;
  setStorageSync: (key: string, value: unknown) => void;
  removeStorageSync: (key: string) => void;
}

export function taroMock(): { __esModule: true; default: TaroMock } {
  const storage = new Map<string, unknown>();
  return {
    __esModule: true,
    default: {
      storage,
      request: jest.fn(),
      login: jest.fn(),
      reLaunch: jest.fn(async () => undefined),
      // WeChat answers '' for a missing key.
      getStorageSync: (key: string) => (storage.has(key) ? JSON.parse(JSON.stringify(storage.get(key))) : ''),
      setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.parse(JSON.stringify(value))),
      removeStorageSync: (key: string) => void storage.delete(key),
    },
  };
}
