import { Bootstrap } from '@midwayjs/bootstrap';

// Entry point of the API process (`node server/dist/bootstrap.js`). Guarded
// because Midway's file scan (and the test app) also load this module.
if (require.main === module) {
  Bootstrap.configure({ baseDir: __dirname })
    .run()
    .catch((err: Error) => {
      console.error(`[citycare] server failed to start: ${err.message}`);
      process.exit(1);
    });
}
