// What a waiting resident is told on their booking.
import { waitlistNote } from './booking-status';

const waiting = { status: 'waitlisted' as const, waitlistPosition: 2, partySize: 4, partyExceedsCapacity: false };

describe('waitlistNote', () => {
  test('when I wait and my party fits the session, then I read my place in line', () => {
    expect(waitlistNote(waiting)).toBe('候补第 2 位，有人取消后将按顺序为您递补');
  });

  test('when my booking is still settling (no place yet), then I read that I wait, not a blank place', () => {
    expect(waitlistNote({ ...waiting, waitlistPosition: null })).toBe('候补中，有人取消后将按顺序为您递补');
  });

  test('when my party is larger than the session now, then I read that waiting will not seat me and to book again with fewer people', () => {
    const note = waitlistNote({ ...waiting, partyExceedsCapacity: true });
    expect(note).toContain('少于您预约的 4 人');
    expect(note).toContain('减少人数后重新预约');
    expect(note).not.toContain('候补第');
  });

  test('when I hold seats or cancelled, then there is no note', () => {
    expect(waitlistNote({ ...waiting, status: 'confirmed', waitlistPosition: null })).toBeNull();
    expect(waitlistNote({ ...waiting, status: 'cancelled', waitlistPosition: null })).toBeNull();
  });
});
