import { Schema, type Types } from 'mongoose';
import { STATION_KINDS, type StationKind } from '@citycare/shared';

/** An officer on duty as shown on the station wall (上墙挂牌). */
export interface OfficerOnDutyDoc {
  name: string;
  role: string;
  /** A photo of kind `station` in the media module; the view signs its URL. */
  photoId: Types.ObjectId | null;
  /** Seeded demo officers only: a fixed URL (none today). */
  photoUrl: string | null;
  duties: string[];
}

/** A 城管工作站: where residents meet the officers of their community. */
export interface StationDoc {
  _id: Types.ObjectId;
  name: string;
  /** Stations made before kinds existed have none: they are community stations (stationKind()). */
  kind?: StationKind;
  city: string;
  community: string;
  address: string;
  /** GCJ-02 */
  lat: number;
  lng: number;
  phone: string;
  openingHours: string;
  officers: OfficerOnDutyDoc[];
  /** The community's boundary, when known: cases inside it go to this station. */
  boundary: Array<{ lat: number; lng: number }>;
  /** Bounding box of `boundary`, for a $gte/$lte pre-filter (null without one). */
  boundaryBox: { minLat: number; maxLat: number; minLng: number; maxLng: number } | null;
  /** Demo data seeded for the preview; never real. */
  demo: boolean;
  /**
   * false: deactivated by the bureau — left out of the nearest search, the
   * list and routing; its cases stay readable. Missing (older stations): active.
   */
  active?: boolean;
}

export const stationKind = (doc: Pick<StationDoc, 'kind'>): StationKind => doc.kind ?? 'community';
export const isActiveStation = (doc: Pick<StationDoc, 'active'>): boolean => doc.active !== false;

export const STATION_MODEL = 'Station';

const officerSchema = new Schema<OfficerOnDutyDoc>(
  {
    name: { type: String, required: true },
    role: { type: String, required: true },
    photoId: { type: Schema.Types.ObjectId, default: null },
    photoUrl: { type: String, default: null },
    duties: { type: [String], default: [] },
  },
  { _id: false },
);

const pointSchema = new Schema({ lat: Number, lng: Number }, { _id: false });
const boxSchema = new Schema({ minLat: Number, maxLat: Number, minLng: Number, maxLng: Number }, { _id: false });

export const stationSchema = new Schema<StationDoc>(
  {
    name: { type: String, required: true, trim: true, maxlength: 100 },
    kind: { type: String, enum: STATION_KINDS, default: 'community' },
    city: { type: String, required: true },
    community: { type: String, required: true },
    address: { type: String, required: true },
    lat: { type: Number, required: true, min: -90, max: 90 },
    lng: { type: Number, required: true, min: -180, max: 180 },
    phone: { type: String, required: true },
    openingHours: { type: String, required: true },
    officers: { type: [officerSchema], default: [] },
    boundary: { type: [pointSchema], default: [] },
    boundaryBox: { type: boxSchema, default: null },
    demo: { type: Boolean, required: true, default: false },
    active: { type: Boolean, default: true },
  },
  { collection: 'stations', timestamps: true, versionKey: false },
);

// Bounding-box queries on plain numbers (no geo indexes on FerretDB).
stationSchema.index({ lat: 1, lng: 1 });
// A station name is unique within its city, so seeding twice cannot duplicate.
stationSchema.index({ city: 1, name: 1 }, { unique: true });
