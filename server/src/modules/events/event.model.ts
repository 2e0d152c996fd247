import { Schema, type Types } from 'mongoose';
import { EVENT_KINDS, type EventKind } from '@citycare/shared';

/** An open day (开放日) or meeting (座谈会) of a station; its time slots are EventSession documents. */
export interface EventDoc {
  _id: Types.ObjectId;
  stationId: Types.ObjectId;
  /** The station's community, copied so lists need no second read. */
  community: string;
  title: string;
  kind: EventKind;
  description: string;
  place: string;
  photos: Types.ObjectId[];
  cancelledAt: Date | null;
  createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

export const EVENT_MODEL = 'Event';

export const eventSchema = new Schema<EventDoc>(
  {
    stationId: { type: Schema.Types.ObjectId, required: true },
    community: { type: String, required: true },
    title: { type: String, required: true, maxlength: 60 },
    kind: { type: String, enum: EVENT_KINDS, required: true },
    description: { type: String, required: true, maxlength: 2000 },
    place: { type: String, required: true, maxlength: 200 },
    photos: { type: [Schema.Types.ObjectId], default: [] },
    cancelledAt: { type: Date, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
  },
  { collection: 'events', timestamps: true, versionKey: false },
);

eventSchema.index({ stationId: 1, createdAt: -1 });
