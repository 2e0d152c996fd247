import { ApiError } from '../../api/error';
import { PhotoProblem, PhotoTooLargeError } from './resize';
import { photoFailure, UNREADABLE_PHOTO } from './photo-failure';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

describe('photoFailure', () => {
  test.each([
    ['the network dropped', ApiError.client('NETWORK_ERROR'), '网络连接失败，请检查网络后重试', true],
    ['the server was away', ApiError.fromResponse(503, {}), undefined, true],
    ['the server refused the file', ApiError.fromResponse(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: '文件过大' } }), '文件过大', false],
    ['the photo cannot fit 400 KB', new PhotoTooLargeError(), '照片过大，无法压缩到 400 KB 以内，请换一张', false],
    ['the browser cannot compress photos', new PhotoProblem('此浏览器无法压缩照片'), '此浏览器无法压缩照片', false],
    ['something else broke, whatever its words', new Error('读取失败'), UNREADABLE_PHOTO, false],
    ['WeChat could not compress it', { errMsg: 'compressImage:fail' }, UNREADABLE_PHOTO, false],
    ['the browser could not read a blob that is gone', new TypeError('Failed to fetch'), UNREADABLE_PHOTO, false],
  ])('when %s, then the reason and whether to retry follow', (_, error, message, retryable) => {
    const failure = photoFailure(error);
    if (message) expect(failure.message).toBe(message);
    expect(failure.message).not.toBe('');
    expect(failure.retryable).toBe(retryable);
  });
});
