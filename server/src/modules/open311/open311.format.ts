import { AppError } from '../../common/app-error';

/**
 * GeoReport v2 output. XML is the specification's required format, JSON the
 * offered one; the JSON is the programmatic (Spark convention) mapping of the
 * XML, so both come from one value: a list root (services, service_requests,
 * errors) is a JSON array whose XML items take the singular element name.
 */
export type Format = 'xml' | 'json';

export const CONTENT_TYPES: Record<Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

/** `services.json` → { name: 'services', format: 'json' }; anything else is not a resource here (404). */
export function splitFormat(file: string): { name: string; format: Format } {
  const match = /^(.+)\.(xml|json)$/.exec(file);
  if (!match) throw new AppError('NOT_FOUND');
  return { name: match[1], format: match[2] as Format };
}

/** The format an /open311 path asks for; XML unless it ends in .json. */
export function formatOfPath(path: string): Format {
  return path.endsWith('.json') ? 'json' : 'xml';
}

export function render(format: Format, root: string, value: unknown): string {
  if (format === 'json') return JSON.stringify(value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text without what XML 1.0 cannot carry at all (control characters, lone surrogates), so XML and JSON say the same. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}
