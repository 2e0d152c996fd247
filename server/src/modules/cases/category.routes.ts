import { createCategoryBody, updateCategoryBody } from '@citycare/shared';
import type { RouteDoc } from '../openapi/route-doc';

const category = { type: 'object', description: 'CategoryView: id, code, name, acceptHours, resolveHours, stationKinds, active' };
const list = { type: 'object', description: 'CategoryList: items [CategoryView]' };
const manage = ['UNAUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN'] as const;
const admin = { who: ['admin'] } as const;

export const CATEGORY_ROUTES: RouteDoc[] = [
  { method: 'get', path: '/api/categories', summary: 'The categories a new report may take (retired ones left out), with their deadlines in hours', tag: 'categories', response: list, errors: [], access: 'public', allow: { who: 'anyone' } },
  { method: 'get', path: '/api/admin/categories', summary: 'Every category, retired ones too', tag: 'admin', response: list, errors: [...manage], access: 'admin', allow: admin },
  { method: 'post', path: '/api/admin/categories', summary: 'Add a category (code unique, name unique; resolveHours ≥ acceptHours)', tag: 'admin', body: createCategoryBody, response: category, errors: [...manage, 'VALIDATION_FAILED', 'UNKNOWN_FIELD', 'CATEGORY_CODE_TAKEN', 'CATEGORY_NAME_TAKEN'], access: 'admin', allow: admin },
  { method: 'put', path: '/api/admin/categories/{id}', summary: 'Rename, change the deadlines (for cases reported from now on) or the station kinds that handle it', tag: 'admin', params: { id: 'category id' }, body: updateCategoryBody, response: category, errors: [...manage, 'VALIDATION_FAILED', 'UNKNOWN_FIELD', 'CATEGORY_NOT_FOUND', 'CATEGORY_NAME_TAKEN'], access: 'admin', allow: admin },
  { method: 'post', path: '/api/admin/categories/{id}/retire', summary: 'Retire: no longer offered for new reports; its cases keep showing its name', tag: 'admin', params: { id: 'category id' }, response: category, errors: [...manage, 'CATEGORY_NOT_FOUND'], access: 'admin', allow: admin },
  { method: 'post', path: '/api/admin/categories/{id}/reinstate', summary: 'Offer a retired category again', tag: 'admin', params: { id: 'category id' }, response: category, errors: [...manage, 'CATEGORY_NOT_FOUND'], access: 'admin', allow: admin },
];
