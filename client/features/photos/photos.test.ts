import {
  addPhotos,
  awaitingServerPreview,
  EXPIRED_PHOTO,
  expireAllUploads,
  expireOldUploads,
  MAX_PHOTOS,
  photosBusy,
  photosFailed,
  photoSteps,
  PICKED_FILE_GONE,
  settleAfterRestart,
  slotsLeft,
  UPLOAD_USABLE_MS,
  uploadedMediaIds,
} from './photos';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

const paths = (n: number, prefix = 'blob:p') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('photo list', () => {
  test('when 12 photos are picked, then only 9 are kept and no slot is left', () => {
    const list = addPhotos([], paths(12));
    expect(list).toHaveLength(MAX_PHOTOS);
    expect(slotsLeft(list)).toBe(0);
    expect(list.every((p) => p.status === 'preparing')).toBe(true);
  });

  test('when photos are added to a list of 7, then only 2 more fit', () => {
    const list = addPhotos(addPhotos([], paths(7)), paths(5, 'blob:q'));
    expect(list).toHaveLength(9);
    expect(list.map((p) => p.localPath).slice(7)).toEqual(['blob:q0', 'blob:q1']);
  });

  test('when each photo gets its own key, then steps change only that photo', () => {
    let list = addPhotos([], paths(2));
    const [a, b] = list;
    expect(a.key).not.toBe(b.key);
    list = photoSteps.uploading(list, a.key);
    list = photoSteps.progress(list, a.key, 140);
    expect(list[0]).toMatchObject({ status: 'uploading', progress: 100 });
    expect(list[1]).toMatchObject({ status: 'preparing', progress: 0 });
  });

  test('when uploads finish out of order, then media ids follow the order on screen, failed ones left out', () => {
    let list = addPhotos([], paths(3));
    const [a, b, c] = list.map((p) => p.key);
    list = photoSteps.uploaded(list, c, 'm-c');
    list = photoSteps.failed(list, b, '网络连接失败', true);
    list = photoSteps.uploaded(list, a, 'm-a');
    expect(uploadedMediaIds(list)).toEqual(['m-a', 'm-c']);
    expect(photosFailed(list)).toBe(1);
    expect(photosBusy(list)).toBe(false);
  });

  test('when a failed photo is retried, then it is busy again with its error cleared', () => {
    let list = addPhotos([], paths(1));
    const key = list[0].key;
    list = photoSteps.failed(list, key, '网络连接失败', true);
    list = photoSteps.retry(list, key);
    expect(list[0]).toMatchObject({ status: 'preparing', error: undefined });
    expect(photosBusy(list)).toBe(true);
  });

  test('when a photo is removed, then a slot frees up', () => {
    let list = addPhotos([], paths(9));
    list = photoSteps.remove(list, list[4].key);
    expect(list).toHaveLength(8);
    expect(slotsLeft(list)).toBe(1);
  });

  test('when the app restarts mid-upload, then an upload stays, to be previewed from the server, and a photo not uploaded must be picked again', () => {
    let list = addPhotos([], paths(4));
    list = photoSteps.uploaded(list, list[0].key, 'm-0');
    list = photoSteps.uploading(list, list[1].key);
    list = photoSteps.failed(list, list[3].key, '网络连接失败，请检查网络后重试', true);
    const settled = settleAfterRestart(list);

    // The picked files are temp files of the last launch: nothing may show or re-read them.
    expect(settled.map((p) => p.localPath)).toEqual(['', '', '', '']);
    expect(settled[0]).toMatchObject({ status: 'uploaded', mediaId: 'm-0' });
    for (const unfinished of settled.slice(1)) {
      expect(unfinished).toMatchObject({ status: 'failed', error: PICKED_FILE_GONE, retryable: false });
    }
    expect(PICKED_FILE_GONE).toContain('重新选择');
    expect(awaitingServerPreview(settled)).toEqual([{ key: list[0].key, mediaId: 'm-0' }]);
  });

  test('when the app restarts, then a photo that had failed for a reason of its own keeps that reason', () => {
    let list = addPhotos([], paths(1));
    list = photoSteps.failed(list, list[0].key, '照片过大，无法压缩到 400 KB 以内，请换一张', false);
    expect(settleAfterRestart(list)[0]).toMatchObject({ status: 'failed', error: '照片过大，无法压缩到 400 KB 以内，请换一张', retryable: false });
  });

  test('when the app restarts again, then a thumbnail signed in the last launch is dropped, to be signed afresh', () => {
    let list = addPhotos([], paths(1));
    list = photoSteps.uploaded(list, list[0].key, 'm-0');
    list = photoSteps.serverPreview(settleAfterRestart(list), list[0].key, '/api/media/m-0/thumb?exp=1&sig=old');
    expect(awaitingServerPreview(list)).toEqual([]);

    const again = settleAfterRestart(list);
    expect(again[0].thumbUrl).toBeUndefined();
    expect(awaitingServerPreview(again)).toEqual([{ key: list[0].key, mediaId: 'm-0' }]);
  });

  test('when the server no longer has a restored upload, then it fails as expired and is not sent', () => {
    let list = addPhotos([], paths(2));
    list = photoSteps.uploaded(list, list[0].key, 'm-0');
    list = photoSteps.uploaded(list, list[1].key, 'm-1');
    const after = photoSteps.goneFromServer(settleAfterRestart(list), list[0].key);
    expect(after[0]).toMatchObject({ status: 'failed', error: EXPIRED_PHOTO, retryable: false, mediaId: undefined });
    expect(uploadedMediaIds(after)).toEqual(['m-1']);
  });

  test('while a photo picked in this launch is uploaded, then its preview is the picked file, not the server', () => {
    let list = addPhotos([], paths(1));
    list = photoSteps.uploaded(list, list[0].key, 'm-0');
    expect(awaitingServerPreview(list)).toEqual([]);
  });

  test('when an upload is older than the server keeps it unattached, then it fails as expired and is not sent', () => {
    const t0 = Date.UTC(2024, 4, 1, 8);
    let list = addPhotos([], paths(3));
    list = photoSteps.uploaded(list, list[0].key, 'm-old', t0);
    list = photoSteps.uploaded(list, list[1].key, 'm-new', t0 + 2 * 3600_000);
    const later = expireOldUploads(list, t0 + UPLOAD_USABLE_MS + 60_000);
    expect(later.map((p) => p.status)).toEqual(['failed', 'uploaded', 'preparing']);
    expect(later[0]).toMatchObject({ error: EXPIRED_PHOTO, retryable: false, mediaId: undefined });
    expect(uploadedMediaIds(later)).toEqual(['m-new']);
    expect(expireOldUploads(list, t0 + UPLOAD_USABLE_MS)).toEqual(list); // not yet
  });

  test('when the server says a photo is gone without saying which, then every uploaded photo fails as expired', () => {
    let list = addPhotos([], paths(3));
    list = photoSteps.uploaded(list, list[0].key, 'm-0');
    list = photoSteps.uploaded(list, list[1].key, 'm-1');
    const after = expireAllUploads(list);
    expect(after.map((p) => [p.status, p.error])).toEqual([
      ['failed', EXPIRED_PHOTO],
      ['failed', EXPIRED_PHOTO],
      ['preparing', undefined],
    ]);
    expect(uploadedMediaIds(after)).toEqual([]);
  });

  test('when an expired photo would be retried, then it uploads afresh with no old media id or time', () => {
    let list = addPhotos([], paths(1));
    list = expireAllUploads(photoSteps.uploaded(list, list[0].key, 'm-0', 1));
    list = photoSteps.retry(list, list[0].key);
    expect(list[0]).toMatchObject({ status: 'preparing', mediaId: undefined, uploadedAt: undefined, retryable: undefined });
  });
});
