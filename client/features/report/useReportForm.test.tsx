// The 随手拍 form while its tab stays open: signing out empties it, for the next person.
import { act, renderHook } from '@testing-library/react';
import { cases } from '../../api/cases';
import { ApiError } from '../../api/error';
import { adoptLogin, forgetSession } from '../../api/session';
import { addPhotos, EXPIRED_PHOTO, photoSteps, UPLOAD_USABLE_MS } from '../photos/photos';
import { loadDraft } from './draft';
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
});
