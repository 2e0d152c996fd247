import sharp from 'sharp';
import type { TestApi } from './api-app';
import { loginAs, type TestUser } from './auth';
import { seedDemoData } from '../../server/src/seed/seed-demo';

/** Near 嘉麟社区's station (demo data): reports here are routed to station A. */
export const NEAR_JIALIN = { lat: 32.5395, lng: 120.4595 };

export interface CaseWorld {
  stationA: string;
  stationB: string;
  reporter: TestUser;
  otherResident: TestUser;
  officerA: TestUser;
  leadA: TestUser;
  officerB: TestUser;
  leadB: TestUser;
  /** Reports a case (201) and returns its id. */
  report(user?: TestUser, over?: Record<string, unknown>): Promise<string>;
  move(user: TestUser, id: string, body: Record<string, unknown>): ReturnType<ReturnType<TestApi['http']>['post']>;
  /** A case of station A taken through accept, start and resolve by officer A. */
  resolved(): Promise<string>;
  /** A photo uploaded by `user` (a distinct small PNG each call); its media id. */
  photo(user: TestUser): Promise<string>;
}

let keys = 0;
let shade = 0;

/** The demo stations, a reporter, residents and the staff of two stations, with helpers to move cases. */
export async function buildCaseWorld(api: TestApi): Promise<CaseWorld> {
  await seedDemoData(api.db);
  const stations = await api.db.collection('stations').find().toArray();
  const stationA = String(stations.find((s) => s.community === '嘉麟社区')!._id);
  const stationB = String(stations.find((s) => s.community === '平桥村')!._id);
  const reporter = await loginAs(api.db, 'resident', { name: '张三', phone: '13812341234' });
  const otherResident = await loginAs(api.db, 'resident');
  const officerA = await loginAs(api.db, 'officer', { stationId: stationA });
  const leadA = await loginAs(api.db, 'lead', { stationId: stationA });
  const officerB = await loginAs(api.db, 'officer', { stationId: stationB });
  const leadB = await loginAs(api.db, 'lead', { stationId: stationB });

  const report = async (user: TestUser = reporter, over: Record<string, unknown> = {}) => {
    const body = { category: 'street_vending', description: '小区门口有流动摊贩占道经营，影响通行', address: '嘉麟社区东门', ...NEAR_JIALIN, ...over };
    const res = await api.http().post('/api/cases').set('Authorization', user.auth).set('Idempotency-Key', `world-${process.pid}-${++keys}`).send(body);
    if (res.status !== 201) throw new Error(`report → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.case.id as string;
  };
  const move = (user: TestUser, id: string, body: Record<string, unknown>) =>
    api.http().post(`/api/staff/cases/${id}/moves`).set('Authorization', user.auth).send(body);
  const resolved = async () => {
    const id = await report();
    for (const body of [{ move: 'accept' }, { move: 'start' }, { move: 'resolve', note: '已劝离摊贩', outcome: 'fixed' }]) {
      const res = await move(officerA, id, body);
      if (res.status !== 200) throw new Error(`${body.move} → ${res.status}`);
    }
    return id;
  };
  const photo = async (user: TestUser) => {
    shade = (shade + 7) % 250;
    const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: 120, b: 60 } } }).png().toBuffer();
    const res = await api.http().post('/api/media').set('Authorization', user.auth).attach('file', bytes, { filename: 'p.png' });
    if (res.status !== 201 && res.status !== 200) throw new Error(`upload → ${res.status}`);
    return res.body.id as string;
  };
  return { stationA, stationB, reporter, otherResident, officerA, leadA, officerB, leadB, report, move, resolved, photo };
}
