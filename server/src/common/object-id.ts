import { Types } from 'mongoose';
import { isObjectIdString } from '@citycare/shared';

/** A 24-hex id as an ObjectId, or null, so a malformed id in a path is a plain 404. */
export function toObjectId(id: string | Types.ObjectId): Types.ObjectId | null {
  if (typeof id !== 'string') return id;
  return isObjectIdString(id) ? new Types.ObjectId(id) : null;
}
