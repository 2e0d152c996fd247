// Naming a case's category on staff pages: the bureau's name first, then the seed's.
import type { CategorySeed } from '@citycare/shared';
import { categoryName } from './categories';

jest.mock('@tarojs/taro', () => jest.requireActual('../../test-support/taro-mock').taroMock());

const bureau: CategorySeed[] = [
  { code: 'street_vending', name: '占道经营（夜市）', acceptHours: 2, resolveHours: 24 },
  { code: 'shared_bikes', name: '共享单车乱停', acceptHours: 4, resolveHours: 24 },
];

describe('categoryName', () => {
  test('when the bureau renamed or added a category, then its name is used', () => {
    expect(categoryName('street_vending', bureau)).toBe('占道经营（夜市）');
    expect(categoryName('shared_bikes', bureau)).toBe('共享单车乱停');
  });

  test('when a category is retired (not in the public list), then the seed name is used, else the code', () => {
    expect(categoryName('parking', bureau)).toBe('停车');
    expect(categoryName('retired_custom', bureau)).toBe('retired_custom');
  });
});
