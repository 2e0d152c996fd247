// Hostile inputs generated from the shared schemas (R7): the JSON Schema the
// OpenAPI document is built from (jsonSchemaOf) turned into fast-check
// arbitraries that give, field by field, either a value of the right shape
// (so the request gets past the first check and reaches deeper code) or a
// hostile one: the wrong type, a huge or odd string, unicode, operator
// objects, prototype keys; with fields left out and unknown ones added.
import fc from 'fast-check';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  default?: unknown;
};

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '🧨'.repeat(50),
  'Ａ'.repeat(300),
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '"; DROP TABLE cases; --',
  '../../../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '=HYPERLINK("http://x")',
  '1e999',
  '-0',
  'NaN',
  'Infinity',
  'null',
  'true',
  '0x1F',
  '9007199254740993',
  '2025-02-30T25:61:61+08:00',
  '0000-00-00',
  '__proto__',
  'constructor',
  'ffffffffffffffffffffffff',
  '000000000000000000000000',
  'x'.repeat(5_000),
];

/** A value that is wrong for almost any field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    -0,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    [],
    {},
    { $ne: null },
    { $gt: '' },
    { $where: 'sleep(1000)' },
    { $regex: '.*' },
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__":{"polluted":1}}'),
    { constructor: { prototype: { polluted: 1 } } },
    [[[[[[[[[[]]]]]]]]]],
    Array.from({ length: 1_000 }, () => 'a'),
    'x'.repeat(70_000),
  ),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

function sameShape(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => sameShape(s, ids)));
  if (schema.allOf?.length) return sameShape(schema.allOf[0], ids);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') ?? 'null' : schema.type;
  switch (type) {
    case 'string':
      return stringOf(schema, ids);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? fieldOf(schema.items, ids) : hostileValue, { maxLength: Math.min(schema.maxItems ?? 12, 12) + 2 });
    case 'object':
      return objectOf(schema, ids);
    default:
      return hostileValue;
  }
}

function stringOf(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<string> {
  if (schema.pattern === '^[0-9a-f]{24}$' || /\[0-9a-f\]\{24\}/i.test(schema.pattern ?? '')) {
    return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.stringMatching(/^[0-9a-f]{24}$/)) : fc.stringMatching(/^[0-9a-f]{24}$/);
  }
  if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 10_000));
    } catch {
      // a pattern fast-check cannot read: plain strings
    }
  }
  return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 60, 400) });
}

/** Just off a string's shape: empty, blank, cut short, one character changed, a number's text. */
function nearMiss(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const shaped = sameShape(schema, ids).map((v) => (typeof v === 'string' ? v : String(v)));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('', ' ', '\t', '0', '-1', '1') },
    { weight: 1, arbitrary: shaped.map((v) => v.slice(0, Math.max(0, v.length - 1))) },
    { weight: 1, arbitrary: shaped.map((v) => `${v}x`) },
    { weight: 1, arbitrary: shaped.map((v) => ` ${v} `) },
  );
}

/** One field: mostly of its own shape, sometimes just off it (strings), sometimes hostile. */
export function fieldOf(schema: JsonSchema, ids: readonly string[] = []): fc.Arbitrary<unknown> {
  const isString = schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
  return fc.oneof(
    { weight: 3, arbitrary: sameShape(schema, ids) },
    { weight: isString ? 1 : 0, arbitrary: isString ? nearMiss(schema, ids) : fc.constant('') },
    { weight: 1, arbitrary: hostileValue },
  );
}

function objectOf(schema: JsonSchema, ids: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  // Each field there four times in five (option's nil comes once in `freq`): enough bodies get far enough to test the checks across fields.
  const fields = Object.fromEntries(Object.entries(props).map(([name, s]) => [name, fc.option(fieldOf(s, ids), { freq: 5, nil: undefined })]));
  const known = fc.record(fields).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  const extra = fc.dictionary(fc.oneof(fc.constantFrom('status', 'role', 'reporterId', 'stationId', 'community', 'counters', '$where', '__proto__', 'constructor'), fc.string({ maxLength: 10 })), hostileValue, { maxKeys: 2 });
  // fast-check's option gives nil once in `freq`: so unknown fields come in one body in four.
  return fc.tuple(known, fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: extra })).map(([k, e]) => ({ ...k, ...(e ?? {}) }));
}

/** A whole JSON body for `schema`: usually an object of its fields, sometimes not an object at all. */
export function bodyOf(schema: JsonSchema | undefined, ids: readonly string[] = []): fc.Arbitrary<unknown> {
  const shaped = schema ? objectOf(schema, ids) : fc.dictionary(fc.string({ maxLength: 10 }), hostileValue, { maxKeys: 3 });
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

/** Query parameters for `schema`: strings as a query string carries them, some repeated, some hostile. */
export function queryOf(schema: JsonSchema | undefined, ids: readonly string[] = []): fc.Arbitrary<Record<string, string | string[]>> {
  const props = schema?.properties ?? {};
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  const value = (s: JsonSchema) =>
    fc.oneof(
      { weight: 4, arbitrary: sameShape(s, ids).map(asText) },
      { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 1, arbitrary: fc.array(fc.constantFrom('1', 'a', '', '$ne'), { minLength: 2, maxLength: 3 }) },
    );
  const known = fc.record(Object.fromEntries(Object.entries(props).map(([name, s]) => [name, value(s)])), { requiredKeys: [] });
  const extra = fc.dictionary(fc.constantFrom('$where', '__proto__', 'limit[$gt]', 'x', 'role'), fc.constantFrom(...HOSTILE_STRINGS), { maxKeys: 1 });
  return fc.tuple(known, fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: extra })).map(([k, e]) => ({ ...k, ...(e ?? {}) }) as Record<string, string | string[]>);
}

/** Percent-encoding that also takes a lone surrogate (sent as the invalid UTF-8 it would be). */
export function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((ch) => { try { return encodeURIComponent(ch); } catch { return '%ED%A0%80'; } }).join('');
  }
}

/** A query string from fields, repeated keys for arrays, however odd the text. */
export function queryString(query: Record<string, string | string[]>): string {
  return Object.entries(query)
    .flatMap(([k, v]) => [v].flat().map((one) => `${safeEncode(k)}=${safeEncode(one)}`))
    .join('&');
}

/** A path parameter: a real id, a made-up one, or something hostile. */
export function pathParamOf(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: real.length ? fc.constantFrom(...real) : fc.stringMatching(/^[0-9a-f]{24}$/) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{24}$/) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map((s) => safeEncode(s.slice(0, 300)) || '%20') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(safeEncode) },
  );
}

/**
 * What no answer may contain: a stack trace, or the names of what runs underneath. E11000 (the
 * duplicate-key code) only as a word of its own: a random request id ("…62bde110004f") holds
 * those letters about once in two million answers, and did.
 */
export const LEAK = /\n\s+at [\w.<>[\] ]+\(|\bat [\w./-]+\.(ts|js):\d+|mongoose|mongodb|MongoServerError|MongoError|\bE11000\b|ferretdb|sqlite|postgres|BSONError|CastError|TypeError|ReferenceError|node_modules/i;
