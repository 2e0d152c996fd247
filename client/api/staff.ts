import type {
  AttendanceList,
  CaseDetail,
  CaseMoveBody,
  CasePage,
  CaseSource,
  CaseStatus,
  CheckinResult,
  CreateEventBody,
  CreatePatrolBody,
  CreateZoneBody,
  EventList,
  EventSessionView,
  EventView,
  FigureScope,
  FiguresResponse,
  ManagedNoticeView,
  NoticePage,
  PatrolDayList,
  PatrolView,
  StaffCaseView,
  UpdateZoneBody,
  ZoneView,
} from '@citycare/shared';
import { request, requestText } from './request';

// Typed endpoints of the staff's side: officers and leads (queue, case moves, patrols, open
// days, stall zones, figures) and secretaries (notices, figures). Bodies are the shared
// schemas' types; times go as ISO strings (the schemas parse them to Date on the server).

/** A schema's body with its Date fields as the ISO strings JSON carries. */
type OnTheWire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | undefined ? string | undefined : T[K] };

export interface QueueFilter {
  status?: readonly CaseStatus[];
  category?: string;
  source?: CaseSource;
  overdue?: boolean;
}

const enc = encodeURIComponent;
const staffCasePath = (id: string, action = '') => `/api/staff/cases/${enc(id)}${action}`;

export type StaffCaseDetail = CaseDetail<StaffCaseView>;
/** A transfer hands the case to another station: the mover no longer sees it. */
export interface MovedAway {
  case: null;
  moved: { id: string; status: CaseStatus; stationId: string };
}

export const staffCases = {
  /** My station's queue, most urgent first; pass the page's `next` as `after`. */
  queue(filter: QueueFilter, after?: string, limit = 20): Promise<CasePage<StaffCaseView>> {
    return request('/api/staff/cases', {
      query: {
        status: filter.status?.length ? filter.status.join(',') : undefined,
        category: filter.category,
        source: filter.source,
        overdue: filter.overdue ? 'true' : undefined,
        after,
        limit,
      },
      auth: true,
    });
  },
  get(id: string): Promise<StaffCaseDetail> {
    return request(staffCasePath(id), { auth: true });
  },
  /** One lifecycle move; 409 when someone else moved the case first. */
  move(id: string, body: CaseMoveBody): Promise<StaffCaseDetail | MovedAway> {
    return request(staffCasePath(id, '/moves'), { method: 'POST', body, auth: true });
  },
  /** A public reply the reporter sees (with photos); sent again with the same key, it lands once. */
  reply(id: string, text: string, photos: string[], idempotencyKey: string): Promise<StaffCaseDetail> {
    return request(staffCasePath(id, '/replies'), { method: 'POST', body: { text, photos }, idempotencyKey, auth: true });
  },
  /** The reporter's full number, to dial now (staff of the case's station; noted in the timeline). */
  reporterPhone(id: string): Promise<{ phone: string }> {
    return request(staffCasePath(id, '/reporter-phone'), { method: 'POST', auth: true });
  },
  /** An internal note only staff see; sent again with the same key, it lands once. */
  note(id: string, text: string, photos: string[], idempotencyKey: string): Promise<StaffCaseDetail> {
    return request(staffCasePath(id, '/notes'), { method: 'POST', body: { text, photos }, idempotencyKey, auth: true });
  },
};

export const patrols = {
  /** 巡查台账 entry; problems found become `patrol` cases in the same call. */
  create(body: OnTheWire<CreatePatrolBody>, idempotencyKey: string): Promise<PatrolView> {
    return request('/api/staff/patrols', { method: 'POST', body, idempotencyKey, auth: true, timeoutMs: 20_000 });
  },
  /** The logs of a China calendar day (officer: own; lead: the station's). */
  day(date?: string): Promise<PatrolDayList> {
    return request('/api/staff/patrols', { query: { date }, auth: true });
  },
  exportCsv(date?: string): Promise<string> {
    return requestText('/api/staff/patrols/export', { query: { date } });
  },
};

export type NewSession = { startAt: string; endAt: string; capacity: number; cancelCutoffAt?: string; bookingClosesAt?: string };

export const staffEvents = {
  /** My station's events, newest first, cancelled ones included. */
  list(): Promise<EventList> {
    return request('/api/staff/events', { auth: true });
  },
  /** The same `idempotencyKey` for a resend of the same event: it is made once. */
  create(body: Omit<CreateEventBody, 'stationId'>, idempotencyKey: string): Promise<EventView> {
    return request('/api/staff/events', { method: 'POST', body, idempotencyKey, auth: true });
  },
  update(id: string, body: Partial<Omit<CreateEventBody, 'stationId'>>): Promise<EventView> {
    return request(`/api/staff/events/${enc(id)}`, { method: 'PATCH', body, auth: true });
  },
  cancel(id: string): Promise<EventView> {
    return request(`/api/staff/events/${enc(id)}/cancel`, { method: 'POST', auth: true });
  },
  /** The same `idempotencyKey` for a resend of the same session: it is added once. */
  addSession(eventId: string, body: NewSession, idempotencyKey: string): Promise<EventView> {
    return request(`/api/staff/events/${enc(eventId)}/sessions`, { method: 'POST', body, idempotencyKey, auth: true });
  },
  updateSession(id: string, body: Partial<NewSession>): Promise<EventSessionView> {
    return request(`/api/staff/event-sessions/${enc(id)}`, { method: 'PATCH', body, auth: true });
  },
  cancelSession(id: string): Promise<EventSessionView> {
    return request(`/api/staff/event-sessions/${enc(id)}/cancel`, { method: 'POST', auth: true });
  },
  attendance(sessionId: string): Promise<AttendanceList> {
    return request(`/api/staff/event-sessions/${enc(sessionId)}/attendance`, { auth: true });
  },
  attendanceCsv(sessionId: string): Promise<string> {
    return requestText(`/api/staff/event-sessions/${enc(sessionId)}/attendance.csv`);
  },
  /** A booking code as scanned or typed; with a session, the booking must be for it. */
  checkIn(code: string, sessionId?: string): Promise<CheckinResult> {
    return request('/api/staff/checkins', { method: 'POST', body: { code, sessionId }, auth: true });
  },
};

export const staffZones = {
  create(body: Omit<CreateZoneBody, 'stationId'>): Promise<ZoneView> {
    return request('/api/zones', { method: 'POST', body, auth: true });
  },
  update(id: string, body: UpdateZoneBody): Promise<ZoneView> {
    return request(`/api/zones/${enc(id)}`, { method: 'PATCH', body, auth: true });
  },
  remove(id: string): Promise<void> {
    return request(`/api/zones/${enc(id)}`, { method: 'DELETE', auth: true });
  },
};

export const figures = {
  /** 三率 of my station (lead) or community (secretary) over China days from..to. */
  get(scope: FigureScope, from: string, to: string): Promise<FiguresResponse> {
    return request('/api/figures', { query: { scope, from, to }, auth: true });
  },
};

export interface NoticeDraft {
  title: string;
  body: string;
  photos: string[];
  pinned: boolean;
}

export const managedNotices = {
  /** My community's notices with read counts, withdrawn ones included. */
  list(after?: string, limit = 20): Promise<NoticePage<ManagedNoticeView>> {
    return request('/api/notices/managed', { query: { after, limit }, auth: true });
  },
  /** The same `idempotencyKey` for a resend of the same notice: it is posted once. */
  publish(draft: NoticeDraft, idempotencyKey: string): Promise<ManagedNoticeView> {
    return request('/api/notices', { method: 'POST', body: draft, idempotencyKey, auth: true });
  },
  update(id: string, patch: Partial<NoticeDraft>): Promise<ManagedNoticeView> {
    return request(`/api/notices/${enc(id)}`, { method: 'PATCH', body: patch, auth: true });
  },
  withdraw(id: string): Promise<ManagedNoticeView> {
    return request(`/api/notices/${enc(id)}/withdraw`, { method: 'POST', auth: true });
  },
};
