import { caught } from './identity.fixtures.spec';
import {
  formatProviderReference,
  isProviderReference,
  parseProviderReference,
  PROVIDER_REFERENCE_ALPHABET,
} from './provider-reference';

describe('Provider reference', () => {
  it('uses 32 unambiguous symbols: no 0, O, 1 or I', () => {
    expect(PROVIDER_REFERENCE_ALPHABET).toHaveLength(32);
    expect(PROVIDER_REFERENCE_ALPHABET).not.toMatch(/[0O1I]/);
    expect(new Set(PROVIDER_REFERENCE_ALPHABET).size).toBe(32);
  });

  it('takes the symbols 5 bits at a time from the random bytes', () => {
    expect(formatProviderReference(new Uint8Array([0, 0, 0, 0]))).toBe('PR-22222');
    expect(formatProviderReference(new Uint8Array([255, 255, 255, 255]))).toBe('PR-ZZZZZ');
    // 0b00001_00010_00011_00100_00101_0000000 → symbols 1, 2, 3, 4, 5.
    expect(formatProviderReference(new Uint8Array([0x08, 0x86, 0x42, 0x80]))).toBe('PR-34567');
  });

  it('always yields a well-formed reference', () => {
    for (let seed = 0; seed < 2000; seed++) {
      const bytes = new Uint8Array([
        seed & 255,
        (seed * 7) & 255,
        (seed * 13) & 255,
        (seed * 31) & 255,
      ]);
      expect(isProviderReference(formatProviderReference(bytes))).toBe(true);
    }
  });

  it('needs at least 4 random bytes', () => {
    expect(() => formatProviderReference(new Uint8Array(3))).toThrow(RangeError);
  });

  it.each(['PR-7K3Q9', 'PR-ZZZZZ'])('recognises %p', (value) => {
    expect(isProviderReference(value)).toBe(true);
  });

  it.each(['PR-7K3Q', 'PR-7K3Q9X', 'PR-7K3O9', 'PR-7K3I9', 'PR-7K309', 'pr-7k3q9', 'XR-7K3Q9', 42])(
    'rejects %p',
    (value) => {
      expect(isProviderReference(value)).toBe(false);
    },
  );

  it('reads what a client types in the search box', () => {
    expect(parseProviderReference('  pr-7k3q9 ')).toBe('PR-7K3Q9');
    expect(caught(() => parseProviderReference('PR-OOOOO'))?.code).toBe(
      'INVALID_PROVIDER_REFERENCE',
    );
  });
});
