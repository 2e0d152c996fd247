import { isOpen } from '@citycare/shared';
import type { CaseDoc } from './case.model';

/** Grid cells of 0.005° (about 550 m × 470 m here) for finding open cases near a point. */
export const NEAR_CELL_DEG = 0.005;

/** The cell of a point: "<row>:<col>". */
export function nearCell(lat: number, lng: number): string {
  return `${Math.floor(lat / NEAR_CELL_DEG)}:${Math.floor(lng / NEAR_CELL_DEG)}`;
}

/** The key an open case is found by near a point: category and cell; null once it is no longer open. */
export function nearKey(doc: Pick<CaseDoc, 'status' | 'category' | 'lat' | 'lng'>): string | null {
  return isOpen(doc.status) ? `${doc.category}|${nearCell(doc.lat, doc.lng)}` : null;
}

/** The keys of the cells around a point (3 × 3), for one category. */
export function nearKeysAround(category: string, lat: number, lng: number): string[] {
  const row = Math.floor(lat / NEAR_CELL_DEG);
  const col = Math.floor(lng / NEAR_CELL_DEG);
  const keys: string[] = [];
  for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) keys.push(`${category}|${row + dr}:${col + dc}`);
  return keys;
}

/**
 * Fields kept in step with a case's state so that reads can find it by
 * top-level equality (docs/design.md, "Data rules"). Computed from the case
 * after every change, in one place: CaseTimelineService.
 */
export function derivedFields(doc: Pick<CaseDoc, 'status' | 'category' | 'lat' | 'lng'>): Pick<CaseDoc, 'nearKey'> {
  return { nearKey: nearKey(doc) };
}
