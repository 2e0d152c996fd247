// A form's Idempotency-Key: the same for every resend of the same request, new when it changes.
import { renderHook } from '@testing-library/react';
import { isIdempotencyKey, useRequestKey } from './idempotency';

describe('useRequestKey', () => {
  test('when the request is the same (even rebuilt), then the key stays; when anything in it changes, then a new key', () => {
    const { result, rerender } = renderHook(({ text }) => useRequestKey({ text, photos: ['a'] }), { initialProps: { text: '已到场' } });
    const first = result.current;
    expect(isIdempotencyKey(first)).toBe(true);
    rerender({ text: '已到场' });
    expect(result.current).toBe(first);
    rerender({ text: '已到场处理' });
    expect(result.current).not.toBe(first);
  });
});
