// JSON schemas of the response shapes in shared/src/api (TypeScript types
// have no runtime form, so they are described here once).

const str = { type: 'string' };
const num = { type: 'number' };

const stationSummary = {
  type: 'object',
  required: ['id', 'name', 'community', 'address', 'lat', 'lng', 'phone', 'openingHours', 'demo'],
  properties: {
    id: str,
    name: str,
    community: str,
    address: str,
    lat: { ...num, description: 'GCJ-02 latitude' },
    lng: { ...num, description: 'GCJ-02 longitude' },
    phone: str,
    openingHours: str,
    demo: { type: 'boolean', description: 'demo data (演示数据), never real' },
  },
};

export const RESPONSE_SCHEMAS: Record<string, Record<string, unknown>> = {
  StationSummary: stationSummary,
  NearbyStation: {
    allOf: [{ $ref: '#/components/schemas/StationSummary' }, { type: 'object', properties: { distanceM: num } }],
  },
  StationDetail: {
    allOf: [
      { $ref: '#/components/schemas/StationSummary' },
      {
        type: 'object',
        properties: {
          officers: {
            type: 'array',
            items: {
              type: 'object',
              properties: { name: str, role: str, photoUrl: { type: ['string', 'null'] }, duties: { type: 'array', items: str } },
            },
          },
        },
      },
    ],
  },
  NearestStationsResponse: {
    type: 'object',
    properties: { items: { type: 'array', items: { $ref: '#/components/schemas/NearbyStation' } }, searchedRadiusM: num },
  },
  StationListResponse: {
    type: 'object',
    properties: { items: { type: 'array', items: { $ref: '#/components/schemas/StationSummary' } } },
  },
  HealthResponse: {
    type: 'object',
    properties: {
      status: { enum: ['ok', 'degraded'] },
      database: { enum: ['up', 'down'] },
      uptimeS: num,
      version: str,
    },
  },
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { ...str, description: 'stable error code; see docs/errors.md' },
          message: { ...str, description: 'readable Chinese message' },
          details: {
            type: 'array',
            items: { type: 'object', properties: { field: str, code: str, message: str } },
          },
          requestId: str,
        },
      },
    },
  },
};
