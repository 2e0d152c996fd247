import type { Types } from 'mongoose';
import type { CaseDoc } from './case.model';
import type { CaseEventDoc } from './case-event.model';
import { seesEntry } from './case.view';

/** The people who follow a case: its reporter, and followers (我也遇到, merged duplicates' reporters). */
export interface CaseFollowers {
  reporter: Types.ObjectId;
  others: Types.ObjectId[];
}

/** Who hears of a new timeline entry: perhaps its reporter, some of its other followers, perhaps the station's staff. */
export interface Audience {
  reporter: Types.ObjectId | null;
  /** Followers other than the reporter: they see the case's public view, so they are told less (no address). */
  others: Types.ObjectId[];
  staff: boolean;
}

/**
 * Seeing an entry and being told of it are separate. Followers are told of
 * entries they can see (`seesEntry`) that they did not write themselves; the
 * station's staff are told of what a follower writes (a rating, a 补充说明),
 * since it asks for their attention. A hotline case's reporter is the 12345
 * integration, which reads status back through its own API.
 */
export function audienceOf(doc: Pick<CaseDoc, 'source'>, entry: Pick<CaseEventDoc, 'public' | 'actorId' | 'kind'>, followers: CaseFollowers): Audience {
  const actor = entry.actorId?.toHexString();
  const reporter = doc.source !== 'hotline' && seesEntry('reporter', entry) && followers.reporter.toHexString() !== actor ? followers.reporter : null;
  const others = seesEntry('follower', entry) ? followers.others.filter((f) => f.toHexString() !== actor && !f.equals(followers.reporter)) : [];
  const byFollower = !!actor && [followers.reporter, ...followers.others].some((f) => f.toHexString() === actor);
  return { reporter, others: [...new Map(others.map((f) => [f.toHexString(), f])).values()], staff: byFollower };
}
