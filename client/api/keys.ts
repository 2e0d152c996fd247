import type { LatLng } from '@citycare/shared';

// The one query-key factory: every cached read is named here, so invalidating after a write
// ("my cases changed") names a prefix instead of guessing strings.

/** ~100 m grid, so small GPS jitter reuses the cached answer. */
const cell = (at: LatLng) => [Math.round(at.lat * 1000) / 1000, Math.round(at.lng * 1000) / 1000] as const;

export const queryKeys = {
  stations: {
    all: () => ['stations'] as const,
    nearest: (at: LatLng) => ['stations', 'nearest', ...cell(at)] as const,
    list: () => ['stations', 'list'] as const,
    detail: (id: string) => ['stations', 'detail', id] as const,
    record: (id: string) => ['stations', 'record', id] as const,
  },
  zones: {
    near: (at: LatLng, radiusM: number) => ['zones', 'near', ...cell(at), radiusM] as const,
    ofStation: (stationId: string) => ['zones', 'station', stationId] as const,
  },
  cases: {
    all: () => ['cases'] as const,
    mine: () => ['cases', 'mine'] as const,
    following: () => ['cases', 'following'] as const,
    nearby: (at: LatLng, category: string) => ['cases', 'nearby', category, ...cell(at)] as const,
    detail: (id: string) => ['cases', 'detail', id] as const,
  },
  events: {
    all: () => ['events'] as const,
    upcoming: (stationId?: string) => ['events', 'upcoming', stationId ?? 'all'] as const,
    detail: (id: string) => ['events', 'detail', id] as const,
  },
  bookings: {
    all: () => ['bookings'] as const,
    mine: () => ['bookings', 'mine'] as const,
    detail: (id: string) => ['bookings', 'detail', id] as const,
  },
  notices: {
    all: () => ['notices'] as const,
    list: () => ['notices', 'list'] as const,
    detail: (id: string) => ['notices', 'detail', id] as const,
  },
  staff: {
    all: () => ['staff'] as const,
    queue: (filter: string) => ['staff', 'queue', filter] as const,
    newCount: () => ['staff', 'new-count'] as const,
    case: (id: string) => ['staff', 'case', id] as const,
    events: () => ['staff', 'events'] as const,
    attendance: (sessionId: string) => ['staff', 'attendance', sessionId] as const,
    patrols: (date: string) => ['staff', 'patrols', date] as const,
    zones: (stationId: string) => ['zones', 'station', stationId] as const,
    figures: (scope: string, from: string, to: string) => ['staff', 'figures', scope, from, to] as const,
    notices: () => ['staff', 'notices'] as const,
  },
  admin: {
    all: () => ['admin'] as const,
    stations: () => ['admin', 'stations'] as const,
    categories: () => ['admin', 'categories'] as const,
    staffOf: (stationId: string) => ['admin', 'staff', stationId] as const,
    figures: (by: string, from: string, to: string) => ['admin', 'figures', by, from, to] as const,
    overdue: (stationId: string) => ['admin', 'overdue', stationId] as const,
  },
  categories: () => ['categories'] as const,
  me: () => ['me'] as const,
  communities: () => ['communities'] as const,
};

export type QueryKey = readonly (string | number)[];
