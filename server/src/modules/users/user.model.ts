import { Schema, type Types } from 'mongoose';
import { ROLES, type Role } from '@citycare/shared';

/** A WeChat user of the mini-program, resident or staff. */
export interface UserDoc {
  _id: Types.ObjectId;
  openid: string;
  unionid: string | null;
  /** From jscode2session; server-side only (select: false), never returned or logged. */
  wechatSessionKey: string | null;
  role: Role;
  name: string;
  phone: string | null;
  /** The phone's last 4 digits, so an admin can find a person by them (one indexed equality). */
  phoneTail?: string | null;
  stationId: Types.ObjectId | null;
  community: string | null;
  /** Demo accounts seeded for the preview (dev login). */
  demo: boolean;
  createdAt: Date;
}

export const USER_MODEL = 'User';

export const userSchema = new Schema<UserDoc>(
  {
    openid: { type: String, required: true },
    unionid: { type: String, default: null },
    wechatSessionKey: { type: String, default: null, select: false },
    role: { type: String, enum: ROLES, required: true, default: 'resident' },
    name: { type: String, default: '', maxlength: 40 },
    phone: { type: String, default: null },
    phoneTail: { type: String, default: null },
    stationId: { type: Schema.Types.ObjectId, default: null },
    community: { type: String, default: null },
    demo: { type: Boolean, required: true, default: false },
  },
  { collection: 'users', timestamps: true, versionKey: false },
);

// One user per WeChat identity, even when two logins race.
userSchema.index({ openid: 1 }, { unique: true });
userSchema.index({ role: 1, stationId: 1 });
// An admin finds people by their phone's last digits or their name (user search).
userSchema.index({ phoneTail: 1 });
userSchema.index({ name: 1 });

/** The last 4 digits of a phone number, as user search finds them. */
export const phoneTailOf = (phone: string | null): string | null => (phone ? phone.replace(/\D/g, '').slice(-4) || null : null);
