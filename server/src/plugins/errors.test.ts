import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, pgErrorCode } from './errors';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['57P01 admin shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash shutdown', withCode('57P02')],
    ['57P03 cannot connect now', withCode('57P03', 'the database system is shutting down')],
    ['08006 connection failure', withCode('08006')],
    ['08001 unable to connect', withCode('08001')],
    ['53300 too many connections', withCode('53300')],
    ['ECONNREFUSED', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['ECONNRESET', withCode('ECONNRESET')],
    [
      'every address refused',
      Object.assign(new AggregateError([withCode('ECONNREFUSED')]), { code: undefined }),
    ],
    ['socket closed', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    [
      'connect timeout of a new connection',
      new Error('Connection terminated due to connection timeout', { cause: new Error('x') }),
    ],
    ['broken client', new Error('Client has encountered a connection error and is not queryable')],
    [
      'wrapped by Drizzle',
      new DrizzleQueryError(
        'select 1',
        [],
        withCode('57P01', 'terminating connection due to administrator command'),
      ),
    ],
  ])('%s: yes', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', withCode('23505')],
    ['undefined table', withCode('42P01')],
    ['query canceled by statement_timeout', withCode('57014')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['not an error', 'Connection terminated'],
    ['nothing', undefined],
  ])('%s: no', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('leaves the SQLSTATE of an ordinary failure readable', () => {
    expect(pgErrorCode(new DrizzleQueryError('insert', [], withCode('23505')))).toBe('23505');
  });
});
