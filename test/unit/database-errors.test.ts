import { databaseTarget, databaseUnavailable, permanentDatabaseError, sqlState } from '../../src/database/database-errors.js';

/** Errors shaped as the Prisma driver adapter and node-postgres raise them (seen against a real server). */
const adapterError = (cause: Record<string, unknown>, code = 'P2010') => Object.assign(new Error('database error'), { code, meta: { driverAdapterError: { name: 'DriverAdapterError', cause } } });

describe('database errors', () => {
  it.each([
    ['a refused connection', adapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 }, 'P1001')],
    ['a pooled connection that died under a query', new Error('Connection terminated unexpectedly')],
    ['a client that cannot query any more', new Error('Client has encountered a connection error and is not queryable')],
    ['a server shutting down (57P01)', adapterError({ originalCode: '57P01', kind: 'postgres' })],
    ['a connection exception (08006)', adapterError({ originalCode: '08006', kind: 'postgres' })],
    ['a pool timeout (P2024)', Object.assign(new Error('pool timeout'), { code: 'P2024' })],
    ['a socket error wrapped as a cause', Object.assign(new Error('query failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })],
  ])('treats %s as the database being unavailable (503, retry)', (_what, error) => {
    expect(databaseUnavailable(error)).toBe(true);
    expect(permanentDatabaseError(error)).toBeNull();
  });

  it.each([
    ['a NUL byte (22021)', adapterError({ originalCode: '22021', kind: 'postgres' }, 'P2039'), 'PostgreSQL refused the data (SQLSTATE 22021)'],
    ['a foreign key violation (23503)', adapterError({ originalCode: '23503', kind: 'ForeignKeyConstraintViolation' }, 'P2003'), 'PostgreSQL refused the data (SQLSTATE 23503)'],
  ])('treats %s as permanent (no retry can pass)', (_what, error, reason) => {
    expect(permanentDatabaseError(error)).toBe(reason);
    expect(databaseUnavailable(error)).toBe(false);
  });

  it('reads the SQLSTATE where the adapter puts it, and nothing that is not one', () => {
    expect(sqlState(adapterError({ originalCode: '22P05' }))).toBe('22P05');
    expect(sqlState(new Error('x'))).toBeNull();
    expect(sqlState(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBeNull();
  });

  it('names a database without its credentials', () => {
    expect(databaseTarget('postgresql://tenggat:s3cret@db.internal:6543/tenggat?schema=x')).toBe('db.internal:6543/tenggat');
    expect(databaseTarget('not a url')).toBe('(unparsable DATABASE_URL)');
  });
});
