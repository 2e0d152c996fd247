import { checkinBody, createBookingBody, createEventBody, createSessionBody, listEventsQuery, staffEventsQuery, updateEventBody, updateSessionBody } from '@citycare/shared';
import { withThumbnail, type RouteDoc } from '../openapi/route-doc';

const event = { type: 'object', description: 'EventView: the event with its sessions (EventSessionView: capacity, seatsTaken, seatsLeft, waitlisted, bookable)' };
const events = { type: 'object', description: 'EventList: items (EventView[])' };
const session = { type: 'object', description: 'EventSessionView' };
const booking = { type: 'object', description: 'BookingView: code (for the QR), status confirmed|waitlisted|cancelled, waitlistPosition, partyExceedsCapacity (waiting, but the party is larger than the session now), canCancel, session, event' };
const signedIn = ['UNAUTHENTICATED', 'SESSION_EXPIRED'] as const;
const manage = [...signedIn, 'FORBIDDEN'] as const;
const lead = 'lead of its station, admin';
const door = 'officer or lead of its station, admin';

export const EVENT_ROUTES: RouteDoc[] = [
  { method: 'get', path: '/api/events', summary: 'Upcoming open days and meetings (by station, kind), soonest first, with their coming sessions and seats left', tag: 'events', query: listEventsQuery, response: events, errors: ['INVALID_LIMIT', 'UNKNOWN_FIELD'], access: 'public', allow: { who: 'anyone' } },
  { method: 'get', path: '/api/events/{id}', summary: 'One event with all its sessions (past and cancelled ones flagged)', tag: 'events', params: { id: 'event id' }, response: event, errors: ['EVENT_NOT_FOUND'], access: 'public', allow: { who: 'anyone' } },
  ...withThumbnail({ method: 'get', path: '/api/events/{id}/photos/{mediaId}', summary: "An event photo (JPEG; /thumb for the 480 px thumbnail), with ETag and private immutable caching", tag: 'events', params: { id: 'event id', mediaId: 'photo id' }, response: { type: 'string', description: 'image/jpeg' }, errors: ['EVENT_NOT_FOUND', 'MEDIA_NOT_FOUND'], access: 'public', allow: { who: 'anyone' } }),
  {
    method: 'post',
    path: '/api/bookings',
    summary: 'Book a session for a party of 1–4, never more than its capacity: seats (confirmed) or, when full or others wait, the waitlist (候补). One booking per resident per session',
    tag: 'bookings',
    body: createBookingBody,
    response: booking,
    errors: [...signedIn, 'EVENT_SESSION_NOT_FOUND', 'ALREADY_BOOKED', 'SESSION_PAST', 'BOOKING_NOT_OPEN', 'SESSION_CANCELLED', 'PARTY_TOO_LARGE', 'VALIDATION_FAILED'],
    access: 'signed in',
    allow: { who: 'signed-in' },
  },
  { method: 'get', path: '/api/bookings', summary: 'My bookings, live and cancelled, newest first', tag: 'bookings', response: { type: 'object', description: 'BookingList: items (BookingView[])' }, errors: [...signedIn], access: 'signed in', allow: { who: 'signed-in' } },
  { method: 'get', path: '/api/bookings/{id}', summary: 'One of my bookings', tag: 'bookings', params: { id: 'booking id' }, response: booking, errors: [...signedIn, 'BOOKING_NOT_FOUND'], access: 'its resident', allow: { who: 'signed-in', of: ['owner'] } },
  {
    method: 'post',
    path: '/api/bookings/{id}/cancel',
    summary: 'Cancel my booking (confirmed: until the cut-off; waitlisted: until the start); the waitlist moves up. Repeating it answers the same',
    tag: 'bookings',
    params: { id: 'booking id' },
    response: booking,
    errors: [...signedIn, 'BOOKING_NOT_FOUND', 'CANCEL_CUTOFF_PASSED', 'SESSION_PAST', 'ALREADY_CHECKED_IN'],
    access: 'its resident',
    allow: { who: 'signed-in', of: ['owner'] },
  },
  { method: 'get', path: '/api/staff/events', summary: "The station's events, newest first, cancelled ones included (admins: any station or all)", tag: 'staff events', query: staffEventsQuery, response: events, errors: [...manage], access: 'officer, lead, admin', allow: { who: ['officer', 'lead', 'admin'] } },
  { method: 'post', path: '/api/staff/events', summary: 'Create an open day or meeting (text checked; photos: own unattached uploads). An optional Idempotency-Key makes a form sent again land once', tag: 'staff events', body: createEventBody, response: event, errors: [...manage, 'STATION_NOT_FOUND', 'CONTENT_RISKY', 'MEDIA_NOT_FOUND', 'TOO_MANY_PHOTOS', 'IDEMPOTENCY_KEY_REUSED', 'CONCURRENT_UPDATE'], access: 'lead (own station), admin (names stationId)', allow: { who: ['lead', 'admin'], of: ['station', 'city'] } },
  { method: 'patch', path: '/api/staff/events/{id}', summary: 'Edit an event (photos replace the list)', tag: 'staff events', params: { id: 'event id' }, body: updateEventBody, response: event, errors: [...manage, 'EVENT_NOT_FOUND', 'CONTENT_RISKY', 'MEDIA_NOT_FOUND', 'SESSION_CANCELLED'], access: lead, allow: { who: ['lead', 'admin'], of: ['station', 'city'] } },
  { method: 'post', path: '/api/staff/events/{id}/cancel', summary: 'Cancel an event and its sessions still to come (past ones stay as they were); everyone booked or waiting is notified. Repeating it finishes a failed attempt', tag: 'staff events', params: { id: 'event id' }, response: event, errors: [...manage, 'EVENT_NOT_FOUND'], access: lead, allow: { who: ['lead', 'admin'], of: ['station', 'city'] } },
  { method: 'post', path: '/api/staff/events/{id}/sessions', summary: 'Add a session. Defaults: booking opens now, closes at the start; cancel cut-off at the start. An optional Idempotency-Key (per event) makes a form sent again land once', tag: 'staff events', params: { id: 'event id' }, body: createSessionBody, response: session, errors: [...manage, 'EVENT_NOT_FOUND', 'INVALID_DATE_RANGE', 'SESSION_CANCELLED', 'IDEMPOTENCY_KEY_REUSED', 'CONCURRENT_UPDATE'], access: lead, allow: { who: ['lead', 'admin'], of: ['station', 'city'] } },
  { method: 'patch', path: '/api/staff/event-sessions/{id}', summary: 'Change times or capacity (a smaller capacity moves no one out: 409 when more are booked, or a waiting party is larger)', tag: 'staff events', params: { id: 'session id' }, body: updateSessionBody, response: session, errors: [...manage, 'EVENT_SESSION_NOT_FOUND', 'INVALID_DATE_RANGE', 'CAPACITY_BELOW_BOOKED', 'CAPACITY_BELOW_PARTY', 'SESSION_CANCELLED', 'CONCURRENT_UPDATE'], access: lead, allow: { who: ['lead', 'admin'], of: ['station', 'city'] } },
  { method: 'post', path: '/api/staff/event-sessions/{id}/cancel', summary: 'Call a session off; everyone booked or waiting is notified. Repeating it sends any notices a failed attempt missed', tag: 'staff events', params: { id: 'session id' }, response: session, errors: [...manage, 'EVENT_SESSION_NOT_FOUND'], access: lead, allow: { who: ['lead', 'admin'], of: ['station', 'city'] } },
  { method: 'get', path: '/api/staff/event-sessions/{id}/attendance', summary: 'Attendance list: bookings with masked phones, check-ins, waitlist order, totals', tag: 'staff events', params: { id: 'session id' }, response: { type: 'object', description: 'AttendanceList' }, errors: [...manage, 'EVENT_SESSION_NOT_FOUND'], access: door, allow: { who: ['officer', 'lead', 'admin'], of: ['station', 'city'] } },
  { method: 'get', path: '/api/staff/event-sessions/{id}/attendance.csv', summary: 'The attendance list as CSV (text/csv, UTF-8 with BOM for Excel; phones masked)', tag: 'staff events', params: { id: 'session id' }, response: { type: 'string', description: 'text/csv' }, errors: [...manage, 'EVENT_SESSION_NOT_FOUND'], access: door, allow: { who: ['officer', 'lead', 'admin'], of: ['station', 'city'] } },
  {
    method: 'post',
    path: '/api/staff/checkins',
    summary: 'Check a booking in by its code (scanned or typed), once; a second scan → 409 with the first time',
    tag: 'staff events',
    body: checkinBody,
    response: { type: 'object', description: 'CheckinResult: checkedInAt, attendee (AttendanceRow), session, event' },
    errors: [...manage, 'BOOKING_NOT_FOUND', 'ALREADY_CHECKED_IN', 'BOOKING_WAITLISTED', 'SESSION_CANCELLED'],
    access: door,
    allow: { who: ['officer', 'lead', 'admin'], of: ['station', 'city'] },
  },
];
