import type { StationSummary } from '@citycare/shared';

/** A station's summary as UTF-8 JSON without its closing brace, built once per directory snapshot. */
export function summaryJsonHead(summary: StationSummary): Buffer {
  return Buffer.from(JSON.stringify(summary).slice(0, -1), 'utf8');
}

/**
 * The body of GET /api/stations/nearest, byte for byte what
 * JSON.stringify({ items: [{ ...summary, distanceM }], searchedRadiusM })
 * gives, from each station's pre-built JSON: only the numbers are written per request.
 */
export function nearestBody(picks: ReadonlyArray<{ json: Buffer; distanceM: number }>, searchedRadiusM: number): Buffer {
  const head = '{"items":[';
  const end = `],"searchedRadiusM":${searchedRadiusM}}`;
  const tails = picks.map((p, i) => `,"distanceM":${p.distanceM}}${i < picks.length - 1 ? ',' : ''}`);
  let size = head.length + end.length;
  for (let i = 0; i < picks.length; i++) size += picks[i].json.length + tails[i].length;
  const body = Buffer.allocUnsafe(size);
  let at = body.write(head, 0, 'latin1');
  for (let i = 0; i < picks.length; i++) {
    at += picks[i].json.copy(body, at);
    at += body.write(tails[i], at, 'latin1');
  }
  body.write(end, at, 'latin1');
  return body;
}
