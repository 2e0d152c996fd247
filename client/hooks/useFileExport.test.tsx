// Exporting a file (导出我的数据, 导出 CSV) on weapp: saved, then sent to a chat by a second tap;
// a new export replaces the old file, and either step's failure reads in words.
import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { WriteFileOptions } from '../test-support/taro-files';
import { useFileExport, type FileToExport } from './useFileExport';

const mockWriteFile = jest.fn<void, [WriteFileOptions]>((options) => options.success());
jest.mock('@tarojs/taro', () => jest.requireActual('../test-support/taro-files').filesTaroMock((options: WriteFileOptions) => mockWriteFile(options)));

const shareFileMessage = Taro.shareFileMessage as jest.Mock;

const report = (name: string, count: number): FileToExport<{ count: number }> => ({ name, text: '{}', mime: 'application/json', about: { count } });

beforeEach(() => jest.clearAllMocks());

describe('useFileExport', () => {
  test('when the file is saved, then it is on offer with what it holds, and sharing sends that file', async () => {
    const { result } = renderHook(() => useFileExport(async () => report('my-data.json', 3)));
    await act(async () => void (await result.current.save()));
    expect(result.current.saved).toEqual({ file: { path: 'wxfile://usr/my-data.json', name: 'my-data.json' }, about: { count: 3 } });
    expect(result.current.canShare).toBe(true);
    await act(async () => void (await result.current.share()));
    expect(shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://usr/my-data.json', fileName: 'my-data.json' });
    expect(result.current.failure).toBeNull();
  });

  test('when a new export starts, then the previous file is gone until the new one is saved', async () => {
    let finish!: (file: FileToExport<{ count: number }>) => void;
    let prepare = async () => report('first.json', 1);
    const { result } = renderHook(() => useFileExport(() => prepare()));
    await act(async () => void (await result.current.save()));
    expect(result.current.saved?.file.name).toBe('first.json');

    prepare = () => new Promise((resolve) => (finish = resolve));
    let second!: Promise<boolean>;
    act(() => void (second = result.current.save()));
    expect(result.current).toMatchObject({ saving: true, saved: null });
    await act(async () => {
      finish(report('second.json', 2));
      await second;
    });
    expect(result.current.saved).toMatchObject({ file: { name: 'second.json' }, about: { count: 2 } });
  });

  test('when the new export fails, then no file stays on offer and the failure reads in Chinese', async () => {
    const { result } = renderHook(() => useFileExport(async () => report('my-data.json', 3)));
    await act(async () => void (await result.current.save()));
    mockWriteFile.mockImplementationOnce((options) => options.fail({ errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded' }));
    await act(async () => void (await result.current.save()));
    expect(result.current).toMatchObject({ saved: null, failure: '手机存储空间不足，文件未保存，请清理后重试' });
  });

  test('when sending to a chat fails, then that reads in words, and a new export clears it', async () => {
    const { result } = renderHook(() => useFileExport(async () => report('my-data.json', 3)));
    await act(async () => void (await result.current.save()));
    shareFileMessage.mockRejectedValueOnce({ errMsg: 'shareFileMessage:fail file not found' });
    await act(async () => void (await result.current.share()));
    expect(result.current.failure).toBe('未能发送文件，请重试');
    expect(result.current.saved?.file.name).toBe('my-data.json'); // still there to try again

    await act(async () => void (await result.current.save()));
    expect(result.current.failure).toBeNull();
  });

  test('when the person closes the chat picker, then nothing is said', async () => {
    const { result } = renderHook(() => useFileExport(async () => report('my-data.json', 3)));
    await act(async () => void (await result.current.save()));
    shareFileMessage.mockRejectedValueOnce({ errMsg: 'shareFileMessage:fail cancel' });
    await act(async () => void (await result.current.share()));
    expect(result.current.failure).toBeNull();
  });
});
