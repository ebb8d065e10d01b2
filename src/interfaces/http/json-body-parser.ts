import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemException } from './problem/problem-details.filter';

/** Deepest nesting of objects and arrays a JSON body may have; no DTO of ours needs more than a few levels. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether a JSON text nests objects/arrays deeper than `max`, in one pass over the bytes without
 * recursion (so the check itself cannot overflow the stack); bytes of multi-byte UTF-8 characters
 * are all >= 0x80 and never look like brackets or quotes.
 */
export function jsonNestingExceeds(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * Nest's Fastify adapter with its JSON body parser replaced by one that refuses deep nesting
 * (400 JSON_TOO_DEEP) before parsing, so no pipe, interceptor or handler ever walks such a body.
 */
export class MarketplaceFastifyAdapter extends FastifyAdapter {
  private jsonParserReplaced = false;

  override registerParserMiddleware(prefix?: string, rawBody?: boolean): void {
    super.registerParserMiddleware(prefix, rawBody);
    if (this.jsonParserReplaced) return;
    this.jsonParserReplaced = true;
    const fastify = this.getInstance<FastifyInstance>();
    const { bodyLimit, onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig as {
      bodyLimit?: number;
      onProtoPoisoning?: 'error' | 'remove' | 'ignore';
      onConstructorPoisoning?: 'error' | 'remove' | 'ignore';
    };
    // Fastify's own parser (prototype-poisoning checks included); it takes a Buffer as well as a string.
    const parse = fastify.getDefaultJsonParser(
      onProtoPoisoning ?? 'error',
      onConstructorPoisoning ?? 'error',
    ) as unknown as (
      request: FastifyRequest,
      body: Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => void;
    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit },
      (
        request: FastifyRequest,
        body: Buffer,
        done: (error: Error | null, value?: unknown) => void,
      ) => {
        if (rawBody) (request as FastifyRequest & { rawBody?: Buffer }).rawBody = body;
        if (jsonNestingExceeds(body, MAX_JSON_DEPTH)) {
          done(
            new ProblemException(
              400,
              'JSON_TOO_DEEP',
              `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`,
              {
                maxDepth: MAX_JSON_DEPTH,
              },
            ),
          );
          return;
        }
        parse(request, body, done);
      },
    );
  }
}
