// A line of the attendance list: a waiting party larger than the whole session is passed over
// by the promotion (the server flags it: partyExceedsCapacity), so the lead is told why it never moves.
import { render, screen } from '@testing-library/react';
import type { AttendanceRow } from '@citycare/shared';
import AttendanceItem from './AttendanceItem';

const row = (over: Partial<AttendanceRow>): AttendanceRow => ({
  bookingId: 'b1',
  code: 'K7M2Q9',
  name: '王**',
  phone: '138****1234',
  partySize: 4,
  status: 'waitlisted',
  waitlistPosition: 1,
  partyExceedsCapacity: false,
  checkedInAt: null,
  ...over,
});

describe('AttendanceItem', () => {
  test('when a waiting party is larger than the session, then the row says it cannot move up', () => {
    render(<AttendanceItem row={row({ partySize: 4, partyExceedsCapacity: true })} capacity={3} />);
    expect(screen.getByTestId('attendance-party-too-large').textContent).toBe('人数超过本场名额 3 人，无法递补');
    expect(screen.getByText('候补（无法递补）')).toBeTruthy();
    expect(screen.queryByText('候补第 1 位')).toBeNull();
  });

  test('when a waiting party fits, or a party holds seats, then no such line and its place in line shows', () => {
    const { rerender } = render(<AttendanceItem row={row({ partySize: 3 })} capacity={3} />);
    expect(screen.queryByTestId('attendance-party-too-large')).toBeNull();
    expect(screen.getByText('候补第 1 位')).toBeTruthy();
    rerender(<AttendanceItem row={row({ partySize: 4, status: 'confirmed', waitlistPosition: null })} capacity={3} />);
    expect(screen.queryByTestId('attendance-party-too-large')).toBeNull();
  });
});
