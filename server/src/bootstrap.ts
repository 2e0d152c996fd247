import { Bootstrap } from '@midwayjs/bootstrap';
import { assertProductionReady } from './config/production-mode';

// Entry point of the API process (`node server/dist/bootstrap.js`). Guarded
// because Midway's file scan (and the test app) also load this module.
if (require.main === module) {
  // Production mode's refusals (config/production-mode.ts) come first, before
  // the database or a port is touched: the one check, at the one way in.
  try {
    assertProductionReady();
  } catch (err) {
    console.error(`[citycare] ${(err as Error).message}`);
    process.exit(1);
  }
  Bootstrap.configure({ baseDir: __dirname })
    .run()
    .catch((err: Error) => {
      console.error(`[citycare] server failed to start: ${err.message}`);
      process.exit(1);
    });
}
