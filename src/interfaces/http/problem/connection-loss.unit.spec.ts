import { toProblem } from './problem-details.filter';

/** What the drivers throw when Postgres or Redis goes away mid-request. */
const lost: [string, unknown][] = [
  ['a terminated backend (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
  ['a broken connection (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
  ['a refused connect', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
  ['a refused dual-stack connect', new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })])],
  ['a socket closed under pg', new Error('Connection terminated unexpectedly')],
  ['a dead pg client', new Error('Client has encountered a connection error and is not queryable')],
  ['ioredis giving up on a command', Object.assign(new Error('Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.'), { name: 'MaxRetriesPerRequestError' })],
  ['ioredis on a closed connection', new Error('Connection is closed.')],
];

describe('a lost Postgres or Redis connection on an HTTP request', () => {
  it.each(lost)('answers 503 SERVICE_UNAVAILABLE with a retry delay for %s', (_name, error) => {
    expect(toProblem(error)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
  });

  it('still answers 500 for a bug or any other database error', () => {
    expect(toProblem(new TypeError('x is undefined')).status).toBe(500);
    expect(toProblem(Object.assign(new Error('duplicate key'), { code: '23505' })).status).toBe(500);
  });
});
