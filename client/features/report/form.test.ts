import { categoryPromise, emptyReportForm, isReady, toCaseBody, validateReport, type ReportForm } from './form';
import { addPhotos, photoSteps } from '../photos/photos';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

function complete(overrides: Partial<ReportForm> = {}): ReportForm {
  let photos = addPhotos([], ['blob:a']);
  photos = photoSteps.uploaded(photos, photos[0].key, '0123456789abcdef01234567');
  return {
    ...emptyReportForm(),
    category: 'street_vending',
    description: '  人行道上有流动摊贩占道经营  ',
    photos,
    place: { lat: 32.5368, lng: 120.4592, address: ' 嘉麟社区东门 ' },
    ...overrides,
  };
}

describe('validateReport', () => {
  test('when the form is empty, then category, description and place are asked for (photos are optional)', () => {
    const errors = validateReport(emptyReportForm());
    expect(Object.keys(errors).sort()).toEqual(['category', 'description', 'place']);
    expect(errors.category).toBe('请选择问题类型');
  });

  test('when everything is filled in, then there is nothing to fix', () => {
    expect(isReady(validateReport(complete()))).toBe(true);
  });

  test('when the server offers a category the bureau added (and leaves out one it retired), then the form follows the server', () => {
    const offered = [{ code: 'shared_bikes', name: '共享单车乱停', acceptHours: 3, resolveHours: 12 }];
    expect(isReady(validateReport(complete({ category: 'shared_bikes' }), offered))).toBe(true);
    expect(validateReport(complete({ category: 'street_vending' }), offered).category).toBe('请选择问题类型');
  });

  test('when the description is 4 characters or 501, then it is refused', () => {
    expect(validateReport(complete({ description: '四个字啊' })).description).toContain('至少 5 个字');
    expect(validateReport(complete({ description: '字'.repeat(501) })).description).toContain('最多 500');
  });

  test('when a photo is still uploading, then sending waits', () => {
    const form = complete();
    form.photos = photoSteps.uploading(addPhotos(form.photos, ['blob:b']), addPhotos(form.photos, ['blob:b'])[1].key);
    expect(validateReport(form).photos).toBe('照片还在上传，请稍候');
  });

  test('when a photo failed, then the resident must retry or remove it', () => {
    const form = complete();
    form.photos = photoSteps.failed(form.photos, form.photos[0].key, 'x', true);
    expect(validateReport(form).photos).toContain('重试或删除');
  });

  test('when located but no address is written, then the address is asked for', () => {
    expect(validateReport(complete({ place: { lat: 32.5, lng: 120.4, address: '  ' } })).place).toContain('详细地址');
  });

  test('when the category is not one we offer, then it is refused', () => {
    expect(validateReport(complete({ category: 'made_up' })).category).toBeDefined();
  });
});

describe('toCaseBody', () => {
  test('when complete, then the body is trimmed and carries the uploaded media ids and no zone', () => {
    expect(toCaseBody(complete())).toEqual({
      category: 'street_vending',
      description: '人行道上有流动摊贩占道经营',
      photos: ['0123456789abcdef01234567'],
      lat: 32.5368,
      lng: 120.4592,
      address: '嘉麟社区东门',
      anonymous: false,
      publicDescription: false,
    });
  });

  test('when a stall zone is chosen and anonymous is on, then both are sent', () => {
    expect(toCaseBody(complete({ zoneId: 'abcdefabcdefabcdefabcdef', anonymous: true }))).toMatchObject({ zoneId: 'abcdefabcdefabcdefabcdef', anonymous: true });
  });

  test('when the resident lets neighbours read the description, then publicDescription is sent', () => {
    expect(toCaseBody(complete({ publicDescription: true })).publicDescription).toBe(true);
  });
});

describe('categoryPromise', () => {
  test('when the SLA is 2 h / 24 h, then it reads 2 小时内受理，1 天内办结', () => {
    expect(categoryPromise({ acceptHours: 2, resolveHours: 24 })).toBe('2 小时内受理，1 天内办结');
  });

  test('when the SLA is 12 h / 72 h, then hours and days are used as they divide', () => {
    expect(categoryPromise({ acceptHours: 12, resolveHours: 72 })).toBe('12 小时内受理，3 天内办结');
  });
});
