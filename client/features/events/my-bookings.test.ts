// Booking from an event page: a session I already booked, and the party a session takes.
import type { BookingView } from '@citycare/shared';
import { ApiError } from '../../api/error';
import { bookings } from '../../api/events';
import { bookOrFindMine, liveBookingsBySession, partyLimit } from './my-bookings';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
jest.mock('../../api/events', () => ({ bookings: { book: jest.fn(), mine: jest.fn() } }));

const book = bookings.book as jest.Mock;
const mine = bookings.mine as jest.Mock;

const booking = (id: string, sessionId: string, status: BookingView['status']): BookingView =>
  ({ id, status, session: { id: sessionId }, partySize: 1 }) as unknown as BookingView;

const alreadyBooked = () => ApiError.fromResponse(409, { error: { code: 'ALREADY_BOOKED', message: '您已预约过这个场次' } });

beforeEach(() => {
  book.mockReset();
  mine.mockReset();
});

describe('liveBookingsBySession', () => {
  test('when I hold, wait for and cancelled bookings, then only the first two count, by session', () => {
    const live = liveBookingsBySession({ items: [booking('b1', 's1', 'confirmed'), booking('b2', 's2', 'waitlisted'), booking('b3', 's3', 'cancelled')] });
    expect([...live].map(([session, b]) => [session, b.id])).toEqual([
      ['s1', 'b1'],
      ['s2', 'b2'],
    ]);
    expect(liveBookingsBySession(undefined).size).toBe(0);
  });
});

describe('partyLimit', () => {
  test.each([
    [20, 4],
    [4, 4],
    [3, 3],
    [1, 1],
  ])('when a session holds %i, then a party of at most %i may book it', (capacity, limit) => {
    expect(partyLimit({ capacity })).toBe(limit);
  });
});

describe('bookOrFindMine', () => {
  test('when the booking goes through, then it is the answer', async () => {
    book.mockResolvedValue(booking('new', 's1', 'confirmed'));
    await expect(bookOrFindMine('s1', 2)).resolves.toMatchObject({ id: 'new' });
    expect(book).toHaveBeenCalledWith('s1', 2);
    expect(mine).not.toHaveBeenCalled();
  });

  test('when the answer to a first try was lost and the retry hears ALREADY_BOOKED, then my booking of that session is the answer', async () => {
    book.mockRejectedValue(alreadyBooked());
    mine.mockResolvedValue({ items: [booking('old', 's0', 'confirmed'), booking('mine', 's1', 'waitlisted')] });
    await expect(bookOrFindMine('s1', 1)).resolves.toMatchObject({ id: 'mine' });
  });

  test('when ALREADY_BOOKED but no live booking of mine is found, or the failure is another, then the failure stands', async () => {
    book.mockRejectedValue(alreadyBooked());
    mine.mockResolvedValue({ items: [booking('gone', 's1', 'cancelled')] });
    await expect(bookOrFindMine('s1', 1)).rejects.toMatchObject({ code: 'ALREADY_BOOKED' });
    const full = ApiError.fromResponse(409, { error: { code: 'SESSION_CANCELLED', message: '本场已取消' } });
    book.mockRejectedValue(full);
    await expect(bookOrFindMine('s1', 1)).rejects.toBe(full);
  });
});
