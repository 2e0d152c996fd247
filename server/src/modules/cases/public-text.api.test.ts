import { startTestApi, type TestApi } from '../../../../tests/support/api-app';
import { loginAs, type TestUser } from '../../../../tests/support/auth';
import { buildCaseWorld, NEAR_JIALIN, type CaseWorld } from '../../../../tests/support/cases';

/** Issue 10, finding 6: phone and ID-card numbers in public text are masked for everyone but staff. */

let api: TestApi;
let w: CaseWorld;
let neighbour: TestUser;
let secretary: TestUser;
let resident: TestUser;

const PHONE = '13912345678';
const MASKED = '139****5678';
const ID_CARD = '320621199001011234';
const ID_MASKED = '320***********1234';
const REPLY = `已联系举报人张三（${PHONE}），座机 0513-88886666`;

beforeAll(async () => {
  api = await startTestApi(__filename);
  w = await buildCaseWorld(api);
  neighbour = await loginAs(api.db, 'resident');
  secretary = await loginAs(api.db, 'secretary', { community: '嘉麟社区' });
  resident = await loginAs(api.db, 'resident', { community: '嘉麟社区' });
}, 60_000);

afterAll(() => api.close());

const get = (user: TestUser | null, url: string, query: Record<string, unknown> = {}) => {
  const req = api.http().get(url).query(query);
  return user ? req.set('Authorization', user.auth) : req;
};

const replyText = (body: { timeline: Array<{ kind: string; text?: string }> }) => body.timeline.find((e) => e.kind === 'reply')?.text;

describe('an officer’s public reply with a phone number', () => {
  let id: string;

  beforeAll(async () => {
    id = await w.report(w.reporter, { category: 'clutter', description: `楼道堆物，联系 ${PHONE}，身份证 ${ID_CARD}`, publicDescription: true });
    await api.http().post(`/api/cases/${id}/follow`).set('Authorization', neighbour.auth).expect(200);
    await api.http().post(`/api/staff/cases/${id}/replies`).set('Authorization', w.officerA.auth).send({ text: REPLY }).expect(201);
  });

  it('when the reporter reads the case, then the reply and the description show the numbers masked', async () => {
    const res = await get(w.reporter, `/api/cases/${id}`).expect(200);
    expect(replyText(res.body)).toBe(`已联系举报人张三（${MASKED}），座机 0513-****6666`);
    expect(res.body.case.description).toBe(`楼道堆物，联系 ${MASKED}，身份证 ${ID_MASKED}`);
    expect(JSON.stringify(res.body)).not.toContain(PHONE);
  });

  it('when a follower reads it, or finds it nearby, then they see the numbers masked too', async () => {
    const res = await get(neighbour, `/api/cases/${id}`).expect(200);
    expect(res.body.case.relation).toBe('follower');
    expect(replyText(res.body)).toContain(MASKED);
    const nearby = await get(neighbour, '/api/cases/nearby', { ...NEAR_JIALIN, category: 'clutter' }).expect(200);
    const card = nearby.body.items.find((c: { id: string }) => c.id === id);
    expect(card.description).toBe(`楼道堆物，联系 ${MASKED}，身份证 ${ID_MASKED}`);
    for (const body of [res.body, nearby.body]) {
      expect(JSON.stringify(body)).not.toContain(PHONE);
      expect(JSON.stringify(body)).not.toContain(ID_CARD);
    }
  });

  it('when anyone reads it on Open311 (one request, the list, JSON and XML), then status_notes and description are masked', async () => {
    const one = await get(null, `/open311/v2/requests/${id}.json`).expect(200);
    expect(one.body[0].status_notes).toContain(`已联系举报人张三（${MASKED}）`);
    expect(one.body[0].description).toContain(ID_MASKED);
    const list = await get(null, '/open311/v2/requests.json', { page_size: 1000 }).expect(200);
    expect(list.body.find((r: { service_request_id: string }) => r.service_request_id === id).status_notes).toContain(MASKED);
    const xml = await get(null, `/open311/v2/requests/${id}.xml`).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => done(null, text));
    });
    for (const body of [JSON.stringify(one.body), JSON.stringify(list.body), xml.body as string]) {
      expect(body).not.toContain(PHONE);
      expect(body).not.toContain(ID_CARD);
    }
  });

  it('when staff of the case’s station read it, then they see the text as written; the stored text is unchanged', async () => {
    for (const staff of [w.officerA, w.leadA]) {
      const res = await get(staff, `/api/staff/cases/${id}`).expect(200);
      expect(replyText(res.body)).toBe(REPLY);
      expect(res.body.case.description).toContain(PHONE);
      expect(res.body.case.description).toContain(ID_CARD);
    }
    const stored = await api.db.collection('case_events').findOne({ kind: 'reply', text: REPLY });
    expect(stored).not.toBeNull();
  });
});

describe('a notice with a phone number', () => {
  it('when residents read it, then they see it masked; the secretary who manages it sees it as written', async () => {
    const posted = await api.http().post('/api/notices').set('Authorization', secretary.auth).send({ title: `停水通知 ${PHONE}`, body: `如有疑问请联系 ${PHONE} 或 (0513)8888 6666` }).expect(201);
    const { id } = posted.body as { id: string };
    const one = await get(resident, `/api/notices/${id}`).expect(200);
    expect(one.body.title).toBe(`停水通知 ${MASKED}`);
    expect(one.body.body).toBe(`如有疑问请联系 ${MASKED} 或 (0513)**** 6666`);
    const list = await get(resident, '/api/notices').expect(200);
    const item = list.body.items.find((n: { id: string }) => n.id === id);
    expect(item.body).toContain(MASKED);
    expect(JSON.stringify([one.body, list.body])).not.toContain(PHONE);

    const managed = await get(secretary, `/api/notices/${id}`).expect(200);
    expect(managed.body.body).toContain(PHONE);
    const board = await get(secretary, '/api/notices').expect(200);
    expect(board.body.items.find((n: { id: string }) => n.id === id).body).toContain(PHONE);
  });
});
