import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import { recordHelmet } from './security-headers.middleware';

/** A response that keeps what is done to it. */
function fakeResponse() {
  const headers = new Map<string, string>([['x-powered-by', 'Express']]);
  return {
    headers,
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
}

describe('recordHelmet', () => {
  it('when replayed on a response, then it has exactly the headers helmet itself gives it', () => {
    const options = { referrerPolicy: { policy: 'no-referrer' as const }, contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"] } } };
    const byHelmet = fakeResponse();
    helmet(options)({} as IncomingMessage, byHelmet as unknown as ServerResponse, () => undefined);
    const replayed = fakeResponse();
    recordHelmet(options)(replayed as unknown as ServerResponse);
    expect(replayed.headers).toEqual(byHelmet.headers);
    expect(replayed.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(replayed.headers.has('x-powered-by')).toBe(false);
  });
});
