import { BOOKING_CODE_ALPHABET, type AttendanceList } from '@citycare/shared';
import { chinaTime } from '@citycare/shared';
import { csvField } from '../../common/csv';
import { attendanceCsv } from './attendance-csv';
import { newBookingCode, normalizeBookingCode } from './booking-code';
import { freeSeats, pickSeats } from './seat.service';
import { partyFits } from '@citycare/shared';
import { bookingRefusal, canPromote, cancelRefusal } from './session-rules';

describe('booking codes', () => {
  it('when codes are drawn, then they are 8 characters of the unambiguous alphabet and do not repeat in 10,000 draws', () => {
    const codes = Array.from({ length: 10_000 }, newBookingCode);
    expect(codes.every((c) => c.length === 8 && [...c].every((ch) => BOOKING_CODE_ALPHABET.includes(ch)))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(BOOKING_CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it.each([
    ['ab7k-m2pq', 'AB7KM2PQ'],
    [' AB7K M2PQ ', 'AB7KM2PQ'],
    ['AB7KM2P', null],
    ['AB7KM2PQ9', null],
    ['AB7KM2P0', null],
    ['AB7KM2PO', null],
    ['$ne', null],
  ])('when %j is typed, then it reads as %j', (typed, code) => {
    expect(normalizeBookingCode(typed)).toBe(code);
  });
});

describe('seat picking', () => {
  it('when seats are free, then the free ones are listed in order and picks are distinct free seats', () => {
    const free = freeSeats(10, new Set([2, 3, 7]));
    expect(free).toEqual([1, 4, 5, 6, 8, 9, 10]);
    for (let i = 0; i < 200; i++) {
      const picked = pickSeats(free, 3);
      expect(new Set(picked).size).toBe(3);
      expect(picked.every((s) => free.includes(s))).toBe(true);
    }
  });

  it('when more seats are asked for than are free, then only the free ones come back', () => {
    expect(pickSeats([4], 3)).toEqual([4]);
    expect(pickSeats([], 1)).toEqual([]);
  });
});

describe('session rules', () => {
  const t = (h: number) => new Date(Date.UTC(2030, 0, 1, h));
  const session = { cancelled: false, bookingOpensAt: t(1), bookingClosesAt: t(8), cancelCutoffAt: t(6), startAt: t(10) };
  const standing = { cancelledAt: null };

  it.each([
    [0, 'BOOKING_NOT_OPEN'],
    [1, null],
    [8, null],
    [9, 'BOOKING_NOT_OPEN'],
    [10, 'SESSION_PAST'],
  ])('when booking at hour %i, then %s', (hour, code) => {
    expect(bookingRefusal(session, standing, t(hour))).toBe(code);
  });

  it('when the session is cancelled, then booking says SESSION_CANCELLED and letting go is always allowed', () => {
    expect(bookingRefusal({ ...session, cancelled: true }, standing, t(2))).toBe('SESSION_CANCELLED');
    expect(cancelRefusal('confirmed', { ...session, cancelled: true }, t(11))).toBeNull();
    expect(canPromote({ ...session, cancelled: true }, t(2))).toBe(false);
  });

  it('when the event is cancelled but the session missed it, then booking still says SESSION_CANCELLED', () => {
    expect(bookingRefusal(session, { cancelledAt: t(0) }, t(2))).toBe('SESSION_CANCELLED');
  });

  it('when a party is larger than the whole session, then it does not fit; as large, it does', () => {
    expect(partyFits(3, 3)).toBe(true);
    expect(partyFits(4, 3)).toBe(false);
  });

  it('when cancelling, then a confirmed booking stops at the cut-off and a waitlisted one at the start', () => {
    expect(cancelRefusal('confirmed', session, t(6))).toBeNull();
    expect(cancelRefusal('confirmed', session, t(7))).toBe('CANCEL_CUTOFF_PASSED');
    expect(cancelRefusal('waitlisted', session, t(7))).toBeNull();
    expect(cancelRefusal('waitlisted', session, t(10))).toBe('SESSION_PAST');
    expect(canPromote(session, t(9))).toBe(true);
    expect(canPromote(session, t(10))).toBe(false);
  });
});

describe('attendance CSV', () => {
  it('when a field holds a comma, a quote, a line break or a formula, then it is quoted or defused', () => {
    expect(csvField('张三')).toBe('张三');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+86')).toBe("'+86");
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  it('when times are shown, then they are China time', () => {
    expect(chinaTime('2030-01-01T16:30:00Z')).toBe('2030-01-02 00:30');
  });

  it('when the list is written, then it starts with a BOM and a header and uses CRLF', () => {
    const list = {
      items: [{ bookingId: 'b', code: 'AB7KM2PQ', name: '张三', phone: '138****1234', partySize: 2, status: 'confirmed', waitlistPosition: null, checkedInAt: '2030-01-01T02:05:00Z' }],
    } as unknown as AttendanceList;
    expect(attendanceCsv(list)).toBe('\uFEFF预约码,姓名,手机号,人数,状态,候补顺位,签到时间\r\nAB7KM2PQ,张三,138****1234,2,已预约,,2030-01-01 10:05\r\n');
  });
});
