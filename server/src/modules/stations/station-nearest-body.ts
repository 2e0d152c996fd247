import type { StationSummary } from '@citycare/shared';

/** A station's summary as UTF-8 JSON, open for its distance: `{"id":…,"demo":true,"distanceM":`. Built once per directory snapshot. */
export function nearbyJsonHead(summary: StationSummary): Buffer {
  return Buffer.from(`${JSON.stringify(summary).slice(0, -1)},"distanceM":`, 'utf8');
}

/**
 * The body of GET /api/stations/nearest, byte for byte what
 * JSON.stringify({ items: [{ ...summary, distanceM }], searchedRadiusM })
 * gives, from each station's pre-built JSON: only the numbers are written per request.
 */
export function nearestBody(picks: ReadonlyArray<{ json: Buffer; distanceM: number }>, searchedRadiusM: number): Buffer {
  const HEAD = '{"items":[';
  const end = `],"searchedRadiusM":${searchedRadiusM}}`;
  let size = HEAD.length + end.length;
  // Per item: the digits of a whole, non-negative distance, '}' and ',' between items.
  for (const p of picks) size += p.json.length + String(p.distanceM).length + 2;
  if (picks.length) size--;
  const body = Buffer.allocUnsafe(size);
  let at = writeAscii(body, 0, HEAD);
  for (let i = 0; i < picks.length; i++) {
    body.set(picks[i].json, at);
    at += picks[i].json.length;
    at = writeAscii(body, at, i < picks.length - 1 ? `${picks[i].distanceM}},` : `${picks[i].distanceM}}`);
  }
  writeAscii(body, at, end);
  return body;
}

/** Short ASCII text into `buf` at `at` (no call into Buffer.write for a few bytes); returns the end. */
function writeAscii(buf: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
  return at;
}
