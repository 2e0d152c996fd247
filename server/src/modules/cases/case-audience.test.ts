import { Types } from 'mongoose';
import { audienceOf } from './case-audience';

const reporter = new Types.ObjectId();
const merged = new Types.ObjectId();
const officer = new Types.ObjectId();
const followers = [reporter, merged];
const app = { source: 'miniprogram' as const };
const ids = (list: Types.ObjectId[]) => list.map(String);

describe('who hears of a timeline entry', () => {
  it("when an officer replies, then every follower hears and staff do not", () => {
    const a = audienceOf(app, { public: true, actorId: officer }, followers);
    expect(ids(a.followers)).toEqual(ids([reporter, merged]));
    expect(a.staff).toBe(false);
  });

  it('when an officer writes an internal note, then no follower hears', () => {
    expect(audienceOf(app, { public: false, actorId: officer }, followers)).toEqual({ followers: [], staff: false });
  });

  it('when the reporter writes (a rating, a 补充说明), then not the reporter but the other followers and the staff hear', () => {
    const a = audienceOf(app, { public: true, actorId: reporter }, followers);
    expect(ids(a.followers)).toEqual(ids([merged]));
    expect(a.staff).toBe(true);
  });

  it('when the system moves a case, then followers hear', () => {
    expect(ids(audienceOf(app, { public: true, actorId: null }, followers).followers)).toEqual(ids(followers));
  });

  it('when the case came from the hotline, then its integration reporter is not sent WeChat messages', () => {
    expect(audienceOf({ source: 'hotline' }, { public: true, actorId: officer }, [reporter]).followers).toEqual([]);
  });
});
