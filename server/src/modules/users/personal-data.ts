import type { Types } from 'mongoose';

/**
 * What a module holds about a person, for "export my data" and "delete my
 * account". Each module that stores something tied to a user registers one
 * (its manifest's `personalData`), so the users module composes the export
 * and the erasure without reaching into other modules' collections.
 */
export interface PersonalDataHolder {
  /** Its part of the export: a few named sections (e.g. `{ bookings: [...] }`). */
  export(userId: Types.ObjectId): Promise<Record<string, unknown>>;
  /**
   * Removes or anonymises everything it holds about the user. What must stay
   * for the statistics (a case, a read count) is cut loose from the person:
   * their id becomes a fresh id that leads nowhere.
   */
  erase(userId: Types.ObjectId): Promise<void>;
}
