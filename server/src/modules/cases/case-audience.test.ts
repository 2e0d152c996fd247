import { Types } from 'mongoose';
import { audienceOf } from './case-audience';

const reporter = new Types.ObjectId();
const merged = new Types.ObjectId();
const follower = new Types.ObjectId();
const officer = new Types.ObjectId();
const followers = { reporter, others: [merged, follower] };
const app = { source: 'miniprogram' as const };
const ids = (list: Types.ObjectId[]) => list.map(String);

describe('who hears of a timeline entry', () => {
  it('when an officer replies, then the reporter and every follower hear, and staff do not', () => {
    const a = audienceOf(app, { public: true, actorId: officer, kind: 'reply' }, followers);
    expect(String(a.reporter)).toBe(String(reporter));
    expect(ids(a.others)).toEqual(ids([merged, follower]));
    expect(a.staff).toBe(false);
  });

  it('when an officer writes an internal note, then nobody but staff may see it and no follower hears', () => {
    expect(audienceOf(app, { public: false, actorId: officer, kind: 'note' }, followers)).toEqual({ reporter: null, others: [], staff: false });
  });

  it('when the reporter rates or adds a 补充说明, then not the reporter, not the public-view followers, but the staff hear', () => {
    for (const kind of ['rating', 'supplement'] as const) {
      const a = audienceOf(app, { public: true, actorId: reporter, kind }, followers);
      expect(a.reporter).toBeNull();
      expect(a.others).toEqual([]);
      expect(a.staff).toBe(true);
    }
  });

  it('when the system moves a case, then everyone following it hears', () => {
    const a = audienceOf(app, { public: true, actorId: null, kind: 'status' }, followers);
    expect([String(a.reporter), ...ids(a.others)]).toEqual(ids([reporter, merged, follower]));
  });

  it('when the case came from the hotline, then its integration reporter is not sent WeChat messages, but a resident following it is', () => {
    const a = audienceOf({ source: 'hotline' }, { public: true, actorId: officer, kind: 'status' }, { reporter, others: [follower] });
    expect(a.reporter).toBeNull();
    expect(ids(a.others)).toEqual(ids([follower]));
  });
});
