// Uploads driven from the photo list (随手拍, 补充说明), with the device and the API stood in.
import { act, renderHook } from '@testing-library/react';
import { useState } from 'react';
import { ApiError } from '../../api/error';
import { uploadPhoto } from '../../api/upload';
import { pickPhotos } from '../../services/media';
import { preparePhoto } from './photo-encoder';
import { UNREADABLE_PHOTO } from './photo-failure';
import type { DraftPhoto } from './photos';
import { PARALLEL_UPLOADS, usePhotoUploads } from './usePhotoUploads';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
jest.mock('../../api/upload', () => ({ uploadPhoto: jest.fn() }));
jest.mock('../../services/media', () => ({ pickPhotos: jest.fn() }));
jest.mock('./photo-encoder', () => ({ preparePhoto: jest.fn() }));

const upload = uploadPhoto as jest.Mock;
const pick = pickPhotos as jest.Mock;
const prepare = preparePhoto as jest.Mock;

/** Uploads the test finishes one by one, in any order. */
const pending = new Map<string, { resolve: (id: string) => void; reject: (e: unknown) => void; progress?: (pct: number) => void }>();

beforeEach(() => {
  jest.clearAllMocks();
  pending.clear();
  prepare.mockImplementation(async (path: string) => ({ path: `${path}-small`, width: 1600, height: 1200, bytes: 300_000 }));
  upload.mockImplementation(
    (path: string, onProgress?: (pct: number) => void) =>
      new Promise((resolve, reject) => {
        pending.set(path, { resolve: (id) => resolve({ id, url: '', thumbUrl: '', width: 1600, height: 1200 }), reject, progress: onProgress });
      }),
  );
});

function renderUploads() {
  return renderHook(() => {
    const [photos, setPhotos] = useState<DraftPhoto[]>([]);
    return { photos, ...usePhotoUploads(photos, setPhotos) };
  });
}

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const statuses = (photos: DraftPhoto[]) => photos.map((p) => p.status);

describe('usePhotoUploads', () => {
  test('when three photos are picked, then at most two upload at once and each ends with its media id', async () => {
    pick.mockResolvedValueOnce(['blob:a', 'blob:b', 'blob:c']);
    const { result } = renderUploads();
    await act(() => result.current.addFromDevice());
    await flush();
    expect(PARALLEL_UPLOADS).toBe(2);
    expect([...pending.keys()]).toEqual(['blob:a-small', 'blob:b-small']);
    expect(statuses(result.current.photos)).toEqual(['uploading', 'uploading', 'preparing']);

    await act(async () => pending.get('blob:a-small')?.progress?.(55));
    expect(result.current.photos[0].progress).toBe(55);
    await act(async () => pending.get('blob:b-small')?.resolve('bbbbbbbbbbbbbbbbbbbbbbbb'));
    await flush();
    expect([...pending.keys()]).toContain('blob:c-small'); // a place freed, the third starts
    await act(async () => pending.get('blob:a-small')?.resolve('aaaaaaaaaaaaaaaaaaaaaaaa'));
    await act(async () => pending.get('blob:c-small')?.resolve('cccccccccccccccccccccccc'));
    await flush();
    expect(result.current.photos.map((p) => [p.status, p.mediaId])).toEqual([
      ['uploaded', 'aaaaaaaaaaaaaaaaaaaaaaaa'],
      ['uploaded', 'bbbbbbbbbbbbbbbbbbbbbbbb'],
      ['uploaded', 'cccccccccccccccccccccccc'],
    ]);
  });

  test('when an upload fails, then that photo shows the message, and a retry uploads it again', async () => {
    pick.mockResolvedValueOnce(['blob:a']);
    const { result } = renderUploads();
    await act(() => result.current.addFromDevice());
    await flush();
    await act(async () => pending.get('blob:a-small')?.reject(ApiError.client('NETWORK_ERROR')));
    await flush();
    expect(result.current.photos[0]).toMatchObject({ status: 'failed', error: '网络连接失败，请检查网络后重试', retryable: true });

    pending.clear();
    act(() => result.current.retryPhoto(result.current.photos[0].key));
    await flush();
    expect(statuses(result.current.photos)).toEqual(['uploading']);
    await act(async () => pending.get('blob:a-small')?.resolve('aaaaaaaaaaaaaaaaaaaaaaaa'));
    await flush();
    expect(result.current.photos[0]).toMatchObject({ status: 'uploaded', mediaId: 'aaaaaaaaaaaaaaaaaaaaaaaa' });
  });

  test('when WeChat cannot compress a photo, then it fails with a reason about the photo, not the network, and offers no retry', async () => {
    prepare.mockRejectedValueOnce({ errMsg: 'compressImage:fail file not found' });
    pick.mockResolvedValueOnce(['wxfile://gone.jpg']);
    const { result } = renderUploads();
    await act(() => result.current.addFromDevice());
    await flush();
    expect(result.current.photos[0]).toMatchObject({ status: 'failed', error: UNREADABLE_PHOTO, retryable: false });
    expect(upload).not.toHaveBeenCalled();
  });

  test('when a photo is removed while it waits its turn, then it is never uploaded', async () => {
    pick.mockResolvedValueOnce(['blob:a', 'blob:b', 'blob:c']);
    const { result } = renderUploads();
    await act(() => result.current.addFromDevice());
    await flush();
    act(() => result.current.removePhoto(result.current.photos[2].key));
    await act(async () => pending.get('blob:a-small')?.resolve('aaaaaaaaaaaaaaaaaaaaaaaa'));
    await flush();
    expect(prepare.mock.calls.map((c) => c[0])).toEqual(['blob:a', 'blob:b']);
    expect(result.current.photos).toHaveLength(2);
  });

  test('when the picker is closed without a choice, then nothing changes', async () => {
    pick.mockResolvedValueOnce([]);
    const { result } = renderUploads();
    await act(() => result.current.addFromDevice());
    expect(result.current.photos).toEqual([]);
    expect(prepare).not.toHaveBeenCalled();
  });
});
