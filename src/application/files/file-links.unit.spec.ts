import { ManualClock } from '../shared/clock';
import { FileLinks } from './file-links';

const FILE = '3f6c2a9e-7b1d-4e8a-9c3f-2d5e6f7a8b90';
const OTHER = '8d1f0c2e-4b5a-4f6e-9a7b-1c2d3e4f5a6b';

function linkParts(url: string): { expires: string; signature: string } {
  const query = new URL(url, 'http://x').searchParams;
  return { expires: query.get('expires')!, signature: query.get('signature')! };
}

describe('FileLinks', () => {
  const clock = new ManualClock('2026-03-02T10:00:00.000Z');
  const links = new FileLinks(
    { linkSecret: 'a-test-secret-of-at-least-32-characters', linkTtlSeconds: 300 },
    clock,
  );
  const codeOf = (run: () => void): string | null => {
    try {
      run();
      return null;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('signs a link that expires after the lifetime', () => {
    const link = links.sign(FILE);
    expect(link.expiresAt).toBe('2026-03-02T10:05:00.000Z');
    const { expires, signature } = linkParts(link.url);
    expect(codeOf(() => links.verify(FILE, expires, signature))).toBeNull();
    clock.advance(300_000);
    expect(codeOf(() => links.verify(FILE, expires, signature))).toBeNull();
    clock.advance(1_000);
    expect(codeOf(() => links.verify(FILE, expires, signature))).toBe('FILE_LINK_EXPIRED');
  });

  it('refuses a link moved to another file, a pushed-back expiry, a missing part or another secret', () => {
    clock.set('2026-03-02T10:00:00.000Z');
    const { expires, signature } = linkParts(links.sign(FILE).url);
    const later = String(Number(expires) + 3600);
    const otherSecret = new FileLinks(
      { linkSecret: 'another-secret-of-at-least-32-characters', linkTtlSeconds: 300 },
      clock,
    );
    expect([
      codeOf(() => links.verify(OTHER, expires, signature)),
      codeOf(() => links.verify(FILE, later, signature)),
      codeOf(() => links.verify(FILE, undefined, signature)),
      codeOf(() => links.verify(FILE, expires, undefined)),
      codeOf(() => links.verify(FILE, '1e9', signature)),
      codeOf(() => otherSecret.verify(FILE, expires, signature)),
    ]).toEqual(Array(6).fill('FILE_LINK_INVALID'));
  });
});
