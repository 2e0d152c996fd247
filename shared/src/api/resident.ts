// Resident routes beyond reporting: nearby open cases and 我也遇到, 补充说明, choosing a
// community, exporting and deleting one's data.
import type { CaseStatus } from '../case-lifecycle';
import type { CaseView, TimelineEntry } from './cases';
import type { MeResponse } from './auth';
import type { BookingView } from './events';
import type { SignedPhoto } from './media';
import { chinaDate } from '../china-day';

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

/** GET /api/communities — the communities residents may choose (each served by a station). */
export interface CommunityList {
  items: Array<{ name: string; stationId: string; stationName: string }>;
}

/**
 * The export's file name, the same on the server's download and the phone's saved copy: the
 * China day it was made (an export at 01:00 in Hai'an is that day's, not yesterday's in UTC).
 */
export function myDataFileName(exportedAt: string): string {
  return `citycare-my-data-${chinaDate(new Date(exportedAt))}.json`;
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
  ratings: Array<{ caseId: string; score: number; comment: string | null; at: string }>;
  /** Photos the resident uploaded (signed URLs, valid for an hour). */
  photos: Array<SignedPhoto & { uploadedAt: string }>;
  sessions: Array<{ createdAt: string; lastSeenAt: string; expiresAt: string; revoked: boolean }>;
}
