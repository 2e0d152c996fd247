import { Types } from 'mongoose';
import { addChinaDays, chinaDate } from '@citycare/shared';
import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs } from '../../../../tests/support/auth';
import { insertCase, seedFigureStations, type SeededCase } from '../../../../tests/support/figures';
import { CaseRebuild } from '../cases/case-rebuild';
import { StationRecordService } from './station-record.service';

// A station's record as residents see it on its page: the 30 China days that ended yesterday,
// taken once a day; counts always, each rate only with 5 cases (ratings, acceptances) behind it.
// Worked out by hand from cases written straight into the database.

const H = 3600_000;
const DAY = 24 * H;
let api: TestApi;
let stationA: Types.ObjectId;
let stationB: Types.ObjectId;
const today = chinaDate(new Date());
/** Noon (China time) `n` days before today. */
const daysAgo = (n: number) => new Date(`${addChinaDays(today, -n)}T12:00:00+08:00`);

async function seed(stationId: Types.ObjectId, cases: Array<Partial<SeededCase> & Pick<SeededCase, 'status' | 'at'>>): Promise<void> {
  const community = stationId.equals(stationA) ? '嘉麟社区' : '平桥村';
  for (const c of cases) await insertCase(api, { stationId, community, category: 'street_vending', source: 'miniprogram', acceptH: 2, resolveH: 24, ...c });
}

const rebuild = async () => (await api.app.getApplicationContext().getAsync(CaseRebuild)).run();
const record = (stationId: unknown) => api.http().get(`/api/figures/stations/${String(stationId)}`);

beforeAll(async () => {
  api = await startTestApi(__filename);
  ({ stationA, stationB } = await seedFigureStations(api));
  await seed(stationA, [
    { status: 'closed', at: daysAgo(3), acceptedH: 1, resolvedH: 5, rating: 5 },
    { status: 'closed', at: daysAgo(4), acceptedH: 2, resolvedH: 6, rating: 4 },
    { status: 'resolved', at: daysAgo(5), acceptedH: 3, resolvedH: 9, rating: 5 },
    { status: 'closed', at: daysAgo(8), acceptedH: 1, resolvedH: 4, rating: 2 },
    { status: 'in_progress', at: daysAgo(10), acceptedH: 2 },
    { status: 'rejected', at: daysAgo(30) }, // the first day of the range
    { status: 'submitted', at: new Date(Date.now() - H) }, // today: shown from tomorrow
    { status: 'closed', at: daysAgo(31), acceptedH: 1, resolvedH: 2, rating: 5 }, // before the range
  ]);
  // Five closed and rated, but only four accepted on record: the mean time to accept stays hidden.
  await seed(stationB, [5, 5, 5, 4, 1].map((rating, i) => ({ status: 'closed', at: daysAgo(2 + i), acceptedH: i < 4 ? 1 : undefined, resolvedH: 3, rating })));
  await rebuild();
}, 60_000);

afterAll(() => api.close());

describe("a station's record for residents", () => {
  it('when fewer than 5 ratings stand behind 满意率, then it and the count of ratings are hidden; 办结率 and hours to accept show, over the 30 days that ended yesterday', async () => {
    const res = await record(stationA).expect(200);
    expect(res.body).toEqual({
      stationId: String(stationA),
      from: addChinaDays(today, -30),
      to: addChinaDays(today, -1),
      received: 6,
      closed: 4,
      ratings: null, // 4 ratings
      closureRate: 0.6667, // 4 / 6
      satisfactionRate: null,
      avgAcceptHours: 1.8, // (1 + 2 + 3 + 1 + 2) / 5
    });
    // The lead's figures over the same days agree.
    const lead = await loginAs(api.db, 'lead', { stationId: stationA });
    const staff = await api.http().get('/api/figures').query({ scope: 'station', from: res.body.from, to: res.body.to }).set('Authorization', lead.auth).expect(200);
    expect(staff.body.totals).toMatchObject({ received: 6, closed: 4, ratings: 4, closureRate: 0.6667, avgAcceptHours: 1.8 });
  });

  it('when 5 ratings but only 4 acceptances stand behind them, then 满意率 shows and the mean time to accept does not', async () => {
    const res = await record(stationB).expect(200);
    expect(res.body).toMatchObject({ received: 5, closed: 5, ratings: 5, closureRate: 1, satisfactionRate: 0.8, avgAcceptHours: null });
  });

  it('when a case changes during the day, then the record stays as the first reader of the day saw it, and the next day shows the change', async () => {
    const before = (await record(stationA).expect(200)).body;
    await seed(stationA, [{ status: 'closed', at: daysAgo(6), acceptedH: 1, resolvedH: 3, rating: 5 }]);
    await rebuild();
    expect((await record(stationA).expect(200)).body).toEqual(before);
    const tomorrow = await (await api.app.getApplicationContext().getAsync(StationRecordService)).record(String(stationA), new Date(Date.now() + DAY));
    // Today's open case is in the range from tomorrow, and so is the new closed one.
    expect(tomorrow).toMatchObject({ from: addChinaDays(today, -29), to: today, received: 7, closed: 5, ratings: 5, satisfactionRate: 0.8 });
    // Only the station's newest record is kept.
    const kept = (await api.db.collection('station_records').find().toArray()).map((r) => String(r._id)).filter((id) => id.startsWith(String(stationA)));
    expect(kept).toEqual([`${String(stationA)}|${addChinaDays(today, 1)}`]);
  });

  it('when the station is unknown, malformed or deactivated, then 404 STATION_NOT_FOUND, with no token asked anywhere', async () => {
    expect((await record('0123456789abcdef01234567').expect(404)).body.error.code).toBe('STATION_NOT_FOUND');
    expect((await record('not-an-id').expect(404)).body.error.code).toBe('STATION_NOT_FOUND');
    const admin = await loginAs(api.db, 'admin');
    await api.http().post(`/api/admin/stations/${String(stationB)}/deactivate`).set('Authorization', admin.auth).expect(200);
    expect((await record(stationB).expect(404)).body.error.code).toBe('STATION_NOT_FOUND');
  });
});
