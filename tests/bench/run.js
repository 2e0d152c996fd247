// `npm run bench`: the scorecard benchmarks that print figures (docs/performance.md, docs/reliability.md).
// Not part of `npm test`: this machine is shared and noisy, so each speed is a
// ratio against a baseline measured in the same run.
const { benchNearest } = require('./nearest.bench');
const { benchBooking } = require('./booking.bench');
const { benchLookups } = require('./lookups.bench');
const { benchP4 } = require('./p4.bench');
const { benchP2 } = require('./p2.bench');
const { benchP3 } = require('./p3.bench');
const { benchScaling } = require('./scaling.bench');

async function main() {
  const which = process.argv[2] ?? 'all';
  if (which === 'all' || which === 'p1') await benchNearest();
  if (which === 'all' || which === 'r1') await benchBooking();
  if (which === 'all' || which === 'p2') await benchP2();
  if (which === 'all' || which === 'p3') await benchP3();
  if (which === 'all' || which === 'scaling') await benchScaling();
  if (which === 'lookups') await benchLookups(); // minutes: loads 110,000 documents
  if (which === 'p4') await benchP4(); // many minutes: loads 100,000 cases in the app's shape
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
