import { createPatrolBody, patrolListQuery } from '@citycare/shared';
import { withThumbnail, type RouteDoc } from '../openapi/route-doc';

const patrol = {
  type: 'object',
  description: 'PatrolView: id, stationId, officerId, officerName, date (China day), startedAt, endedAt, area, notes, photos (URLs), cases [{ id, category, status, address }], createdAt',
};
const id = { id: 'patrol log id' };
const readErrors = ['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_DATE_RANGE', 'UNKNOWN_FIELD'] as const;

export const PATROL_ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/staff/patrols',
    summary:
      '巡查台账: record a patrol. Each problem found becomes a case with source patrol (未诉先办), routed as usual, linked from the log (≤ 20). Header Idempotency-Key: same key and body → same log and cases',
    tag: 'patrols',
    body: createPatrolBody,
    response: patrol,
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'UNKNOWN_FIELD', 'VALIDATION_FAILED', 'INVALID_COORDINATES', 'CONTENT_RISKY', 'MEDIA_NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'CONCURRENT_UPDATE'],
    access: 'officer, lead (of a station)',
    allow: { who: ['officer', 'lead'] },
  },
  {
    method: 'get',
    path: '/api/staff/patrols',
    summary: 'The patrols that started on a China calendar day (date=YYYY-MM-DD, default today), earliest first',
    tag: 'patrols',
    query: patrolListQuery,
    response: { type: 'object', properties: { date: { type: 'string' }, items: { type: 'array', items: patrol } } },
    errors: [...readErrors],
    access: "lead: their station's; admin: all or stationId; officer: their own",
    allow: { who: ['officer', 'lead', 'admin'] },
  },
  {
    method: 'get',
    path: '/api/staff/patrols/export',
    summary: 'The same day as CSV (text/csv, UTF-8 with BOM): 日期, 开始时间, 结束时间, 队员, 巡查区域, 发现问题数, 案件编号, 备注',
    tag: 'patrols',
    query: patrolListQuery,
    response: { type: 'string', format: 'binary' },
    errors: [...readErrors],
    access: "lead: their station's; admin: all or stationId; officer: their own",
    allow: { who: ['officer', 'lead', 'admin'] },
  },
  { method: 'get', path: '/api/staff/patrols/{id}', summary: 'One patrol log with its cases', tag: 'patrols', params: id, response: patrol, errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'PATROL_NOT_FOUND'], access: 'its officer, leads of its station, admin', allow: { who: ['officer', 'lead', 'admin'], of: ['owner', 'station', 'city'] } },
  ...withThumbnail({
    method: 'get',
    path: '/api/staff/patrols/{id}/photos/{mediaId}',
    summary: "A patrol log's photo (JPEG; append /thumb for the thumbnail)",
    tag: 'patrols',
    params: { ...id, mediaId: 'media id' },
    response: { type: 'string', format: 'binary' },
    errors: ['UNAUTHENTICATED', 'FORBIDDEN', 'PATROL_NOT_FOUND', 'MEDIA_NOT_FOUND'],
    access: 'its officer, leads of its station, admin',
    allow: { who: ['officer', 'lead', 'admin'], of: ['owner', 'station', 'city'] },
  }),
];
