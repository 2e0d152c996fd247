// The 随手拍 form while its tab stays open: signing out empties it, for the next person; after a
// restart its uploads are previewed from the server.
import { act, renderHook } from '@testing-library/react';
import { cases } from '../../api/cases';
import { ApiError } from '../../api/error';
import { media } from '../../api/media';
import { adoptLogin, forgetSession } from '../../api/session';
import { addPhotos, EXPIRED_PHOTO, photoSteps, PICKED_FILE_GONE, UPLOAD_USABLE_MS } from '../photos/photos';
import { clearDraft, loadDraft, newDraft, saveDraft } from './draft';
import { useReportForm } from './useReportForm';

jest.mock('@tarojs/taro', () => jest.requireActual('../../test-support/taro-mock').taroMock());

const signIn = () =>
  adoptLogin({ token: 't', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', role: 'resident', name: '居民', phone: null, stationId: null, community: null } });

describe('useReportForm', () => {
  test('when the resident signs out with the form open, then it empties (and so does the stored draft)', () => {
    act(() => void signIn());
    const { result } = renderHook(() => useReportForm());
    act(() => result.current.patch({ category: 'parking', description: '车停在消防通道' }));
    const key = result.current.idempotencyKey;
    expect(loadDraft().form.description).toBe('车停在消防通道');

    act(() => forgetSession());

    expect(result.current.form).toMatchObject({ category: null, description: '' });
    expect(result.current.idempotencyKey).not.toBe(key);
    expect(loadDraft().form.description).toBe('');
  });

  describe('when sending a form whose photos the server may no longer have', () => {
    const place = { lat: 31.2, lng: 121.4, address: '幸福路 1 号' };
    const withPhotos = (uploadedAt: number) => {
      let photos = addPhotos([], ['wxfile://a.jpg']);
      photos = photoSteps.uploaded(photos, photos[0].key, 'aaaaaaaaaaaaaaaaaaaaaaaa', uploadedAt);
      return { category: 'parking', description: '车停在消防通道', place, photos };
    };
    afterEach(() => jest.restoreAllMocks());

    test('when the server answers MEDIA_NOT_FOUND, then the uploaded photos fail as expired and the resident is told to replace them', async () => {
      const create = jest.spyOn(cases, 'create').mockRejectedValue(ApiError.fromResponse(404, { error: { code: 'MEDIA_NOT_FOUND', message: '图片不存在' } }));
      const { result } = renderHook(() => useReportForm());
      act(() => result.current.patch(withPhotos(Date.now())));

      let outcome: Awaited<ReturnType<typeof result.current.submit>> | undefined;
      await act(async () => void (outcome = await result.current.submit()));

      expect(create).toHaveBeenCalledTimes(1);
      expect(outcome).toEqual({ ok: false, message: expect.stringContaining('过期') });
      expect(result.current.form.photos[0]).toMatchObject({ status: 'failed', error: EXPIRED_PHOTO, retryable: false });
    });

    test('when an upload is older than the server keeps it, then it fails as expired before anything is sent', async () => {
      const create = jest.spyOn(cases, 'create');
      const { result } = renderHook(() => useReportForm());
      act(() => result.current.patch(withPhotos(Date.now() - UPLOAD_USABLE_MS - 1)));

      let outcome: Awaited<ReturnType<typeof result.current.submit>> | undefined;
      await act(async () => void (outcome = await result.current.submit()));

      expect(create).not.toHaveBeenCalled();
      expect(outcome).toMatchObject({ ok: false });
      expect(result.current.form.photos[0]).toMatchObject({ status: 'failed', error: EXPIRED_PHOTO });
    });
  });

  describe('when the app restarts with a draft whose photos were picked in the last launch', () => {
    const A = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    const B = 'bbbbbbbbbbbbbbbbbbbbbbbb';
    const signed = (id: string) => ({ id, url: `/api/media/${id}?exp=9&sig=new`, thumbUrl: `/api/media/${id}/thumb?exp=9&sig=new`, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });

    beforeEach(() => {
      const draft = newDraft();
      let photos = addPhotos([], ['http://tmp/a.jpg', 'http://tmp/b.jpg', 'http://tmp/c.jpg']);
      photos = photoSteps.uploaded(photos, photos[0].key, A);
      photos = photoSteps.uploaded(photos, photos[1].key, B);
      photos = photoSteps.uploading(photos, photos[2].key);
      saveDraft({ ...draft, form: { ...draft.form, photos } });
    });
    afterEach(() => {
      jest.restoreAllMocks();
      clearDraft();
    });

    test('then each upload shows the server\'s thumbnail, signed afresh, and the unfinished photo asks to be picked again', async () => {
      const signedUrls = jest.spyOn(media, 'signedUrls').mockImplementation(async (id) => signed(id));
      const { result } = renderHook(() => useReportForm());
      await act(async () => undefined);

      expect(signedUrls.mock.calls).toEqual([[A], [B]]);
      expect(result.current.form.photos.map((p) => [p.status, p.localPath, p.thumbUrl])).toEqual([
        ['uploaded', '', signed(A).thumbUrl],
        ['uploaded', '', signed(B).thumbUrl],
        ['failed', '', undefined],
      ]);
      expect(result.current.form.photos[2]).toMatchObject({ error: PICKED_FILE_GONE, retryable: false });
    });

    test('then an upload the server no longer has fails as expired, and the other is still previewed', async () => {
      jest.spyOn(media, 'signedUrls').mockImplementation(async (id) => {
        if (id === A) throw ApiError.fromResponse(404, { error: { code: 'MEDIA_NOT_FOUND', message: '图片不存在' } });
        return signed(id);
      });
      const { result } = renderHook(() => useReportForm());
      await act(async () => undefined);

      expect(result.current.form.photos[0]).toMatchObject({ status: 'failed', error: EXPIRED_PHOTO, mediaId: undefined });
      expect(result.current.form.photos[1]).toMatchObject({ status: 'uploaded', mediaId: B, thumbUrl: signed(B).thumbUrl });
    });

    test('then a network failure leaves the upload as it is, to be sent all the same', async () => {
      jest.spyOn(media, 'signedUrls').mockRejectedValue(ApiError.client('NETWORK_ERROR'));
      const { result } = renderHook(() => useReportForm());
      await act(async () => undefined);

      expect(result.current.form.photos.slice(0, 2).map((p) => [p.status, p.mediaId, p.thumbUrl])).toEqual([
        ['uploaded', A, undefined],
        ['uploaded', B, undefined],
      ]);
    });
  });
});
