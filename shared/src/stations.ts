// Kinds of 城管工作站. A category may be handled by some kinds only
// (categories' stationKinds); new cases of it go to a station of such a kind.

export const STATION_KINDS = ['community', 'village', 'district'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export const STATION_KIND_LABELS: Record<StationKind, string> = {
  community: '社区工作站',
  village: '村级工作站',
  district: '城区中队',
};
