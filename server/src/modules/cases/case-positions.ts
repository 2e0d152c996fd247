import type { Types } from 'mongoose';
import { CITY_LIST, mineList, stationList } from './case-derived';

/**
 * Positions for cases taken in the order they were received: the next
 * number in the reporter's, the station's and the city's list. Used when
 * positions are rebuilt (or loaded in bulk) instead of claimed one by one.
 */
export class PositionCounter {
  private readonly next = new Map<string, number>();

  take(doc: { reporterId: Types.ObjectId; stationId: Types.ObjectId }): { mineK: number; stationK: number; cityK: number } {
    return { mineK: this.bump(mineList(doc.reporterId)), stationK: this.bump(stationList(doc.stationId)), cityK: this.bump(CITY_LIST) };
  }

  /** Each list and its highest position, for the lists' heads. */
  heads(): Array<[list: string, n: number]> {
    return [...this.next.entries()];
  }

  private bump(list: string): number {
    const n = (this.next.get(list) ?? 0) + 1;
    this.next.set(list, n);
    return n;
  }
}
