import { ifMatchRevision, noneMatchHits, revisionEtag } from './entity-tag';

describe('entity tags of stream revisions', () => {
  it('tags an existing revision strongly, and nothing without a stream', () => {
    expect(revisionEtag('7')).toBe('"7"');
    expect(revisionEtag(0)).toBe('"0"');
    expect(revisionEtag(12n)).toBe('"12"');
    for (const none of [null, undefined, '-1', -1, 'abc', { n: 1 }])
      expect(revisionEtag(none)).toBeUndefined();
  });

  it('reads back in If-Match the tag it answered, bare or weakened', () => {
    for (const value of ['"7"', '7', 'W/"7"', ' "7" ']) expect(ifMatchRevision(value)).toBe(7n);
    for (const absent of [undefined, '', '*']) expect(ifMatchRevision(absent)).toBeUndefined();
  });

  it('refuses anything else with 400 INVALID_IF_MATCH', () => {
    for (const value of ['"three"', '"1", "2"', '-1', 'W/'])
      expect(() => ifMatchRevision(value)).toThrow(
        expect.objectContaining({ code: 'INVALID_IF_MATCH' }),
      );
  });

  it('matches If-None-Match weakly, in lists, and on *', () => {
    expect(noneMatchHits('"7"', '"7"')).toBe(true);
    expect(noneMatchHits('W/"7"', '"7"')).toBe(true);
    expect(noneMatchHits('"5", "7"', '"7"')).toBe(true);
    expect(noneMatchHits('*', '"7"')).toBe(true);
    expect(noneMatchHits('"6"', '"7"')).toBe(false);
    expect(noneMatchHits(undefined, '"7"')).toBe(false);
  });
});
