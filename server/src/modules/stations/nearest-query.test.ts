import { nearestStationsQuery } from '@citycare/shared';
import { validate } from '../../common/validate';
import { nearestQuery } from './nearest-query';

const outcome = (read: () => unknown) => {
  try {
    return { value: read() };
  } catch (err) {
    return { error: (err as { code?: string }).code, details: (err as { details?: unknown }).details };
  }
};

describe('nearestQuery', () => {
  const queries: Array<Record<string, unknown>> = [
    { lat: '32.5395', lng: '120.4595' },
    { lat: '32.5395', lng: '120.4595', limit: '10' },
    { lat: '-90', lng: '180', limit: '50' },
    { lat: '+90.000000000000000', lng: '-180.0', limit: '1' },
    { lat: '90.0000001', lng: '0' },
    { lat: '0', lng: '-180.5' },
    { lat: '1', lng: '2', limit: '0' },
    { lat: '1', lng: '2', limit: '51' },
    { lat: '1', lng: '2', limit: '050' },
    { lat: '1', lng: '2', limit: '1.5' },
    { lat: ' 1', lng: '2 ' },
    { lat: '1e3', lng: '2' },
    { lat: '', lng: '2' },
    { lat: '1', lng: '2', $where: '1' },
    { lat: '1' },
    { lat: ['1', '2'], lng: '2' },
    { lat: '1', lng: '2', limit: ['1'] },
    { lat: '1.', lng: '2' },
    { lat: '1234567890123', lng: '2' },
    { lat: '1\u0000', lng: '2' },
  ];

  it.each(queries.map((q) => [JSON.stringify(q), q]))('when the query is %s, then the answer is the shared schema’s', (_name, query) => {
    expect(outcome(() => nearestQuery(query as Record<string, unknown>))).toEqual(outcome(() => validate(nearestStationsQuery, query)));
  });
});
