/**
 * The typed client of the marketplace API, on openapi-fetch over the generated `schema.d.ts`
 * (regenerate both with `npm run client:generate`). Paths, parameters, bodies and answers are
 * checked by the compiler, so a renamed field or a removed route breaks the caller's build.
 */
import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };
export type Schemas = components['schemas'];
/** Every error answer: RFC 9457 problem details with the platform's stable `code`. */
export type Problem = Schemas['Problem'];
export type MarketplaceClient = Client<paths>;

/** A bearer token, or where to read the current one before each request (after a login or a refresh). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface MarketplaceClientOptions {
  /** Sent as `Authorization: Bearer <token>` unless a request sets its own Authorization. */
  token?: TokenSource;
  /** Give each state-changing request that has no Idempotency-Key a fresh one (off by default). */
  idempotencyKeys?: boolean;
  /** Headers sent on every request. */
  headers?: ClientOptions['headers'];
  /** Another fetch, e.g. one that records calls or goes through a test server. */
  fetch?: ClientOptions['fetch'];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A new Idempotency-Key: keep it to retry the same request, the API then answers the first result again. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** The header that makes a state-changing request safe to retry with the same key. */
export function idempotencyKey(key: string = newIdempotencyKey()): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}

/** The header that applies a write only if the resource is still at the revision read (its ETag). */
export function ifMatch(etag: string): { 'If-Match': string } {
  return { 'If-Match': etag };
}

/** The ETag of a read (`"<revision>"`), to send back as If-Match; undefined when the answer has none. */
export function etagOf(response: Response): string | undefined {
  return response.headers.get('etag') ?? undefined;
}

function bearer(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      if (request.headers.has('authorization')) return undefined;
      const value = typeof token === 'string' ? token : await token();
      if (value) request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
}

const freshIdempotencyKeys: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method) || request.headers.has('idempotency-key'))
      return undefined;
    request.headers.set('idempotency-key', newIdempotencyKey());
    return request;
  },
};

/** A client of the API at `baseUrl` (e.g. `http://127.0.0.1:3000`). */
export function createMarketplaceClient(
  baseUrl: string,
  options: MarketplaceClientOptions = {},
): MarketplaceClient {
  const client = createClient<paths>({
    baseUrl,
    headers: options.headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.token !== undefined) client.use(bearer(options.token));
  if (options.idempotencyKeys) client.use(freshIdempotencyKeys);
  return client;
}
