import type { Types } from 'mongoose';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';

/** Who hears of a new timeline entry: its followers, and the station's staff. */
export interface Audience {
  followers: Types.ObjectId[];
  staff: boolean;
}

/**
 * Seeing an entry and being told of it are separate: followers (the reporter,
 * reporters of merged duplicates) are told of public entries they did not
 * write themselves; the station's staff are told of what a follower writes
 * (a rating, a 补充说明), since it asks for their attention. Hotline cases are
 * reported by an integration, which reads status back through its own API.
 */
export function audienceOf(
  doc: Pick<CaseDoc, 'source'>,
  entry: Pick<CaseEventDoc, 'public' | 'actorId'>,
  followers: readonly Types.ObjectId[],
): Audience {
  const actor = entry.actorId?.toHexString();
  const byFollower = !!actor && followers.some((f) => f.toHexString() === actor);
  const told = entry.public && doc.source !== 'hotline' ? followers.filter((f) => f.toHexString() !== actor) : [];
  return { followers: told, staff: byFollower };
}
