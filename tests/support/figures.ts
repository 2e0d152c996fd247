import { Types } from 'mongoose';
import type { TestApi } from './api-app';
import { seedDemoData } from '../../server/src/seed/seed-demo';

const H = 3600_000;

/** A case written straight into the database with known dates, status and rating (then `npm run db:rebuild`'s CaseRebuild derives the rest). */
export interface SeededCase {
  stationId: Types.ObjectId;
  community: string;
  category: string;
  source: string;
  status: string;
  at: Date;
  /** Hours from `at` to the accept-by and resolve-by deadlines. */
  acceptH: number;
  resolveH: number;
  /** Hours from `at` to acceptance and resolution, when they happened. */
  acceptedH?: number;
  resolvedH?: number;
  rating?: number;
}

export async function insertCase(api: TestApi, s: SeededCase): Promise<Types.ObjectId> {
  const _id = new Types.ObjectId();
  const plus = (h?: number) => (h === undefined ? null : new Date(s.at.getTime() + h * H));
  const acceptBy = plus(s.acceptH)!;
  await api.db.collection('cases').insertOne({
    _id,
    seq: 1,
    status: s.status,
    outcome: null,
    category: s.category,
    description: '统计测试',
    publicDescription: false,
    photos: [],
    lat: 32.53,
    lng: 120.46,
    address: '测试地址',
    anonymous: false,
    source: s.source,
    reporterId: new Types.ObjectId(),
    stationId: s.stationId,
    community: s.community,
    zoneId: null,
    acceptBy,
    resolveBy: plus(s.resolveH)!,
    dueAt: acceptBy,
    acceptedAt: plus(s.acceptedH),
    resolvedAt: plus(s.resolvedH),
    closedAt: null,
    mergedInto: null,
    escalated: false,
    rating: s.rating ?? null,
    createdAt: s.at,
    updatedAt: s.at,
  });
  if (s.rating !== undefined) {
    await api.db.collection('ratings').insertOne({ caseId: _id, reporterId: new Types.ObjectId(), score: s.rating, comment: null, at: s.at });
  }
  return _id;
}

/** Seeds the demo data; its 嘉麟社区 (A) and 平桥村 (B) stations, whose cases the figures tests write. */
export async function seedFigureStations(api: TestApi): Promise<{ stationA: Types.ObjectId; stationB: Types.ObjectId }> {
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  const of = (community: string) => stations.find((s) => s.community === community)!._id as Types.ObjectId;
  return { stationA: of('嘉麟社区'), stationB: of('平桥村') };
}
