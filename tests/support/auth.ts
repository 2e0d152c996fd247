import { Types, type Connection } from 'mongoose';
import type { Role } from '@citycare/shared';
import { hashToken, newSessionToken, SESSION_ABSOLUTE_MS } from '../../server/src/modules/auth/token';

export interface TestUser {
  id: string;
  openid: string;
  role: Role;
  token: string;
  /** `Authorization` header value */
  auth: string;
}

let counter = 0;

/**
 * A user of `role` with a real session token, written straight to the test
 * database (the same shape the login flow writes), for arranging tests.
 */
export async function loginAs(
  db: Connection,
  role: Role,
  opts: { stationId?: string | Types.ObjectId; community?: string; name?: string; phone?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const openid = `test-${role}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  const now = new Date();
  const user = await db.collection('users').insertOne({
    openid,
    unionid: null,
    wechatSessionKey: 'test-session-key',
    role,
    name: opts.name ?? `${role} ${counter}`,
    phone: opts.phone ?? null,
    phoneTail: opts.phone ? opts.phone.slice(-4) : null,
    stationId: opts.stationId ? new Types.ObjectId(String(opts.stationId)) : null,
    community: opts.community ?? null,
    demo: false,
    createdAt: now,
    updatedAt: now,
  });
  const token = newSessionToken();
  const tokenHash = hashToken(token);
  await db.collection<{ _id: string } & Record<string, unknown>>('sessions').insertOne({
    _id: tokenHash,
    tokenHash,
    userId: user.insertedId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    revokedAt: null,
  });
  return { id: user.insertedId.toHexString(), openid, role, token, auth: `Bearer ${token}` };
}
