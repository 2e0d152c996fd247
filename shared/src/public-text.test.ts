import { maskPersonalNumbers } from './public-text';

describe('maskPersonalNumbers', () => {
  it.each([
    ['已联系举报人张三（13912345678）', '已联系举报人张三（139****5678）'],
    ['电话 139 1234 5678。', '电话 139 **** 5678。'],
    ['电话139-1234-5678', '电话139-****-5678'],
    ['+86 13912345678', '+86 139****5678'],
    ['+8613912345678', '+86139****5678'],
    ['0086-139 1234 5678', '0086-139 **** 5678'],
    ['(+86)13912345678', '(+86)139****5678'],
    ['手机：１３９１２３４５６７８', '手机：１３９****５６７８'],
    ['手机：１３９－１２３４－５６７８', '手机：１３９－****－５６７８'],
    ['＋８６　１３９１２３４５６７８', '＋８６　１３９****５６７８'],
    ['13800001111和15900002222', '138****1111和159****2222'],
    ['座机021-12345678', '座机021-****5678'],
    ['座机 0571 8888 8888', '座机 0571 **** 8888'],
    ['(0513)88886666', '(0513)****6666'],
    ['（0513）8888666', '（0513）***8666'],
    ['0513-8888666转', '0513-***8666转'],
    ['身份证320621199001011234', '身份证320***********1234'],
    ['身份证32062119900101123X。', '身份证320***********123X。'],
    ['身份证32062119900101123x', '身份证320***********123x'],
    ['老证 320621900101123', '老证 320********1123'],
    ['身份证３２０６２１１９９００１０１１２３Ｘ'.replace('Ｘ', 'X'), '身份证３２０***********１２３X'],
  ])('when the text is %j, then it shows %j', (text, masked) => {
    expect(maskPersonalNumbers(text)).toBe(masked);
  });

  it.each([
    ['a case number inside a longer digit run', '案件编号 2025113013912345678001'],
    ['a mobile glued to a longer run', '流水号9913912345678'],
    ['an object id that contains a mobile', '见 64f1a13912345678abcdef01'],
    ['a run of letters and digits', 'HL13912345678'],
    ['a date run', '20251130 起施工'],
    ['a date with dashes and a time', '2025-11-30 13:45 到场'],
    ['the 12345 hotline and short numbers', '拨打12345或110，门牌1391号'],
    ['a service number', '客服 400-123-4567'],
    ['20 digits (not an ID card)', '12345619900101123456'],
    ['a 15-digit run that is no ID card (month 45)', '139123456789012'],
    ['an amount', '罚款 2000 元，面积 35.5 平方米'],
    ['nothing at all', ''],
  ])('when the text holds %s, then it stays as written', (_what, text) => {
    expect(maskPersonalNumbers(text)).toBe(text);
  });

  it('when masked twice, then nothing more changes (idempotent)', () => {
    const once = maskPersonalNumbers('张三 13912345678，身份证 320621199001011234，座机 021-12345678');
    expect(maskPersonalNumbers(once)).toBe(once);
    expect(once).not.toMatch(/1391234|19900101|12345678/);
  });
});
