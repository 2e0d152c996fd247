/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';

/** API origin, set at build time from CITYCARE_API_BASE_URL ('' = same origin, for H5). */
declare const CITYCARE_API_BASE_URL: string;
/** Subscribe-message template ids (comma-separated) asked for after a report; '' = none. */
declare const CITYCARE_SUBSCRIBE_TEMPLATE_IDS: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** The platform being built; replaced at build time so the other branch is dropped. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
  }
}
