import { hotlineCaseBody } from '@citycare/shared';
import type { RouteDoc } from '../openapi/route-doc';

const status = {
  type: 'object',
  description: 'HotlineCaseStatus: hotlineId, caseId, status, statusName, outcome, stationName, createdAt, updatedAt, replies [{at, text}]; never the caller phone',
};

export const HOTLINE_ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/hotline/cases',
    summary:
      '12345 intake (header X-Api-Key). 201 new case; 200 the same hotlineId and content again (same case); 409 same hotlineId, other content. ' +
      'lat/lng (GCJ-02, or coordSystem wgs84) locate it; stationId queues it at a dispatched station; without lat/lng, stationId is required (400). ' +
      'callerPhone is stored AES-256-GCM-sealed (HOTLINE_PHONE_KEY) or not at all',
    tag: 'hotline',
    body: hotlineCaseBody,
    response: status,
    errors: ['API_KEY_INVALID', 'VALIDATION_FAILED', 'UNKNOWN_FIELD', 'INVALID_COORDINATES', 'HOTLINE_ID_CONFLICT'],
    access: 'the 12345 integration (HOTLINE_API_KEYS)',
    allow: { who: 'api-key' },
  },
  {
    method: 'get',
    path: '/api/hotline/cases/{hotlineId}',
    summary: 'Status, outcome and public replies of a hotline case (header X-Api-Key)',
    tag: 'hotline',
    params: { hotlineId: '12345 work-order number' },
    response: status,
    errors: ['API_KEY_INVALID', 'HOTLINE_CASE_NOT_FOUND'],
    access: 'the 12345 integration (HOTLINE_API_KEYS)',
    allow: { who: 'api-key' },
  },
  {
    method: 'post',
    path: '/api/admin/hotline/import',
    summary:
      'CSV import (Content-Type: text/csv, UTF-8, ≤ 2 MB, ≤ 1000 rows (413 beyond)). Header row with columns hotlineId,category,text,address[,lat,lng,coordSystem,callerPhone,stationId] in any order; ' +
      'answers a per-row report {row (line in the file), hotlineId, result imported|duplicate|rejected, reason}',
    tag: 'hotline',
    response: { type: 'object', description: 'HotlineImportReport: imported, duplicates, rejected counts and rows' },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'VALIDATION_FAILED', 'UNKNOWN_FIELD', 'PAYLOAD_TOO_LARGE'],
    access: 'admin',
    allow: { who: ['admin'] },
  },
];
