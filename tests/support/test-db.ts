import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * A database name of this test file's own, so files can run in parallel
 * against the one embedded database (and reruns start clean).
 */
export function testDbName(testFile: string): string {
  const rel = path.relative(path.resolve(__dirname, '..', '..'), testFile);
  const slug = path.basename(rel).replace(/\W+/g, '_').slice(0, 24);
  const hash = createHash('sha1').update(rel).digest('hex').slice(0, 8);
  return `t_${slug}_${hash}_${process.pid}`;
}
