// Publishing a notice from 预览: the preview sheet covers the composer, so a failure must be
// told inside the sheet, where the secretary tapped 确认发布.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '../../../api/error';
import { managedNotices } from '../../../api/staff';
import NoticeComposer from './NoticeComposer';
import { typeInto } from '../../../test-support/fields';

jest.mock('@tarojs/taro', () => jest.requireActual('../../../test-support/taro-mock').taroMock());
jest.mock('../../../api/staff', () => ({ managedNotices: { publish: jest.fn() } }));
jest.mock('../../../components/PhotoPicker', () => ({ __esModule: true, default: () => null }));
jest.mock('../../../features/photos/usePhotoUploads', () => ({
  usePhotoUploads: () => ({ addFromDevice: jest.fn(), retryPhoto: jest.fn(), removePhoto: jest.fn() }),
}));

const publish = managedNotices.publish as jest.Mock;

beforeEach(() => jest.clearAllMocks());

describe('NoticeComposer', () => {
  test('when 确认发布 in the preview fails, then the failure shows inside the preview sheet', async () => {
    publish.mockRejectedValue(ApiError.client('TIMEOUT'));
    const onPublished = jest.fn();
    render(<NoticeComposer onPublished={onPublished} />);
    typeInto('notice-title', '周六停水');
    typeInto('notice-body', '周六上午九点到十二点停水，请提前储水。');
    fireEvent.click(screen.getByTestId('notice-preview'));
    await act(async () => fireEvent.click(screen.getByTestId('notice-preview-publish')));
    expect(onPublished).not.toHaveBeenCalled();
    expect(screen.getByTestId('notice-preview-message').textContent).toBe('网络请求超时，请稍后重试');
  });

  test('when the notice is not complete, then the preview says what is missing', async () => {
    render(<NoticeComposer onPublished={jest.fn()} />);
    fireEvent.click(screen.getByTestId('notice-preview'));
    await act(async () => fireEvent.click(screen.getByTestId('notice-preview-publish')));
    expect(publish).not.toHaveBeenCalled();
    expect(screen.getByTestId('notice-preview-message').textContent).toBe('请填写标题');
  });

  test('when 确认发布 is tapped again after a lost answer, then the same key goes; a changed notice gets a new one', async () => {
    publish.mockRejectedValue(ApiError.client('TIMEOUT'));
    render(<NoticeComposer onPublished={jest.fn()} />);
    typeInto('notice-title', '周六停水');
    typeInto('notice-body', '周六上午九点到十二点停水，请提前储水。');
    fireEvent.click(screen.getByTestId('notice-preview'));
    await act(async () => fireEvent.click(screen.getByTestId('notice-preview-publish')));
    await act(async () => fireEvent.click(screen.getByTestId('notice-preview-publish')));
    const [first, second] = publish.mock.calls.map((call) => call[1] as string);
    expect(first).toMatch(/^[\w-]{8,64}$/);
    expect(second).toBe(first);
    typeInto('notice-body', '周六上午九点到下午一点停水，请提前储水。');
    await act(async () => fireEvent.click(screen.getByTestId('notice-preview-publish')));
    expect(publish.mock.calls[2][1]).not.toBe(first);
  });
});
