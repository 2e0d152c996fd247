import { taroMock } from '../../test-support/taro-mock';
import { clearDraft, hasContent, hasOwnDescriptionOrPhotos, loadDraft, newDraft, restoreDraft, saveDraft } from './draft';
import { addPhotos, awaitingServerPreview, EXPIRED_PHOTO, photoSteps, PICKED_FILE_GONE, UPLOAD_USABLE_MS } from '../photos/photos';

jest.mock('@tarojs/taro', () => jest.requireActual('../../test-support/taro-mock').taroMock());

describe('report draft', () => {
  test('when a draft is saved and the app restarts, then the form and its idempotency key come back', () => {
    const draft = newDraft();
    let photos = addPhotos([], ['wxfile://a.jpg', 'wxfile://b.jpg']);
    photos = photoSteps.uploaded(photos, photos[0].key, 'aaaaaaaaaaaaaaaaaaaaaaaa');
    photos = photoSteps.uploading(photos, photos[1].key);
    saveDraft({ ...draft, form: { ...draft.form, category: 'parking', description: '车停在消防通道', photos } });

    const restored = loadDraft();
    expect(restored.idempotencyKey).toBe(draft.idempotencyKey);
    expect(restored.form.category).toBe('parking');
    expect(restored.form.description).toBe('车停在消防通道');
    expect(restored.form.photos.map((p) => [p.status, p.mediaId])).toEqual([
      ['uploaded', 'aaaaaaaaaaaaaaaaaaaaaaaa'],
      ['failed', undefined],
    ]);
  });

  test('when a place stood in by a community station is saved, then it comes back as a stand-in; a malformed stand-in is dropped', () => {
    const draft = newDraft();
    const standIn = { station: '平桥村工作站', community: '平桥村' };
    saveDraft({ ...draft, form: { ...draft.form, place: { lat: 32.52, lng: 120.46, address: '村口', standIn } } });
    expect(loadDraft().form.place).toEqual({ lat: 32.52, lng: 120.46, address: '村口', standIn });
    const stored = { ...draft, form: { ...draft.form, place: { lat: 32.52, lng: 120.46, address: '村口', standIn: { station: 7 } } } };
    expect(restoreDraft(stored).form.place).toEqual({ lat: 32.52, lng: 120.46, address: '村口' });
  });

  test('when the app restarts, then no photo previews the picker\'s dead temp file: the upload waits for the server\'s thumbnail, the unfinished one asks to be picked again', () => {
    const draft = newDraft();
    let photos = addPhotos([], ['http://tmp/a.jpg', 'http://tmp/b.jpg']);
    photos = photoSteps.uploaded(photos, photos[0].key, 'aaaaaaaaaaaaaaaaaaaaaaaa');
    photos = photoSteps.serverPreview(photos, photos[0].key, '/api/media/aaaaaaaaaaaaaaaaaaaaaaaa/thumb?exp=1&sig=last-launch');
    photos = photoSteps.uploading(photos, photos[1].key);
    saveDraft({ ...draft, form: { ...draft.form, photos } });

    const restored = loadDraft().form.photos;
    expect(restored.map((p) => [p.localPath, p.thumbUrl])).toEqual([
      ['', undefined],
      ['', undefined],
    ]);
    expect(awaitingServerPreview(restored)).toEqual([{ key: photos[0].key, mediaId: 'aaaaaaaaaaaaaaaaaaaaaaaa' }]);
    expect(restored[1]).toMatchObject({ status: 'failed', error: PICKED_FILE_GONE, retryable: false });
  });

  test('when the draft is cleared, then a new form with a new key opens', () => {
    const draft = newDraft();
    saveDraft(draft);
    clearDraft();
    const next = loadDraft();
    expect(next.idempotencyKey).not.toBe(draft.idempotencyKey);
    expect(hasContent(next.form)).toBe(false);
  });

  test('when storage holds something broken, then a new draft opens instead of a crash', () => {
    expect(restoreDraft('garbage').form.category).toBeNull();
    expect(restoreDraft({ version: 1, form: {}, idempotencyKey: 'not-a-key' }).idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    const odd = restoreDraft({ version: 1, idempotencyKey: 'a'.repeat(32), form: { description: 42, photos: [{ nope: 1 }], place: { lat: 'x' } } });
    expect(odd.form).toMatchObject({ description: '', photos: [], place: null });
  });

  test('when two forms open, then their idempotency keys differ and have the server-accepted shape', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newDraft().idempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  test('when only a category and place are chosen, then 我也遇到 loses nothing of the resident\'s own; a description or a photo is theirs', () => {
    const form = { ...newDraft().form, category: 'parking', place: { lat: 31.2, lng: 121.4, address: '幸福路' } };
    expect(hasOwnDescriptionOrPhotos(form)).toBe(false);
    expect(hasOwnDescriptionOrPhotos({ ...form, description: '  ' })).toBe(false);
    expect(hasOwnDescriptionOrPhotos({ ...form, description: '车停在消防通道' })).toBe(true);
    expect(hasOwnDescriptionOrPhotos({ ...form, photos: addPhotos([], ['wxfile://a.jpg']) })).toBe(true);
  });

  test('when a draft is reopened the next day, then photos uploaded more than 20 h ago fail as expired and the fresh one stays', () => {
    const now = Date.UTC(2024, 4, 2, 9);
    let photos = addPhotos([], ['wxfile://a.jpg', 'wxfile://b.jpg']);
    photos = photoSteps.uploaded(photos, photos[0].key, 'aaaaaaaaaaaaaaaaaaaaaaaa', now - UPLOAD_USABLE_MS - 3600_000);
    photos = photoSteps.uploaded(photos, photos[1].key, 'bbbbbbbbbbbbbbbbbbbbbbbb', now - 3600_000);
    const stored = { ...newDraft(), form: { ...newDraft().form, photos } };

    const restored = restoreDraft(JSON.parse(JSON.stringify(stored)), now);
    expect(restored.form.photos.map((p) => [p.status, p.mediaId, p.error, p.retryable])).toEqual([
      ['failed', undefined, EXPIRED_PHOTO, false],
      ['uploaded', 'bbbbbbbbbbbbbbbbbbbbbbbb', undefined, undefined],
    ]);
  });

  test('when a draft kept by an older build has uploads with no upload time, then they fail as expired; its failed ones, their files gone, must be picked again', () => {
    const old = [
      { key: 'p1', localPath: 'wxfile://a.jpg', status: 'uploaded', progress: 100, mediaId: 'aaaaaaaaaaaaaaaaaaaaaaaa' },
      { key: 'p2', localPath: 'wxfile://b.jpg', status: 'failed', progress: 0, error: '网络连接失败，请检查网络后重试' },
    ];
    const restored = restoreDraft({ version: 1, idempotencyKey: 'a'.repeat(32), savedAt: Date.now(), form: { photos: old } });
    expect(restored.form.photos.map((p) => [p.status, p.error, p.retryable])).toEqual([
      ['failed', EXPIRED_PHOTO, false],
      ['failed', PICKED_FILE_GONE, false],
    ]);
  });
});
