import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { Types } from 'mongoose';
import { appointedTo, type MeResponse, type Role } from '@citycare/shared';
import { Database } from '../../common/database';
import { AppError } from '../../common/app-error';
import { phoneTailOf, USER_MODEL, userSchema, type UserDoc } from './user.model';
import { isDuplicateKey } from '../../common/mongo-errors';
import { findByIds } from '../../common/by-ids';
import { toObjectId } from '../../common/object-id';

@Provide()
@Scope(ScopeEnum.Singleton)
export class UserService {
  @Inject()
  database!: Database;

  get users() {
    return this.database.model<UserDoc>(USER_MODEL, userSchema);
  }

  /**
   * The user for a WeChat identity, created as a resident on first login.
   * Two first logins racing meet the unique openid index: the loser reads the winner's.
   */
  async upsertByOpenid(openid: string, unionid: string | undefined, sessionKey: string): Promise<UserDoc> {
    const set = { wechatSessionKey: sessionKey, ...(unionid ? { unionid } : {}) };
    // updateOne + findOne, not findOneAndUpdate: FerretDB v1 has no projection on
    // findAndModify, and the hidden session key makes mongoose add one.
    const existing = await this.updateAndRead({ openid }, set);
    if (existing) return existing;
    try {
      await this.users.create({ openid, role: 'resident', ...set });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const user = await this.updateAndRead({ openid }, set);
    if (!user) throw new Error(`user ${openid} vanished during login`);
    return user;
  }

  private async updateAndRead(filter: Record<string, unknown>, set: Record<string, unknown>): Promise<UserDoc | null> {
    const { matchedCount } = await this.users.updateOne(filter, { $set: set });
    return matchedCount ? this.users.findOne(filter).lean<UserDoc>() : null;
  }

  async find(id: Types.ObjectId): Promise<UserDoc | null> {
    return this.users.findById(id).lean<UserDoc>();
  }

  async getById(id: string): Promise<UserDoc> {
    const _id = toObjectId(id);
    const user = _id && (await this.users.findById(_id).lean<UserDoc>());
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  }

  async setPhone(id: string, phone: string): Promise<UserDoc> {
    const _id = toObjectId(id);
    const user = _id && (await this.updateAndRead({ _id }, { phone, phoneTail: phoneTailOf(phone) }));
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  }

  async update(id: string, changes: { name: string }): Promise<UserDoc> {
    const _id = toObjectId(id);
    const user = _id && (await this.updateAndRead({ _id }, changes));
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  }

  async setRole(id: string, assignment: { role: Role; stationId: string | null; community: string | null }): Promise<UserDoc> {
    const set = { ...assignment, stationId: assignment.stationId ? new Types.ObjectId(assignment.stationId) : null };
    const _id = toObjectId(id);
    const user = _id && (await this.updateAndRead({ _id }, set));
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  }

  /** How staff reach people: name and phone (the views mask it), by user id; users gone are left out. */
  async contacts(ids: readonly Types.ObjectId[]): Promise<Map<string, Pick<UserDoc, 'name' | 'phone'>>> {
    return findByIds<UserDoc, Pick<UserDoc, 'name' | 'phone'>>(this.users, ids, 'name phone');
  }

  /**
   * People an admin looks for: 4 digits → the phone's last digits; a whole
   * number (7+ digits) → that phone; anything else → that name exactly. Each
   * is one indexed equality, never a scan; at most `limit`.
   */
  async search(q: string, limit: number): Promise<UserDoc[]> {
    const digits = /^\d+$/.test(q) ? q : null;
    const filter = digits && digits.length === 4 ? { phoneTail: digits } : digits && digits.length >= 7 ? { phone: digits } : { name: q };
    return this.users.find(filter).limit(limit).lean<UserDoc[]>();
  }

  /** Everyone assigned to a station (officers, leads). */
  async ofStation(stationId: Types.ObjectId, limit: number): Promise<UserDoc[]> {
    return this.users.find({ stationId }).limit(limit).lean<UserDoc[]>();
  }

  async openid(id: Types.ObjectId): Promise<string | null> {
    const user = await this.users.findById(id).select('openid').lean<Pick<UserDoc, 'openid'>>();
    return user?.openid ?? null;
  }

  /** The officers and leads working at a station. */
  async staffOf(stationId: Types.ObjectId): Promise<Types.ObjectId[]> {
    const docs = await this.users.find({ stationId }).select('role').lean<Array<Pick<UserDoc, '_id' | 'role'>>>();
    return docs.filter((u) => appointedTo(u.role) === 'station').map((u) => u._id);
  }

  async setCommunity(id: string, community: string): Promise<UserDoc> {
    const _id = toObjectId(id);
    const user = _id && (await this.updateAndRead({ _id }, { community }));
    if (!user) throw new AppError('USER_NOT_FOUND');
    return user;
  }

  async remove(id: Types.ObjectId): Promise<void> {
    await this.users.deleteOne({ _id: id });
  }

  async findDemoByOpenid(openid: string): Promise<UserDoc | null> {
    return this.users.findOne({ openid, demo: true }).lean<UserDoc>();
  }

  async listDemo(): Promise<UserDoc[]> {
    return this.users.find({ demo: true }).sort({ role: 1, name: 1 }).lean<UserDoc[]>();
  }
}

/** The user as they see themselves: their own phone is not masked. */
export function toMe(user: UserDoc): MeResponse {
  return {
    id: user._id.toHexString(),
    role: user.role,
    name: user.name,
    phone: user.phone,
    stationId: user.stationId ? user.stationId.toHexString() : null,
    community: user.community,
  };
}
