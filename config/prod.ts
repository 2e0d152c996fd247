import type { UserConfigExport } from '@tarojs/cli';

// Production: Taro minifies JS (terser) and CSS (csso) by default; keep it explicit.
export default {
  terser: { enable: true, config: { compress: { drop_console: false } } },
  csso: { enable: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
