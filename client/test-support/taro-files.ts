// The weapp file APIs an export uses (services/files.ts), for unit tests: the user folder, a file
// system whose writeFile the test decides, and shareFileMessage. Each test file mocks
// '@tarojs/taro' with `filesTaroMock((options) => mockWriteFile(options))` (a function, not the
// mock itself: jest builds the module before the test file's own constants exist).

export interface WriteFileOptions {
  filePath: string;
  success: () => void;
  fail: (err: { errMsg: string }) => void;
}

export function filesTaroMock(writeFile: (options: WriteFileOptions) => void) {
  return {
    __esModule: true,
    default: {
      env: { USER_DATA_PATH: 'wxfile://usr' },
      getFileSystemManager: () => ({ writeFile }),
      shareFileMessage: jest.fn(async () => undefined),
    },
  };
}
