// Open311 GeoReport v2 response shapes (the JSON form; XML is the same tree).
// Only the public view of a case (docs/design.md, "The case lifecycle") ever takes this shape.

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface Open311ServiceDefinition {
  service_code: string;
  /** No category asks extra questions (yet), so this is always empty. */
  attributes: never[];
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  /** Only when the reporter allowed it (publicDescription). */
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  /** WGS84, rounded to a grid of about 100 m. */
  lat: number;
  long: number;
}

export interface Open311Created {
  service_request_id: string;
  service_notice: string | null;
  account_id: null;
}

export interface Open311Error {
  code: number;
  description: string;
}

export interface Open311Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: Array<{ specification: string; url: string; changeset: string; type: 'production' | 'test'; formats: string[] }>;
}
