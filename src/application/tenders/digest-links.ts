import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../../domain/shared';

/** The HMAC key of the unsubscribe links, derived from the configured link secret. */
export const DIGEST_LINK_KEY = Symbol('DIGEST_LINK_KEY');

export const UNSUBSCRIBE_TOKEN_INVALID = 'DIGEST_UNSUBSCRIBE_TOKEN_INVALID';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A key of its own (HKDF), so an unsubscribe signature is never valid as a download link's. */
export function digestLinkKey(linkSecret: string): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(linkSecret, 'utf8'),
      Buffer.alloc(0),
      'tender-digest-unsubscribe',
      32,
    ),
  );
}

export const invalidUnsubscribeToken = () =>
  new ValidationError(
    UNSUBSCRIBE_TOKEN_INVALID,
    'This unsubscribe link is not valid; unsubscribe from your tender preferences instead',
    { field: 'token' },
  );

/**
 * The digest e-mail's unsubscribe link: `<providerId>.<HMAC>`, checked without a session. It
 * names the provider and never expires (an old e-mail's link must still work); it can only ever
 * switch that provider's digest off.
 */
export class DigestLinks {
  constructor(private readonly key: Buffer) {}

  token(providerId: string): string {
    return `${providerId}.${this.signature(providerId)}`;
  }

  url(providerId: string): string {
    return `/tender-digest/unsubscribe?token=${this.token(providerId)}`;
  }

  /** The provider the token names; 400 DIGEST_UNSUBSCRIBE_TOKEN_INVALID for anything else. */
  verify(token: unknown): string {
    if (typeof token !== 'string' || token.length > 200) throw invalidUnsubscribeToken();
    const dot = token.indexOf('.');
    const providerId = token.slice(0, dot);
    if (dot < 0 || !UUID.test(providerId)) throw invalidUnsubscribeToken();
    const expected = Buffer.from(this.signature(providerId));
    const given = Buffer.from(token.slice(dot + 1));
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw invalidUnsubscribeToken();
    return providerId;
  }

  private signature(providerId: string): string {
    return createHmac('sha256', this.key).update(`unsubscribe:${providerId}`).digest('base64url');
  }
}
