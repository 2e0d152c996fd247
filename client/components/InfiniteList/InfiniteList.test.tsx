// The list's footer: a failed refresh and a failed next page each offer the retry that fixes them.
import { fireEvent, render, screen } from '@testing-library/react';
import type { CursorListState } from '../../api/hooks';
import { ApiError } from '../../api/error';
import InfiniteList from '.';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

type Item = { id: string };
const ready = (more: Partial<CursorListState<Item>>): CursorListState<Item> => ({
  status: 'ready',
  items: [{ id: 'a' }],
  hasMore: false,
  loadingMore: false,
  refreshing: false,
  ...more,
});

function renderList(state: CursorListState<Item>) {
  const onRetry = jest.fn();
  const onLoadMore = jest.fn();
  render(<InfiniteList state={state} renderItem={(item) => <span>{item.id}</span>} empty={{ title: '空' }} onRetry={onRetry} onLoadMore={onLoadMore} />);
  return { onRetry, onLoadMore };
}

describe('InfiniteList footer', () => {
  test('when refreshing failed on the last page, then tapping the footer refreshes (loadMore would do nothing)', () => {
    const { onRetry, onLoadMore } = renderList(ready({ refreshError: ApiError.client('NETWORK_ERROR') }));
    const footer = screen.getByTestId('list-refresh-failed');
    expect(footer.textContent).toContain('网络连接失败');
    fireEvent.click(footer);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  test('when the next page failed, then tapping the footer loads that page again', () => {
    const { onRetry, onLoadMore } = renderList(ready({ hasMore: true, moreError: ApiError.client('TIMEOUT') }));
    fireEvent.click(screen.getByText(/点此重试/));
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
  });
});
