import { invalidPasswordHash, passwordTooLong, weakPassword } from './account.errors';

export const PASSWORD_MIN_LENGTH = 8;
/** Bounds the work argon2 does on a single request. */
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_REQUIREMENTS = ['min_length', 'letter', 'digit', 'symbol'] as const;
export type PasswordRequirement = (typeof PASSWORD_REQUIREMENTS)[number];

/** French labels for the requirements, in the order the form shows them. */
export const PASSWORD_REQUIREMENT_LABELS: Record<PasswordRequirement, string> = {
  min_length: `Au moins ${PASSWORD_MIN_LENGTH} caractères`,
  letter: 'Au moins une lettre',
  digit: 'Au moins un chiffre',
  symbol: 'Au moins un caractère spécial',
};

/** The requirements a plain-text password misses; empty when it satisfies the policy. */
export function missingPasswordRequirements(plain: string): PasswordRequirement[] {
  const missing: PasswordRequirement[] = [];
  // Code points, not UTF-16 units, so that an emoji counts as one character.
  if ([...plain].length < PASSWORD_MIN_LENGTH) missing.push('min_length');
  if (!/\p{L}/u.test(plain)) missing.push('letter');
  if (!/\p{Nd}/u.test(plain)) missing.push('digit');
  if (!/[^\p{L}\p{N}\s]/u.test(plain)) missing.push('symbol');
  return missing;
}

/** Checked by the application on the plain text, before hashing; the domain only ever sees hashes. */
export function assertPasswordPolicy(plain: unknown): void {
  if (typeof plain !== 'string') throw weakPassword(PASSWORD_REQUIREMENTS, PASSWORD_MIN_LENGTH);
  if ([...plain].length > PASSWORD_MAX_LENGTH) throw passwordTooLong(PASSWORD_MAX_LENGTH);
  const missing = missingPasswordRequirements(plain);
  if (missing.length > 0) throw weakPassword(missing, PASSWORD_MIN_LENGTH);
}

/** Guards the log against ever storing a plain password: only argon2id PHC strings pass. */
export function assertPasswordHash(value: unknown, field = 'passwordHash'): string {
  if (
    typeof value !== 'string' ||
    !/^\$argon2id\$v=\d+\$m=\d+,t=\d+,p=\d+\$\S+\$\S+$/.test(value)
  ) {
    throw invalidPasswordHash(field);
  }
  return value;
}
