import { existingRevisionOf, revisionOf } from './revision';

describe('stream revisions in answers', () => {
  it('writes a revision as a decimal string, beyond the safe integer range too', () => {
    expect(revisionOf(0n)).toBe('0');
    expect(revisionOf(9_007_199_254_740_993n)).toBe('9007199254740993');
    expect(existingRevisionOf(7n)).toBe('7');
  });

  it('keeps each schema its own word for a stream not written yet', () => {
    expect(revisionOf(null)).toBeNull();
    expect(existingRevisionOf(null)).toBe('-1');
  });
});
