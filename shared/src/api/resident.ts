// Resident routes of issue 7 §2/§3 that the server does not serve yet (phase 2). The client
// is typed against these shapes (client/api/phase2.ts); the server implements them later.
import type { CaseStatus } from '../case-lifecycle';
import type { CaseView, TimelineEntry } from './cases';
import type { MeResponse } from './auth';
import type { BookingView } from './events';

/**
 * A photo as the API shows it: URLs that <image> can load without an Authorization header,
 * signed (HMAC over media id + variant + expiry) and valid for at most an hour.
 */
export interface SignedPhoto {
  id: string;
  url: string;
  thumbUrl: string;
  /** ISO instant after which both URLs answer 403. */
  expiresAt: string;
}

/** GET /api/cases/nearby?lat=&lng=&category=&radiusM=100 — the public view of open cases close by. */
export interface NearbyCase {
  id: string;
  category: string;
  categoryName: string;
  status: CaseStatus;
  /** Rounded to about 100 m. */
  lat: number;
  lng: number;
  distanceM: number;
  /** Only when its reporter allowed it (publicDescription). */
  description: string | null;
  stationName: string;
  followers: number;
  createdAt: string;
  /** The caller already follows it (or reported it). */
  following: boolean;
}

export interface NearbyCaseList {
  items: NearbyCase[];
}

/** POST /api/cases/:id/follow (我也遇到) answers the case as a follower sees it. */
export type FollowResult = { case: CaseView; timeline: TimelineEntry[] };

/** POST /api/cases/:id/supplements (补充说明): the reporter adds text and photos to an open case. */
export interface CaseSupplementBody {
  text: string;
  /** Media ids from POST /api/media, at most 9. */
  photos: string[];
}

/** PUT /api/me/community — the community whose notices the resident reads. */
export interface SetCommunityBody {
  community: string;
}

/** GET /api/me/export — everything the service holds about the caller, as a JSON download. */
export interface MyDataExport {
  exportedAt: string;
  user: MeResponse;
  cases: CaseView[];
  bookings: BookingView[];
  /** Ids of cases the resident follows. */
  following: string[];
  noticeReads: Array<{ noticeId: string; readAt: string }>;
}
