import type { Role } from '../roles';
import type { StationKind } from '../stations';
import type { StationSummary } from './stations';

/** A station as the bureau manages it. */
export interface AdminStation extends StationSummary {
  kind: StationKind;
  city: string;
  /** false: deactivated — gone from residents' lists, its cases still readable. */
  active: boolean;
  officers: Array<{ name: string; role: string; duties: string[]; photoId: string | null; photoUrl: string | null }>;
}

export interface AdminStationList {
  items: AdminStation[];
}

/** A category as residents pick it and the bureau edits it. */
export interface CategoryView {
  id: string;
  code: string;
  name: string;
  acceptHours: number;
  resolveHours: number;
  stationKinds: StationKind[];
  /** false: retired — not offered for new reports; old cases keep its name. */
  active: boolean;
}

export interface CategoryList {
  items: CategoryView[];
}

/** A person as the admin sees them: the phone masked. */
export interface AdminUserView {
  id: string;
  role: Role;
  name: string;
  phone: string | null;
  stationId: string | null;
  community: string | null;
}

export interface AdminUserList {
  items: AdminUserView[];
}
