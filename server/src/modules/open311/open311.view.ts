import {
  CASE_OUTCOME_LABELS,
  CASE_STATUS_LABELS,
  gcj02ToWgs84,
  isOpen,
  PUBLIC_GRID_M,
  roundToGrid,
  type Open311Request,
  type Open311Service,
} from '@citycare/shared';
import type { CaseDoc } from '../cases/case.model';
import type { CategoryDoc } from '../cases/category.model';
import { isOverdue } from '../cases/case.view';
import { w3c } from './open311.dates';
import { xmlSafe } from './open311.format';
import { textFor } from '../../common/public-text';

export interface RequestContext {
  serviceName: string | null;
  agency: string | null;
  /** The latest public reply of an officer, if any. */
  latestReply: string | null;
  now: Date;
}

/**
 * The public view of a case (docs/design.md, "The case lifecycle") in GeoReport v2 terms: category,
 * status, outcome and replies (as status_notes), dates, station, a rounded
 * location; the description only when the reporter allowed it. Never the
 * reporter, never photos (no media_url), never the exact point or address.
 */
export function toOpen311Request(doc: CaseDoc, ctx: RequestContext): Open311Request {
  const open = isOpen(doc.status);
  const where = roundToGrid(gcj02ToWgs84({ lat: doc.lat, lng: doc.lng }), PUBLIC_GRID_M);
  return {
    service_request_id: doc._id.toHexString(),
    status: open ? 'open' : 'closed',
    status_notes: xmlSafe(textFor('public', statusNotes(doc, ctx))),
    service_name: ctx.serviceName,
    service_code: doc.category,
    description: doc.publicDescription ? xmlSafe(textFor('public', doc.description)) : null,
    agency_responsible: ctx.agency,
    service_notice: null,
    requested_datetime: w3c(doc.createdAt),
    // "For requests with status=closed, this will be the date the request was closed."
    updated_datetime: w3c(open ? doc.updatedAt : (doc.closedAt ?? doc.resolvedAt ?? doc.updatedAt)),
    expected_datetime: open ? w3c(doc.resolveBy) : null,
    lat: where.lat,
    long: where.lng,
  };
}

/** 已办结（已解决）：已劝离摊贩 — our status in words, the outcome, overdue, and the latest public reply. */
function statusNotes(doc: CaseDoc, ctx: RequestContext): string {
  const outcome = doc.outcome ? `（${CASE_OUTCOME_LABELS[doc.outcome]}）` : '';
  const overdue = isOverdue(doc, ctx.now) ? '，已超期' : '';
  const reply = ctx.latestReply ? `：${ctx.latestReply}` : '';
  return `${CASE_STATUS_LABELS[doc.status]}${outcome}${overdue}${reply}`;
}

export function toOpen311Service(category: CategoryDoc): Open311Service {
  return {
    service_code: category.code,
    service_name: category.name,
    description: `${category.name}：受理时限 ${category.acceptHours} 小时，办结时限 ${category.resolveHours} 小时`,
    metadata: false,
    type: 'realtime',
    keywords: category.name.split('/').join(','),
    group: '城市管理',
  };
}
