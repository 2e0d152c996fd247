import { caseMoveBody, caseRatingBody, caseReplyBody, createCaseBody, myCasesQuery, queueQuery } from '@citycare/shared';
import type { RouteDoc } from '../openapi/route-doc';

const detail = { type: 'object', description: 'CaseDetail: case (CaseView; StaffCaseView with reporter for staff) and timeline' };
const page = { type: 'object', description: 'CasePage: items and next cursor' };
const id = { id: 'case id' };
const staffErrors = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'CASE_NOT_FOUND'] as const;

export const CASE_ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/cases',
    summary: '随手拍: report a problem. Header Idempotency-Key (8–64 chars): same key and body → same case; other body → 422',
    tag: 'cases',
    body: createCaseBody,
    response: detail,
    errors: ['UNAUTHENTICATED', 'UNKNOWN_FIELD', 'INVALID_COORDINATES', 'CONTENT_RISKY', 'IDEMPOTENCY_KEY_REUSED', 'MEDIA_NOT_FOUND', 'TOO_MANY_PHOTOS'],
    access: 'resident, secretary (吹哨), officer/lead (patrol)',
    allow: { who: ['resident', 'secretary', 'officer', 'lead', 'admin'] },
  },
  { method: 'get', path: '/api/cases', summary: 'My cases, newest first (keyset: before)', tag: 'cases', query: myCasesQuery, response: page, errors: ['UNAUTHENTICATED'], access: 'signed in', allow: { who: 'signed-in' } },
  { method: 'get', path: '/api/cases/{id}', summary: 'A case with its timeline (public entries; internal notes for staff)', tag: 'cases', params: id, response: detail, errors: [...staffErrors], access: 'reporter, followers, staff of its station', allow: { who: 'signed-in', of: ['owner', 'station', 'city'] } },
  {
    method: 'post',
    path: '/api/cases/{id}/rating',
    summary: 'Rate a resolved case once: ≤2 reopens (重办), ≥4 closes',
    tag: 'cases',
    params: id,
    body: caseRatingBody,
    response: detail,
    errors: [...staffErrors, 'NOT_RATABLE', 'ALREADY_RATED'],
    access: 'reporter',
    allow: { who: ['resident', 'secretary'], of: ['owner'] },
  },
  { method: 'get', path: '/api/staff/cases', summary: 'The station queue, most urgent first (keyset: after)', tag: 'staff', query: queueQuery, response: page, errors: ['UNAUTHENTICATED', 'FORBIDDEN'], access: 'officer, lead, admin', allow: { who: ['officer', 'lead', 'admin'] } },
  { method: 'get', path: '/api/staff/cases/{id}', summary: 'A case with reporter (masked phone; none if anonymous) and internal notes', tag: 'staff', params: id, response: detail, errors: [...staffErrors], access: 'officer, lead of its station; admin', allow: { who: ['officer', 'lead', 'admin'], of: ['station', 'city'] } },
  {
    method: 'post',
    path: '/api/staff/cases/{id}/moves',
    summary: 'Apply a lifecycle move (shared/case-lifecycle.ts); concurrent moves: one wins, others 409',
    tag: 'staff',
    params: id,
    body: caseMoveBody,
    response: detail,
    errors: [...staffErrors, 'FORBIDDEN', 'ILLEGAL_TRANSITION', 'CONCURRENT_UPDATE', 'VALIDATION_FAILED'],
    access: 'officer, lead (transfer, reopen: lead) of its station; admin',
    allow: { who: ['officer', 'lead', 'admin'], of: ['station', 'city'] },
  },
  { method: 'post', path: '/api/staff/cases/{id}/replies', summary: 'A public reply the reporter sees (notifies them)', tag: 'staff', params: id, body: caseReplyBody, response: detail, errors: [...staffErrors], access: 'officer, lead of its station; admin', allow: { who: ['officer', 'lead', 'admin'], of: ['station', 'city'] } },
  { method: 'post', path: '/api/staff/cases/{id}/notes', summary: 'An internal note (staff only)', tag: 'staff', params: id, body: caseReplyBody, response: detail, errors: [...staffErrors], access: 'officer, lead of its station; admin', allow: { who: ['officer', 'lead', 'admin'], of: ['station', 'city'] } },
];
