import { invalidProviderReference } from './account.errors';

/** 32 symbols without 0/O and 1/I, so a reference read over the phone is never ambiguous. */
export const PROVIDER_REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const PROVIDER_REFERENCE_LENGTH = 5;
const PREFIX = 'PR-';
const PATTERN = new RegExp(
  `^${PREFIX}[${PROVIDER_REFERENCE_ALPHABET}]{${PROVIDER_REFERENCE_LENGTH}}$`,
);
const BITS_PER_SYMBOL = 5;
/** 5 symbols × 5 bits = 25 bits, so 4 random bytes are enough. */
export const PROVIDER_REFERENCE_RANDOM_BYTES = 4;

/**
 * `PR-` + 5 symbols taken 5 bits at a time from the caller's random bytes; with a 32-symbol
 * alphabet every symbol is equally likely (no modulo bias).
 */
export function formatProviderReference(randomBytes: Uint8Array): string {
  if (randomBytes.length < PROVIDER_REFERENCE_RANDOM_BYTES) {
    throw new RangeError(
      `formatProviderReference needs ${PROVIDER_REFERENCE_RANDOM_BYTES} random bytes`,
    );
  }
  let bits = 0;
  for (let i = 0; i < PROVIDER_REFERENCE_RANDOM_BYTES; i++) bits = bits * 256 + randomBytes[i];
  let symbols = '';
  for (let i = 0; i < PROVIDER_REFERENCE_LENGTH; i++) {
    const shift = 32 - BITS_PER_SYMBOL * (i + 1);
    symbols += PROVIDER_REFERENCE_ALPHABET[Math.floor(bits / 2 ** shift) % 32];
  }
  return PREFIX + symbols;
}

export function isProviderReference(value: unknown): value is string {
  return typeof value === 'string' && PATTERN.test(value);
}

/** Accepts what a client types in the search box (`pr-7k3q9`, surrounding spaces). */
export function parseProviderReference(input: unknown): string {
  const value = typeof input === 'string' ? input.trim().toUpperCase() : input;
  if (!isProviderReference(value)) throw invalidProviderReference();
  return value;
}
