// A tapped write's busy flag and failure text.
import { act, renderHook } from '@testing-library/react';
import { ApiError } from '../api/error';
import { useAction } from './useAction';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

function renderAction(action: () => Promise<void>) {
  return renderHook(() => useAction(action));
}

describe('useAction', () => {
  test('when the action runs, then it is busy until it ends and reports success', async () => {
    let finish!: () => void;
    const { result } = renderAction(() => new Promise<void>((resolve) => (finish = resolve)));
    let outcome!: Promise<boolean>;
    act(() => {
      outcome = result.current.run();
    });
    expect(result.current.busy).toBe(true);
    await act(async () => finish());
    await expect(outcome).resolves.toBe(true);
    expect(result.current).toMatchObject({ busy: false, failure: null });
  });

  test.each([
    ['an API error', ApiError.fromResponse(409, { error: { code: 'CASE_NOT_OPEN', message: '案件已办结或已关闭，不能再补充或关注' } }), '案件已办结或已关闭，不能再补充或关注'],
    ['an error the client wrote for the resident', new Error('文件保存失败：no space'), '文件保存失败：no space'],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')"), '网络连接失败，请检查网络后重试'],
  ])('when it fails with %s, then the resident reads it in words (or a network message)', async (_kind, error, text) => {
    const { result } = renderAction(async () => {
      throw error;
    });
    let ok = true;
    await act(async () => {
      ok = await result.current.run();
    });
    expect(ok).toBe(false);
    expect(result.current).toMatchObject({ busy: false, failure: text });
  });

  test('when the person closes one of WeChat\'s sheets on the way (fail cancel), then it did not go through and nothing is said', async () => {
    const { result } = renderAction(async () => {
      throw { errMsg: 'chooseImage:fail cancel' };
    });
    let ok = true;
    await act(async () => {
      ok = await result.current.run();
    });
    expect(ok).toBe(false);
    expect(result.current).toMatchObject({ busy: false, failure: null });
  });

  test('when it is tried again, then the old failure is cleared first', async () => {
    let fail = true;
    const { result } = renderAction(async () => {
      if (fail) throw ApiError.client('TIMEOUT');
    });
    await act(async () => void (await result.current.run()));
    expect(result.current.failure).toBe('网络请求超时，请稍后重试');
    fail = false;
    await act(async () => void (await result.current.run()));
    expect(result.current.failure).toBeNull();
  });
});
