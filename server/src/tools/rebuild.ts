import path from 'node:path';
import { Bootstrap } from '@midwayjs/bootstrap';
import { getCurrentApplicationContext } from '@midwayjs/core';
import { CaseRebuild } from '../modules/cases/case-rebuild';

/**
 * `npm run db:rebuild`: recomputes everything derived from the cases (list
 * positions, derived keys, queue and tally counts) from the cases themselves.
 * Boots the app without listening for HTTP and without background jobs.
 * `--counts-only` keeps the positions and recomputes the counts.
 */
async function main() {
  Object.assign(process.env, { API_LISTEN: '0', JOBS_INTERVAL_MS: '0' });
  await Bootstrap.configure({ baseDir: path.join(__dirname, '..') }).run();
  try {
    const rebuild = await getCurrentApplicationContext().getAsync(CaseRebuild);
    const started = Date.now();
    const report = await rebuild.run({ positions: !process.argv.includes('--counts-only') });
    console.log(`[db:rebuild] ${report.cases} cases repositioned, ${report.aggregates} counts rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await Bootstrap.stop();
  }
}

// Only as a command: Midway's file scan also loads this module.
if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`[db:rebuild] failed: ${err.message}`);
    process.exit(1);
  });
}
