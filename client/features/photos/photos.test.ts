import { addPhotos, MAX_PHOTOS, photosBusy, photosFailed, photoSteps, settleAfterRestart, slotsLeft, uploadedMediaIds } from './photos';

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
    list = photoSteps.failed(list, b, '网络连接失败');
    list = photoSteps.uploaded(list, a, 'm-a');
    expect(uploadedMediaIds(list)).toEqual(['m-a', 'm-c']);
    expect(photosFailed(list)).toBe(1);
    expect(photosBusy(list)).toBe(false);
  });

  test('when a failed photo is retried, then it is busy again with its error cleared', () => {
    let list = addPhotos([], paths(1));
    const key = list[0].key;
    list = photoSteps.failed(list, key, '网络连接失败');
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

  test('when the app restarts mid-upload, then unfinished photos wait for a retry and uploaded ones stay', () => {
    let list = addPhotos([], paths(3));
    list = photoSteps.uploaded(list, list[0].key, 'm-0');
    list = photoSteps.uploading(list, list[1].key);
    const settled = settleAfterRestart(list);
    expect(settled.map((p) => p.status)).toEqual(['uploaded', 'failed', 'failed']);
    expect(settled[1].error).toContain('重试');
  });
});
