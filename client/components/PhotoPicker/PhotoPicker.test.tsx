// The photo list as the resident sees it: each photo's state, retry, remove, and the 9-photo limit.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { addPhotos, MAX_PHOTOS, photoSteps, settleAfterRestart, type DraftPhoto } from '../../features/photos/photos';
import PhotoPicker from '.';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
// weapp loads the API's relative photo URLs from its origin.
(globalThis as { CITYCARE_API_BASE_URL?: string }).CITYCARE_API_BASE_URL = 'http://api.test';

function listOf(count: number): DraftPhoto[] {
  return addPhotos([], Array.from({ length: count }, (_, i) => `blob:photo-${i}`));
}

function renderPicker(photos: DraftPhoto[]) {
  const handlers = { onAdd: jest.fn(), onRetry: jest.fn(), onRemove: jest.fn() };
  const { unmount } = render(<PhotoPicker photos={photos} {...handlers} />);
  return { ...handlers, unmount };
}

describe('PhotoPicker', () => {
  test('when photos are at different steps, then each shows its own: 压缩中, 上传中 with its percent, nothing once uploaded, 重试 when failed', () => {
    let photos = listOf(4);
    const [, uploading, uploaded, failed] = photos.map((p) => p.key);
    photos = photoSteps.progress(photoSteps.uploading(photos, uploading), uploading, 41.6);
    photos = photoSteps.uploaded(photos, uploaded, '0123456789abcdef01234567');
    photos = photoSteps.failed(photos, failed, '网络连接失败', true);
    renderPicker(photos);

    const items = screen.getAllByTestId('photo-item');
    expect(items.map((item) => item.getAttribute('data-status'))).toEqual(['preparing', 'uploading', 'uploaded', 'failed']);
    expect(items[0].textContent).toContain('压缩中');
    expect(items[1].textContent).toContain('上传中');
    expect(items[1].textContent).toContain('42%');
    expect(items[2].textContent).toBe('×'); // only the remove button over the picture
    expect(items[3].textContent).toContain('重试');
    expect(items.map((item) => item.querySelector('img')?.getAttribute('src'))).toEqual(['blob:photo-0', 'blob:photo-1', 'blob:photo-2', 'blob:photo-3']);
  });

  test('when the resident taps a failed photo, then it is retried; tapping one still uploading does nothing', () => {
    let photos = listOf(2);
    photos = photoSteps.failed(photoSteps.uploading(photos, photos[0].key), photos[0].key, 'x', true);
    photos = photoSteps.uploading(photos, photos[1].key);
    const { onRetry } = renderPicker(photos);

    fireEvent.click(screen.getByTestId('photo-retry'));
    expect(onRetry).toHaveBeenCalledWith(photos[0].key);
    fireEvent.click(within(screen.getAllByTestId('photo-item')[1]).getByText('上传中'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  test('when a photo failed, then its reason shows under it; only a network failure offers 重试', () => {
    let photos = listOf(2);
    photos = photoSteps.failed(photos, photos[0].key, '网络连接失败，请检查网络后重试', true);
    photos = photoSteps.failed(photos, photos[1].key, '照片过大，无法压缩到 400 KB 以内，请换一张', false);
    const { onRetry } = renderPicker(photos);

    expect(screen.getAllByTestId('photo-error').map((e) => e.textContent)).toEqual(['网络连接失败，请检查网络后重试', '照片过大，无法压缩到 400 KB 以内，请换一张']);
    expect(screen.getAllByTestId('photo-retry')).toHaveLength(1);
    const tooLarge = screen.getAllByTestId('photo-item')[1];
    expect(tooLarge.textContent).toContain('上传失败');
    expect(tooLarge.textContent).not.toContain('重试');
    fireEvent.click(within(tooLarge).getByText('上传失败'));
    expect(onRetry).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('photo-retry'));
    expect(onRetry).toHaveBeenCalledWith(photos[0].key);
  });

  test('when a draft is restored after a restart, then an upload shows the server\'s thumbnail (已上传 until it comes), never the dead temp file', () => {
    let photos = listOf(3);
    photos = photoSteps.uploaded(photos, photos[0].key, 'aaaaaaaaaaaaaaaaaaaaaaaa');
    photos = photoSteps.uploaded(photos, photos[1].key, 'bbbbbbbbbbbbbbbbbbbbbbbb');
    photos = settleAfterRestart(photos);
    photos = photoSteps.serverPreview(photos, photos[0].key, '/api/media/aaaaaaaaaaaaaaaaaaaaaaaa/thumb?exp=9&sig=s');
    renderPicker(photos);

    const items = screen.getAllByTestId('photo-item');
    expect(items.map((item) => item.querySelector('img')?.getAttribute('src') ?? null)).toEqual(['http://api.test/api/media/aaaaaaaaaaaaaaaaaaaaaaaa/thumb?exp=9&sig=s', null, null]);
    expect(items[1].textContent).toContain('已上传');
    expect(items[2].textContent).toContain('上传失败');
    expect(screen.getByTestId('photo-error').textContent).toContain('重新选择');
  });

  test('when the resident taps ×, then that photo is removed', () => {
    const photos = listOf(3);
    const { onRemove } = renderPicker(photos);
    fireEvent.click(screen.getAllByTestId('photo-remove')[1]);
    expect(onRemove).toHaveBeenCalledWith(photos[1].key);
  });

  test('when fewer than 9 photos are chosen, then the add tile counts them; at 9 it is gone', () => {
    const { onAdd, unmount } = renderPicker(listOf(3));
    expect(screen.getByTestId('photo-add').textContent).toContain(`3/${MAX_PHOTOS}`);
    fireEvent.click(screen.getByTestId('photo-add'));
    expect(onAdd).toHaveBeenCalledTimes(1);
    unmount();

    renderPicker(listOf(MAX_PHOTOS));
    expect(screen.getAllByTestId('photo-item')).toHaveLength(MAX_PHOTOS);
    expect(screen.queryByTestId('photo-add')).toBeNull();
  });
});
