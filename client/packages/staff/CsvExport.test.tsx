// 导出 CSV on weapp: the saved file is offered to a chat (else nobody ever sees it), and a
// failed save reads in Chinese.
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { WriteFileOptions } from '../../test-support/taro-files';
import { CsvExportButton, CsvExportResult, useCsvExport } from './CsvExport';

const mockWriteFile = jest.fn<void, [WriteFileOptions]>((options) => options.success());
jest.mock('@tarojs/taro', () => jest.requireActual('../../test-support/taro-files').filesTaroMock((options: WriteFileOptions) => mockWriteFile(options)));

const shareFileMessage = Taro.shareFileMessage as jest.Mock;

function PatrolExport() {
  const csv = useCsvExport('巡查台账-2025-06-01.csv', async () => 'area,officer\n');
  return (
    <>
      <CsvExportButton csv={csv} testId="export" />
      <CsvExportResult csv={csv} testId="export-result" />
    </>
  );
}

beforeEach(() => jest.clearAllMocks());

describe('CSV export', () => {
  test('when the file is saved, then 发送到聊天 is offered and sends that file', async () => {
    render(<PatrolExport />);
    await act(async () => fireEvent.click(screen.getByTestId('export')));
    expect(screen.getByTestId('export-result').textContent).toContain('已保存 巡查台账-2025-06-01.csv');
    await act(async () => fireEvent.click(screen.getByTestId('export-result-share')));
    expect(shareFileMessage).toHaveBeenCalledWith({ filePath: 'wxfile://usr/巡查台账-2025-06-01.csv', fileName: '巡查台账-2025-06-01.csv' });
  });

  test('when the phone is out of space, then the failure is in Chinese and nothing is offered', async () => {
    mockWriteFile.mockImplementationOnce((options) => options.fail({ errMsg: 'writeFile:fail the maximum size of the file storage limit is exceeded' }));
    render(<PatrolExport />);
    await act(async () => fireEvent.click(screen.getByTestId('export')));
    expect(screen.getByTestId('export-result').textContent).toBe('手机存储空间不足，文件未保存，请清理后重试');
    expect(screen.queryByTestId('export-result-share')).toBeNull();
  });

  test('when saving fails otherwise, then a plain Chinese failure shows, not WeChat\'s English', async () => {
    mockWriteFile.mockImplementationOnce((options) => options.fail({ errMsg: 'writeFile:fail permission denied' }));
    render(<PatrolExport />);
    await act(async () => fireEvent.click(screen.getByTestId('export')));
    expect(screen.getByTestId('export-result').textContent).toBe('文件保存失败，请重试');
  });
});
