import { toErrorResponse } from './error-response';

// The database going away mid-request is a 503 the client retries (R13), never a 500.
const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('toErrorResponse', () => {
  test.each([
    named('MongoNetworkError', 'connection 3 to 127.0.0.1:38053 closed'),
    named('MongoPoolClearedError', 'Connection pool for 127.0.0.1:38053 was cleared because another operation failed'),
    named('MongoServerClosedError', 'Server is closed'),
    named('MongoServerError', 'failed to connect to `host=127.0.0.1 user=postgres database=citycare`: dial error (connect ECONNREFUSED)'),
    named('MongoServerError', 'FATAL: the database system is starting up (SQLSTATE 57P03)'),
    Object.assign(new Error('write failed'), { cause: named('MongoNetworkError', 'read ECONNRESET') }),
    // Node's own error when the driver writes to a connection the database closed (seen in R13).
    Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }),
  ])('when the database is unreachable (%s), then 503 DATABASE_UNAVAILABLE', (err) => {
    const { status, body } = toErrorResponse(err, 'r1');
    expect(status).toBe(503);
    expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
  });

  test('when the code fails on its own, then 500 INTERNAL_ERROR with nothing internal in the body', () => {
    const { status, body } = toErrorResponse(new TypeError("Cannot read properties of undefined (reading 'x')"), 'r2');
    expect(status).toBe(500);
    expect(body.error.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/TypeError|undefined/);
  });
});
