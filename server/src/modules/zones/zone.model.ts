import { Schema, type Types } from 'mongoose';

/** A temporary stall zone (临时摊位区): where street vendors may trade, when, and by which rules. */
export interface ZoneDoc {
  _id: Types.ObjectId;
  name: string;
  /** GCJ-02 */
  lat: number;
  lng: number;
  address: string;
  hours: string;
  stallCount: number;
  rules: string;
  /** The station that looks after it. */
  stationId: Types.ObjectId;
  createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export const ZONE_MODEL = 'StallZone';

export const zoneSchema = new Schema<ZoneDoc>(
  {
    name: { type: String, required: true, maxlength: 60 },
    lat: { type: Number, required: true, min: -90, max: 90 },
    lng: { type: Number, required: true, min: -180, max: 180 },
    address: { type: String, required: true, maxlength: 200 },
    hours: { type: String, required: true, maxlength: 100 },
    stallCount: { type: Number, required: true, min: 0 },
    rules: { type: String, default: '', maxlength: 2000 },
    stationId: { type: Schema.Types.ObjectId, required: true },
    createdBy: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: 'stall_zones', timestamps: true, versionKey: false },
);

// Bounding-box queries on plain numbers (no geo indexes on FerretDB).
zoneSchema.index({ lat: 1, lng: 1 });
// One name per station: a double-tapped "create" cannot make two zones.
zoneSchema.index({ stationId: 1, name: 1 }, { unique: true });
