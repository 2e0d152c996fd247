import { clusterProblems } from './cluster';

describe('clusterProblems (npm run serve -- --workers N)', () => {
  const secret = { PHOTO_URL_SECRET: 'x'.repeat(32) };

  it('when one worker runs, then no PHOTO_URL_SECRET is needed', () => {
    expect(clusterProblems(1, {})).toEqual([]);
  });

  it('when several workers run without a shared PHOTO_URL_SECRET, then it refuses and says why', () => {
    expect(clusterProblems(4, {})).toEqual([expect.stringContaining('PHOTO_URL_SECRET')]);
    expect(clusterProblems(4, { PHOTO_URL_SECRET: 'short' })).toHaveLength(1);
    expect(clusterProblems(4, secret)).toEqual([]);
  });

  it('when the count is not a whole number from 1 to 64, then it refuses', () => {
    for (const n of [0, -1, 1.5, 65, Number.NaN]) expect(clusterProblems(n, secret)).toEqual([expect.stringContaining('API_WORKERS')]);
  });
});
