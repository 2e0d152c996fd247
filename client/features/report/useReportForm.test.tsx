// The 随手拍 form while its tab stays open: signing out empties it, for the next person.
import { act, renderHook } from '@testing-library/react';
import { adoptLogin, forgetSession } from '../../api/session';
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
});
