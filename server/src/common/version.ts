// The server package version, read once at start-up.
// eslint-disable-next-line @typescript-eslint/no-var-requires
export const APP_VERSION: string = require('../../package.json').version;
