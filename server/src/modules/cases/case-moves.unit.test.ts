import { Types } from 'mongoose';
import { allowedMoves, CASE_STATUSES, ratingConsequence, type CaseMove, type CaseStatus, type Role } from '@citycare/shared';
import type { AuthUser } from '../../common/auth-user';
import { actorsFor, type Mover } from './case-access';

const station = new Types.ObjectId();
const doc = { stationId: station };
const person = (role: Role, stationId: string | null = station.toHexString()): AuthUser => ({ id: 'u', role, stationId, community: null, openid: 'o' });
const elsewhere = new Types.ObjectId().toHexString();

// Every role × every status: the moves offered, written out by hand (CASE_MOVE_NAMES order).
const STAFF: Record<CaseStatus, CaseMove[]> = {
  submitted: ['accept', 'reject', 'merge'],
  accepted: ['merge', 'start'],
  in_progress: ['resolve'],
  resolved: [],
  closed: [],
  rejected: [],
  duplicate: [],
};
const LEAD: Record<CaseStatus, CaseMove[]> = {
  submitted: ['accept', 'reject', 'merge', 'transfer'],
  accepted: ['merge', 'start', 'transfer'],
  in_progress: ['transfer', 'resolve'],
  resolved: ['reopen'],
  closed: ['reopen'],
  rejected: [],
  duplicate: [],
};
const SYSTEM: Record<CaseStatus, CaseMove[]> = {
  submitted: [],
  accepted: [],
  in_progress: [],
  resolved: ['close', 'reopen'],
  closed: ['reopen'],
  rejected: [],
  duplicate: [],
};
const NOTHING = Object.fromEntries(CASE_STATUSES.map((s) => [s, []])) as unknown as Record<CaseStatus, CaseMove[]>;

const CALLERS: Array<[string, Mover, Record<CaseStatus, CaseMove[]>]> = [
  ['resident', person('resident', null), NOTHING],
  ['secretary', person('secretary', null), NOTHING],
  ['officer of the station', person('officer'), STAFF],
  ['lead of the station', person('lead'), LEAD],
  ['admin', person('admin', null), LEAD],
  ['officer of another station', person('officer', elsewhere), NOTHING],
  ['lead of another station', person('lead', elsewhere), NOTHING],
  ['the system', 'system', SYSTEM],
];

describe('allowedMoves(status, actorsFor(caller)) for every caller × status', () => {
  const rows = CALLERS.flatMap(([name, mover, table]) => CASE_STATUSES.map((status) => [name, status, mover, table[status]] as const));
  it.each(rows)('when the %s looks at a %s case, then exactly the listed moves', (_name, status, mover, expected) => {
    expect(allowedMoves(status, actorsFor(mover, doc))).toEqual(expected);
  });
});

describe('what a rating does', () => {
  it.each([
    [1, 'reopen'],
    [2, 'reopen'],
    [3, null],
    [4, 'close'],
    [5, 'close'],
  ] as const)('when a case is rated %i, then %s', (score, next) => {
    expect(ratingConsequence(score)).toBe(next);
  });
});
