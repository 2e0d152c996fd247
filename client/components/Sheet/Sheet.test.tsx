// A bottom sheet: a stray tap beside one holding unsaved input asks before it throws it away.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Sheet from './index';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { showModal: jest.fn() } }));
const showModal = Taro.showModal as jest.Mock;

beforeEach(() => showModal.mockReset());

function open(dirty: boolean, onClose = jest.fn()) {
  render(
    <Sheet open title="办结" dirty={dirty} onClose={onClose}>
      <span>办结说明</span>
    </Sheet>,
  );
  return onClose;
}

describe('Sheet', () => {
  test.each(['sheet-mask', 'sheet-close'])('when nothing is typed and %s is tapped, then it closes at once', (target) => {
    const onClose = open(false);
    fireEvent.click(screen.getByTestId(target));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(showModal).not.toHaveBeenCalled();
  });

  test('when something is typed and the dim area is tapped, then it asks, and 继续填写 keeps it open', async () => {
    showModal.mockResolvedValue({ confirm: false, cancel: true });
    const onClose = open(true);
    fireEvent.click(screen.getByTestId('sheet-mask'));
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '放弃填写？', cancelText: '继续填写' })));
    await Promise.resolve();
    expect(onClose).not.toHaveBeenCalled();
  });

  test('when something is typed and 关闭 is tapped, then 放弃 closes it', async () => {
    showModal.mockResolvedValue({ confirm: true, cancel: false });
    const onClose = open(true);
    fireEvent.click(screen.getByTestId('sheet-close'));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });
});
