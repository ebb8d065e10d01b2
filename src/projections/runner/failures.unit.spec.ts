import { isTransientFailure } from './failures';

const pg = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('isTransientFailure', () => {
  it.each(['08006', '08P01', '40001', '40P01', '53300', '57P01', '57014', '55P03', '58030'])(
    'retries SQLSTATE %s',
    (code) => expect(isTransientFailure(pg(code))).toBe(true),
  );

  it.each(['22007', '22P02', '22P05', '23505', '23514', '42703', 'P0001', 'XX000'])(
    'stops on SQLSTATE %s',
    (code) => expect(isTransientFailure(pg(code))).toBe(false),
  );

  it('retries socket errors and a dropped node-postgres connection', () => {
    expect(isTransientFailure(Object.assign(new Error('read'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransientFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientFailure(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('stops on an error thrown by projector code', () => {
    expect(
      isTransientFailure(new TypeError("Cannot read properties of undefined (reading 'gigId')")),
    ).toBe(false);
    expect(isTransientFailure('a string')).toBe(false);
  });
});
