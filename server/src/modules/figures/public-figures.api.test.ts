import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs } from '../../../../tests/support/auth';
import { buildCaseWorld, type CaseWorld } from '../../../../tests/support/cases';

// A station's record as residents see it on its page: counts always, each rate only with enough
// cases (or ratings) behind it, the same figures the station's lead sees, and no token needed.

let api: TestApi;
let w: CaseWorld;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
}, 60_000);

afterAll(() => api.close());

const record = (stationId: string) => api.http().get(`/api/figures/stations/${stationId}`);
const rate = (id: string, score: number) => api.http().post(`/api/cases/${id}/rating`).set('Authorization', w.reporter.auth).send({ score }).expect(200);

describe("a station's record for residents", () => {
  it('when the station has had fewer than 5 cases, then the counts show and every rate stays hidden', async () => {
    const resolved = [await w.resolved(), await w.resolved(), await w.resolved(), await w.resolved()];
    const res = await record(w.stationA).expect(200);
    expect(res.body).toMatchObject({ stationId: w.stationA, received: 4, closed: 4, ratings: 0, closureRate: null, satisfactionRate: null, avgAcceptHours: null });
    expect(res.body.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(res.body).sort()).toEqual(['avgAcceptHours', 'closed', 'closureRate', 'from', 'ratings', 'received', 'satisfactionRate', 'stationId', 'to']);
    for (const id of resolved) await rate(id, 5);
  });

  it('when 5 or more cases and ratings stand behind them, then 办结率, 满意率 and hours to accept show, as the lead sees them, and follow a new rating at once', async () => {
    await rate(await w.resolved(), 1); // sent back (重办): rated, no longer closed
    await w.report(); // open
    const res = await record(w.stationA).expect(200);
    expect(res.body).toMatchObject({ received: 6, closed: 4, ratings: 5, closureRate: 0.6667, satisfactionRate: 0.8 });
    expect(res.body.avgAcceptHours).toBeGreaterThanOrEqual(0);
    const staff = await api.http().get('/api/figures').query({ scope: 'station' }).set('Authorization', w.leadA.auth).expect(200);
    expect(staff.body.totals).toMatchObject({ received: 6, closed: 4, ratings: 5, closureRate: 0.6667, satisfactionRate: 0.8, avgAcceptHours: res.body.avgAcceptHours });
  });

  it('when no cases were made at a station, then zeros; an unknown or deactivated station is 404 STATION_NOT_FOUND', async () => {
    expect((await record(w.stationB).expect(200)).body).toMatchObject({ received: 0, closed: 0, ratings: 0, closureRate: null });
    expect((await record('0123456789abcdef01234567').expect(404)).body.error.code).toBe('STATION_NOT_FOUND');
    expect((await record('not-an-id').expect(404)).body.error.code).toBe('STATION_NOT_FOUND');
    const admin = await loginAs(api.db, 'admin');
    await api.http().post(`/api/admin/stations/${w.stationB}/deactivate`).set('Authorization', admin.auth).expect(200);
    expect((await record(w.stationB).expect(404)).body.error.code).toBe('STATION_NOT_FOUND');
  });
});
