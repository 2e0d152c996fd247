import { taroMock } from '../../test-support/taro-mock';
import { clearDraft, hasContent, hasOwnDescriptionOrPhotos, loadDraft, newDraft, restoreDraft, saveDraft } from './draft';
import { addPhotos, photoSteps } from '../photos/photos';

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
});
