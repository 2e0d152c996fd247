// Signing out on a shared phone: nothing of the account stays for the next person.
import { addPhotos, photoSteps } from '../photos/photos';
import { hasContent, loadDraft, newDraft, saveDraft } from '../report/draft';
import Taro from '@tarojs/taro';
import { signOut } from './leave';
import { isRead, markRead } from '../notices/read-marks';

jest.mock('@tarojs/taro', () => jest.requireActual('../../test-support/taro-mock').taroMock());
jest.mock('../../api/account', () => ({ account: { logout: jest.fn(async () => undefined) } }));

describe('signing out', () => {
  test('when the resident signs out with a 随手拍 draft, then the next person opens an empty form with a new key', async () => {
    const draft = newDraft();
    let photos = addPhotos([], ['wxfile://a.jpg']);
    photos = photoSteps.uploaded(photos, photos[0].key, 'aaaaaaaaaaaaaaaaaaaaaaaa');
    const place = { lat: 31.23, lng: 121.47, address: '幸福路 12 号楼下' };
    saveDraft({ ...draft, form: { ...draft.form, category: 'parking', description: '车停在消防通道', photos, place } });

    await signOut();

    const next = loadDraft();
    expect(hasContent(next.form)).toBe(false);
    expect(next.form.place).toBeNull();
    expect(next.idempotencyKey).not.toBe(draft.idempotencyKey);
  });

  test('when the resident signs out, then every page is closed and 我的 opens afresh (no tab page keeps their cases)', async () => {
    await signOut();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/me/index' });
  });

  test('when the resident signs out, then the notices they read are unread again for the next person', async () => {
    markRead('n1');
    expect(isRead('n1')).toBe(true);
    await signOut();
    expect(isRead('n1')).toBe(false);
  });
});
