import { open311RequestsQuery } from '@citycare/shared';
import type { RouteDoc } from '../openapi/route-doc';

// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2). Every path takes
// .xml (text/xml, the required format) or .json; errors are the specification's
// list of {code, description} in the same format (404 missing, 403 api_key, 400
// anything else), not this API's { error } body, so no error codes are listed.
const format = '{format}: xml | json';
const access = 'public';

export const OPEN311_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/open311/v2/discovery.{format}',
    summary: 'Open311 service discovery: the v2 endpoint, its formats and a daily changeset',
    tag: 'open311',
    params: { format },
    response: { type: 'object', description: 'discovery: changeset, contact, key_service, endpoints' },
    errors: [],
    access,
    allow: { who: 'anyone' },
  },
  {
    method: 'get',
    path: '/open311/v2/services.{format}',
    summary: 'Open311 services: the active case categories (realtime, no attributes)',
    tag: 'open311',
    params: { format },
    response: { type: 'array', description: 'service: service_code, service_name, description, metadata, type, keywords, group' },
    errors: [],
    access,
    allow: { who: 'anyone' },
  },
  {
    method: 'get',
    path: '/open311/v2/services/{code}.{format}',
    summary: 'Open311 service definition (attributes always empty)',
    tag: 'open311',
    params: { code: 'service_code (category code)', format },
    response: { type: 'object', description: 'service_definition: service_code, attributes' },
    errors: [],
    access,
    allow: { who: 'anyone' },
  },
  {
    method: 'get',
    path: '/open311/v2/requests.{format}',
    summary:
      'Open311 service requests, public view only (no reporter, photos, address or exact point; description only if the reporter allowed it; ' +
      'lat/long WGS84 on a ~100 m grid). Default the last 90 days; start_date/end_date (W3C with a zone) may span at most 90 days; ' +
      'service_request_id (comma-separated) overrides the rest; at most 1000, newest first',
    tag: 'open311',
    params: { format },
    query: open311RequestsQuery,
    response: { type: 'array', description: 'request: service_request_id, status open|closed, status_notes, service_name, service_code, description, agency_responsible, service_notice, requested/updated/expected_datetime, lat, long' },
    errors: [],
    access,
    allow: { who: 'anyone' },
  },
  {
    method: 'post',
    path: '/open311/v2/requests.{format}',
    summary:
      'Open311 POST (application/x-www-form-urlencoded with api_key, one of HOTLINE_API_KEYS; missing/wrong → 403). lat/long WGS84 are required ' +
      '(no geocoding of address_string); fields as in the specification (service_code, lat, long, address_string, description, …; shared open311PostForm); ' +
      'contact fields are accepted and not stored. 201 with [{service_request_id, service_notice, account_id}]',
    tag: 'open311',
    params: { format },
    response: { type: 'array', description: 'request: service_request_id, service_notice, account_id' },
    errors: [],
    access: 'holders of a hotline API key',
    allow: { who: 'api-key' },
  },
  {
    method: 'get',
    path: '/open311/v2/requests/{id}.{format}',
    summary: 'One Open311 service request (a list of one), public view only',
    tag: 'open311',
    params: { id: 'service_request_id', format },
    response: { type: 'array', description: 'request (as in requests.{format})' },
    errors: [],
    access,
    allow: { who: 'anyone' },
  },
];
