import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { buildOpenApi } from '../../../src/bootstrap';
import type { AccountRole } from '../../../src/interfaces/http/auth/actor';
import { loadMatrix } from '../access/app-routes';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * Generated bad input for every operation of the OpenAPI document: no answer is a 5xx, every
 * error is problem+json with a stable UPPER_SNAKE code, and a refused request appends no event.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = Record<string, any>;

interface Operation {
  method: Method;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema?: Schema }[];
  body?: Schema;
  roles: AccountRole[];
}

interface GeneratedRequest {
  auth: 'none' | 'role' | 'garbage';
  role: AccountRole;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** What the generator did, for the failure report. */
  kinds: string[];
}

const RUNS_PER_OPERATION = 25;
const SEED = 20_241_212;
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
/** NUL, other C0 controls but tab/newline/CR, DEL and lone surrogates: another check's concern. */
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_ESCAPE = /\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u[dD][89a-fA-F][0-9a-fA-F]{2}|\\[bf]/;

// ---- values -------------------------------------------------------------------------------

const controlString = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\u0007\u001b[2J',
  '\u007f',
);
const hugeString = fc.constantFrom('x'.repeat(100_000), 'é'.repeat(20_000), '🙂'.repeat(5_000));
const oddString = fc.constantFrom(
  '',
  ' ',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '2024-02-30T25:61:00Z',
  '\u202eevil',
  'PR-7K3Q9',
);
const oddNumber = fc.constantFrom(
  0,
  -1,
  -0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  0.1 + 0.2,
);
const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  oddString,
  oddNumber,
);
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: controlString },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_000 }, (_, i) => i)) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 4 }) },
);

// ---- a plausible value from the schema, so that single mutations reach the handler ---------

function resolve(schema: Schema | undefined, doc: Schema): Schema {
  let current = schema ?? {};
  for (let i = 0; i < 10 && current.$ref; i++) {
    current = doc.components.schemas[String(current.$ref).split('/').pop() as string];
  }
  if (current.allOf) return Object.assign({}, ...current.allOf.map((s: Schema) => resolve(s, doc)));
  return current;
}

function plausible(schema: Schema | undefined, doc: Schema, depth = 0): unknown {
  const s = resolve(schema, doc);
  if (s.example !== undefined) return s.example;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth < 4)
        for (const [key, prop] of Object.entries((s.properties ?? {}) as Record<string, Schema>))
          out[key] = plausible(prop, doc, depth + 1);
      return out;
    }
    case 'array':
      return depth < 4 ? [plausible(s.items, doc, depth + 1)] : [];
    case 'integer':
    case 'number':
      return 1000;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      return 'texte';
    default:
      return s.properties ? plausible({ ...s, type: 'object' }, doc, depth) : 'texte';
  }
}

// ---- bodies --------------------------------------------------------------------------------

interface Body {
  contentType?: string;
  payload?: string;
  kinds: string[];
}

function nested(depth: number): string {
  return '['.repeat(depth) + '1' + ']'.repeat(depth);
}

function bodyArbitrary(op: Operation, doc: Schema): fc.Arbitrary<Body> {
  const base = (): Record<string, unknown> => {
    const value = plausible(op.body, doc);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? { ...(value as object) }
      : {};
  };
  const keys = Object.keys(resolve(op.body, doc).properties ?? {});
  const key = keys.length ? fc.constantFrom(...keys) : fc.constant('field');
  const json = (value: unknown, kinds: string[]): Body => ({
    contentType: 'application/json',
    payload: JSON.stringify(value),
    kinds,
  });
  return fc.oneof(
    fc.tuple(key, wrongValue).map(([k, v]) => json({ ...base(), [k]: v }, [`wrong ${k}`])),
    (keys.length ? fc.subarray(keys, { minLength: 1 }) : fc.constant([] as string[])).map(
      (drop) => {
        const value = base();
        for (const k of drop) delete value[k];
        return json(value, [`missing ${drop.join(',')}`]);
      },
    ),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.boolean(), key)
      .map(([poison, top, k]) => {
        const inner = `{"${poison}":{"isAdmin":true,"polluted":1}}`;
        const text = JSON.stringify({ ...base(), [k]: '@@' });
        const payload = top
          ? text.replace(/^\{/, `{"${poison}":{"polluted":1},`)
          : text.replace('"@@"', inner);
        return { contentType: 'application/json', payload, kinds: [`${poison} key`] };
      }),
    fc.tuple(key, fc.constantFrom(10, 63, 65, 3_000, 20_000)).map(([k, depth]) => ({
      contentType: 'application/json',
      payload: JSON.stringify({ ...base(), [k]: '@@' }).replace('"@@"', nested(depth)),
      kinds: [`nested ${depth} in ${k}`],
    })),
    fc.constantFrom(3_000, 10_000).map((depth) => ({
      contentType: 'application/json',
      payload: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
      kinds: [`nested body ${depth}`],
    })),
    fc
      .constantFrom(
        '[]',
        '"text"',
        '42',
        'null',
        'true',
        '[{}]',
        '{',
        '{"a":1,}',
        "{'a':1}",
        '',
        '\u0000',
        'x'.repeat(1_100_000),
      )
      .map((payload) => ({
        contentType: 'application/json',
        payload,
        kinds: [`raw ${payload.slice(0, 12)}`],
      })),
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/json; charset=utf-16',
          'application/json-patch+json',
          'image/png',
          '*/*',
          ';;;',
        ),
        fc.boolean(),
      )
      .map(([contentType, asJson]) => ({
        contentType,
        payload: asJson ? JSON.stringify(base()) : 'a=1&b[c]=2&__proto__[x]=1',
        kinds: [`content-type ${contentType}`],
      })),
    fc.constant({ kinds: ['no body'] } as Body),
  );
}

// ---- paths, queries, headers ----------------------------------------------------------------

const BAD_IDS = [
  '%00',
  'a%00b',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  `${'a'.repeat(101)}`,
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%80',
  '%F0%9F%99%82',
  '..',
  '%2e%2e%2f',
  '%20',
  '123',
  '-1',
  '__proto__',
  'constructor',
  'PR-7K3Q9',
  'mediator',
  "'%20OR%201=1--",
];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** encodeURIComponent that also sends lone surrogates, as the bytes a careless client would (ED A0 80). */
function encode(value: string): string {
  return value.split(LONE_SURROGATE).map(encodeURIComponent).join('%ED%A0%80');
}

const pathValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BAD_IDS).map((v) => ({ raw: v, kind: `path ${v}` })) },
  { weight: 1, arbitrary: fc.uuid().map((v) => ({ raw: v, kind: 'path uuid' })) },
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 20 })
      .map((v) => ({ raw: encode(v) || 'x', kind: 'path string' })),
  },
);

const queryValue = fc.oneof(
  {
    weight: 3,
    arbitrary: wrongValue
      .filter((v) => typeof v !== 'object' || v === null)
      .map((v) => encode(String(v))),
  },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_IDS) },
  { weight: 1, arbitrary: controlString.map(encode) },
  { weight: 1, arbitrary: fc.uuid() },
);

function queryArbitrary(op: Operation): fc.Arbitrary<{ query: string; kinds: string[] }> {
  const names = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const odd = fc.constantFrom('__proto__', 'constructor[prototype][x]', 'unknown', 'limit[]');
  const name = names.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: odd })
    : odd;
  return fc.array(fc.tuple(name, queryValue, fc.boolean()), { maxLength: 4 }).map((pairs) => ({
    // The same key twice makes an array, a classic wrong type for a query DTO.
    query: pairs
      .flatMap(([n, v, twice]) => (twice ? [`${n}=${v}`, `${n}=${v}`] : [`${n}=${v}`]))
      .join('&'),
    kinds: pairs.length
      ? [`query ${pairs.map(([n, v]) => `${n}=${v.slice(0, 20)}`).join('&')}`]
      : [],
  }));
}

const headerValue = fc.constantFrom(
  '',
  '*',
  '"3"',
  'W/"1"',
  'abc',
  '-1',
  '99999999999999999999',
  'k'.repeat(300),
  'x y z',
);

type Mutation =
  | { on: 'auth'; auth: 'none' | 'garbage' }
  | { on: 'path'; index: number; raw: string; kind: string }
  | { on: 'query'; query: string; kinds: string[] }
  | { on: 'body'; body: Body }
  | { on: 'header'; name: 'if-match' | 'idempotency-key'; value: string }
  | { on: 'nothing' };

/**
 * A plausible request (a token of a role the route admits, UUIDs in the path, the documented
 * examples in the body) with one or two things wrong, so most mutations reach the handler.
 */
function requestArbitrary(op: Operation, doc: Schema): fc.Arbitrary<GeneratedRequest> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const writes = op.method !== 'GET';
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('none', 'garbage')
        .map((auth) => ({ on: 'auth', auth }) as Mutation),
    },
    ...(names.length
      ? [
          {
            weight: 3,
            arbitrary: fc
              .tuple(fc.nat({ max: names.length - 1 }), pathValue)
              .map(([index, v]) => ({ on: 'path', index, ...v }) as Mutation),
          },
        ]
      : []),
    { weight: 2, arbitrary: queryArbitrary(op).map((q) => ({ on: 'query', ...q }) as Mutation) },
    {
      weight: op.body || writes ? 4 : 1,
      arbitrary: bodyArbitrary(op, doc).map((body) => ({ on: 'body', body }) as Mutation),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('if-match', 'idempotency-key') as fc.Arbitrary<
            'if-match' | 'idempotency-key'
          >,
          headerValue,
        )
        .map(([name, value]) => ({ on: 'header', name, value }) as Mutation),
    },
    { weight: 1, arbitrary: fc.constant({ on: 'nothing' } as Mutation) },
  );
  return fc
    .record({
      role: fc.constantFrom(...op.roles),
      ids: fc.tuple(...names.map(() => fc.uuid())),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 2 }),
    })
    .map(({ role, ids, mutations }) => {
      const path: string[] = [...ids];
      const kinds: string[] = [];
      let auth: GeneratedRequest['auth'] = 'role';
      let query = '';
      let body: Body | undefined = op.body ? undefined : { kinds: [] };
      const headers: Record<string, string> = writes ? { 'idempotency-key': randomUUID() } : {};
      for (const m of mutations) {
        if (m.on === 'auth') auth = m.auth;
        if (m.on === 'path') {
          path[m.index] = m.raw;
          kinds.push(`${names[m.index]}: ${m.kind}`);
        }
        if (m.on === 'query') {
          query = m.query;
          kinds.push(...m.kinds);
        }
        if (m.on === 'body') body = m.body;
        if (m.on === 'header') {
          headers[m.name] = m.value;
          kinds.push(`${m.name}: ${m.value.slice(0, 20)}`);
        }
      }
      if (!body) {
        const value = plausible(op.body, doc);
        body = { contentType: 'application/json', payload: JSON.stringify(value), kinds: [] };
      }
      if (body.contentType) headers['content-type'] = body.contentType;
      let i = 0;
      const url = op.path.replace(/\{[^}]+\}/g, () => path[i++]) + (query ? `?${query}` : '');
      return {
        auth,
        role,
        url,
        headers,
        payload: body.payload,
        kinds: [`auth ${auth === 'role' ? role : auth}`, ...kinds, ...body.kinds],
      };
    });
}

/** Beside the random ones, NUL and a lone surrogate in each path and query parameter and each body field. */
function edgeRequests(op: Operation, doc: Schema): GeneratedRequest[] {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const writes = op.method !== 'GET';
  const role = op.roles[0];
  const make = (path: string[], query: string, body: unknown, kind: string): GeneratedRequest => {
    let i = 0;
    const url = op.path.replace(/\{[^}]+\}/g, () => path[i++]) + (query ? `?${query}` : '');
    const headers: Record<string, string> = writes ? { 'idempotency-key': randomUUID() } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    return {
      auth: 'role',
      role,
      url,
      headers,
      payload: body === undefined ? undefined : JSON.stringify(body),
      kinds: [kind],
    };
  };
  const ids = names.map(() => randomUUID());
  const body = op.body ? plausible(op.body, doc) : undefined;
  const out: GeneratedRequest[] = [];
  for (const bad of ['%00', '%ED%A0%80']) {
    names.forEach((name, n) =>
      out.push(
        make(
          ids.map((id, k) => (k === n ? bad : id)),
          '',
          body,
          `${name}: ${bad}`,
        ),
      ),
    );
    for (const p of op.parameters.filter((q) => q.in === 'query'))
      out.push(make(ids, `${p.name}=${bad}`, body, `query ${p.name}=${bad}`));
  }
  if (body && typeof body === 'object' && !Array.isArray(body))
    for (const key of Object.keys(body))
      out.push(make(ids, '', { ...body, [key]: 'a\u0000b' }, `${key}: NUL`));
  return out;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether a request carries NUL, control characters or lone surrogates in a string. */
function carriesControlCharacters(request: GeneratedRequest): boolean {
  return (
    CONTROL.test(decoded(request.url)) ||
    CONTROL.test(request.payload ?? '') ||
    CONTROL_ESCAPE.test(request.payload ?? '')
  );
}

// ---- the run -------------------------------------------------------------------------------

describe('every OpenAPI operation under generated bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('never answers 5xx, answers every error as problem+json with a stable code, and writes nothing when it refuses', async () => {
    const doc = JSON.parse(JSON.stringify(buildOpenApi(t.app))) as Schema;
    const rules = loadMatrix();
    const operations: Operation[] = Object.entries(
      doc.paths as Record<string, Record<string, Schema>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        const rule = rules.find((r) => r.method === method.toUpperCase() && r.path === path);
        const content = operation.requestBody?.content ?? {};
        return {
          method: method.toUpperCase() as Method,
          path,
          parameters: operation.parameters ?? [],
          body: (content['application/json'] ?? Object.values(content)[0])?.schema,
          roles: rule && rule.roles.length ? rule.roles : (['client'] as AccountRole[]),
        };
      }),
    );
    expect(operations.length).toBeGreaterThan(70);

    let sent = 0;
    let serverErrors = 0;
    let accepted = 0;
    const statuses = new Map<number, number>();
    const codes = new Map<string, number>();
    const acceptedIds: string[] = [];
    const refused = new Map<string, string>();
    const failures: { request: string; problem: string; controlCharacters: boolean }[] = [];
    const undocumented = new Set<string>();

    for (const [index, op] of operations.entries()) {
      const requests = [
        ...fc.sample(requestArbitrary(op, doc), {
          seed: SEED + index,
          numRuns: RUNS_PER_OPERATION,
        }),
        ...edgeRequests(op, doc),
      ];
      for (const request of requests) {
        const correlationId = `fuzz-${randomUUID()}`;
        const headers: Record<string, string> = {
          ...request.headers,
          'x-correlation-id': correlationId,
        };
        // A fresh session each time: a generated POST /auth/logout revokes the one it was sent with.
        if (request.auth === 'role')
          headers.authorization = `Bearer ${await t.tokenFor({ roles: [request.role] })}`;
        if (request.auth === 'garbage') headers.authorization = 'Bearer not.a.token';
        const response = await t.app.inject({
          method: op.method,
          url: request.url,
          headers,
          ...(request.payload !== undefined ? { payload: request.payload } : {}),
        });
        sent++;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        // The document is the contract: every status a route answers is documented on it.
        const documented = (doc.paths as Record<string, Record<string, Schema>>)[op.path][
          op.method.toLowerCase()
        ].responses as Record<string, unknown>;
        if (!(String(response.statusCode) in documented))
          undocumented.add(`${op.method} ${op.path} ${response.statusCode}`);
        const describe = `${op.method} ${request.url.slice(0, 120)} [${request.kinds.join('; ').slice(0, 200)}]`;
        const fail = (problem: string) =>
          failures.push({
            request: describe,
            problem,
            controlCharacters: carriesControlCharacters(request),
          });
        if (response.statusCode >= 500) {
          serverErrors++;
          fail(`${response.statusCode} ${response.body.slice(0, 200)}`);
          continue;
        }
        if (response.statusCode < 400) {
          accepted++;
          acceptedIds.push(correlationId);
          continue;
        }
        refused.set(correlationId, describe);
        const contentType = String(response.headers['content-type'] ?? '');
        let code: unknown;
        try {
          code = (JSON.parse(response.body) as { code?: unknown }).code;
        } catch {
          code = undefined;
        }
        if (
          !contentType.startsWith('application/problem+json') ||
          typeof code !== 'string' ||
          !UPPER_SNAKE.test(code)
        ) {
          fail(
            `${response.statusCode} not problem+json with a code: ${contentType} ${response.body.slice(0, 160)}`,
          );
        }
        codes.set(String(code), (codes.get(String(code)) ?? 0) + 1);
      }
    }

    // Every event in the log carries the correlation id of the request that caused it (reactors pass it
    // on), so an event not traced to an accepted request was written by a refused one.
    await t.settle();
    const { rows } = await t.db.pool.query(
      `SELECT metadata->>'correlationId' AS correlation, event_type, stream_name FROM es_events
        WHERE NOT (coalesce(metadata->>'correlationId', '') = ANY($1::text[]))`,
      [acceptedIds],
    );
    for (const row of rows as {
      correlation: string | null;
      event_type: string;
      stream_name: string;
    }[]) {
      failures.push({
        request: refused.get(row.correlation ?? '') ?? `unknown request ${row.correlation}`,
        problem: `refused, yet ${row.event_type} was appended to ${row.stream_name}`,
        controlCharacters: false,
      });
    }

    const byStatus = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    const control = failures.filter((f) => f.controlCharacters).length;
    const topCodes = [...codes.entries()]
      .sort(([, a], [, b]) => b - a)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    console.log(
      `bad-input suite: ${operations.length} operations, ${sent} requests, ${serverErrors} answered 5xx, ` +
        `${accepted} accepted; by status ${byStatus}; by code ${topCodes}; ${failures.length} failures ` +
        `(${control} carrying NUL, control characters or lone surrogates)` +
        failures
          .map(
            (f) =>
              `\n  ${f.controlCharacters ? '[control chars] ' : ''}${f.request} -> ${f.problem}`,
          )
          .join(''),
    );
    expect(failures).toEqual([]);
    expect([...undocumented].sort()).toEqual([]);
  }, 600_000);
});
