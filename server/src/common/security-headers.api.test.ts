import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApi, type TestApi } from '../../../tests/support/api-app';

// An H5 build stand-in: an index.html with an inline start-up script, as Taro writes it.
const STATIC_DIR = mkdtempSync(path.join(os.tmpdir(), 'citycare-h5-'));
const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
writeFileSync(path.join(STATIC_DIR, 'index.html'), `<!doctype html><html><head><script>${INLINE_SCRIPT}</script><script defer src="/js/app.js"></script></head><body></body></html>`);

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi(__filename, { STATIC_DIR, PUBLIC_BASE_URL: 'https://citycare.example.gov.cn/' });
}, 60_000);

afterAll(async () => {
  await api.close();
  rmSync(STATIC_DIR, { recursive: true, force: true });
});

const csp = (res: { headers: Record<string, string> }) =>
  Object.fromEntries(res.headers['content-security-policy'].split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));

describe('security headers', () => {
  it.each([
    ['a JSON answer', '/api/health/live', 200],
    ['an error', '/api/nothing-here', 404],
    ['a refusal', '/api/me', 401],
    ['an Open311 document', '/open311/v2/services.xml', 200],
  ])('when the API sends %s, then it may load nothing, be framed by no one, sniff nothing, refer nowhere', async (_what, url, status) => {
    const res = await api.http().get(url).expect(status);
    expect(csp(res)).toMatchObject({ 'default-src': "'none'", 'frame-ancestors': "'none'", 'base-uri': "'none'", 'form-action': "'none'" });
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('when the H5 page is served, then its CSP allows its own origin and exactly its inline script, nothing else', async () => {
    const res = await api.http().get('/').expect(200);
    const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64');
    expect(csp(res)).toMatchObject({
      'default-src': "'self'",
      'script-src': `'self' 'sha256-${hash}'`,
      'connect-src': "'self' blob: data:",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('the Open311 discovery document', () => {
  it("when a request names another Host, then the endpoint is still PUBLIC_BASE_URL's", async () => {
    const res = await api.http().get('/open311/v2/discovery.json').set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example').expect(200);
    expect(res.body.endpoints[0].url).toBe('https://citycare.example.gov.cn/open311/v2');
    expect(JSON.stringify(res.body)).not.toContain('evil.example');
  });
});
