// Taro build config. One source tree (client/) builds two targets:
// the WeChat mini-program (dist/weapp) and the H5 preview the server serves (dist/h5).
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const ROOT = path.resolve(__dirname, '..');
const SHARED_SRC = path.join(ROOT, 'shared', 'src');

/** H5 is served by our own server, so '' (same origin); weapp needs an absolute base. */
function apiBaseUrl(taroEnv: string | undefined): string {
  const fromEnv = process.env.CITYCARE_API_BASE_URL;
  if (fromEnv !== undefined) return fromEnv.replace(/\/+$/, '');
  return taroEnv === 'weapp' ? 'http://127.0.0.1:7001' : '';
}

/**
 * @citycare/shared is compiled from its TypeScript source and marked side-effect free,
 * so webpack drops what the client does not use (the zod schemas above all).
 */
function useSharedSource(chain: any): void {
  chain.module
    .rule('citycare-shared-pure')
    .test(/\.[cm]?[jt]sx?$/)
    .include.add(SHARED_SRC)
    .end()
    .sideEffects(false);
}

/**
 * Taro's H5 default splits only initial chunks, so every lazily loaded page carried its own
 * copy of the components and the API client; share them between pages instead.
 */
function sharePageChunks(chain: any): void {
  useSharedSource(chain);
  const splitChunks = chain.optimization.get('splitChunks');
  if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const taroEnv = process.env.TARO_ENV;
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'citycare',
    date: '2025-11-26',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'client',
    outputRoot: taroEnv === 'h5' ? 'dist/h5' : `dist/${taroEnv ?? 'weapp'}`,
    plugins: [],
    defineConstants: {
      CITYCARE_API_BASE_URL: JSON.stringify(apiBaseUrl(taroEnv)),
      // The case-status template the server sends (WECHAT_TEMPLATE_CASE_STATUS); '' asks for none.
      CITYCARE_SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(process.env.CITYCARE_SUBSCRIBE_TEMPLATE_IDS ?? ''),
    },
    alias: {
      '@citycare/shared': SHARED_SRC,
    },
    copy: {
      // A WeChat map marker icon must be a file in the package (see components/StationMap).
      patterns:
        taroEnv === 'weapp'
          ? [{ from: 'client/assets/station-marker.png', to: 'dist/weapp/assets/station-marker.png' }]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [SHARED_SRC] },
      // Components' class names never collide, so the order of their CSS across pages is free.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: useSharedSource,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      compile: { include: [SHARED_SRC] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: sharePageChunks,
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
