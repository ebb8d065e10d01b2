import { DigestLinks, digestLinkKey } from './digest-links';

const PROVIDER = '3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90';
const links = new DigestLinks(digestLinkKey('x'.repeat(40)));

describe('the digest’s unsubscribe links', () => {
  it('name the provider and verify without a session', () => {
    expect(links.url(PROVIDER)).toMatch(/^\/tender-digest\/unsubscribe\?token=/);
    expect(links.verify(links.token(PROVIDER))).toBe(PROVIDER);
  });

  it.each([
    ['a tampered signature', () => `${links.token(PROVIDER).slice(0, -2)}xx`],
    ['another provider under this signature', () => links.token(PROVIDER).replace('3f6c', '4f6c')],
    ['no signature', () => PROVIDER],
    ['no provider', () => `.${links.token(PROVIDER).split('.')[1]}`],
    [
      'a token of another key',
      () => new DigestLinks(digestLinkKey('y'.repeat(40))).token(PROVIDER),
    ],
    ['nothing', () => undefined],
  ])('refuse %s (400 DIGEST_UNSUBSCRIBE_TOKEN_INVALID)', (_what, token) => {
    expect(() => links.verify(token())).toThrow(
      expect.objectContaining({ code: 'DIGEST_UNSUBSCRIBE_TOKEN_INVALID' }),
    );
  });
});
