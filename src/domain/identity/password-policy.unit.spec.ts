import { caught } from './identity.fixtures.spec';
import {
  assertPasswordHash,
  assertPasswordPolicy,
  missingPasswordRequirements,
  PASSWORD_REQUIREMENT_LABELS,
  PASSWORD_REQUIREMENTS,
} from './password-policy';

describe('Password policy', () => {
  it.each(['Tr0mbone!', 'correct horse 4 battery?', 'été#2025', 'Abc123$%'])(
    'accepts %p',
    (plain) => {
      expect(missingPasswordRequirements(plain)).toEqual([]);
      expect(() => assertPasswordPolicy(plain)).not.toThrow();
    },
  );

  it.each([
    ['Ab1!', ['min_length']],
    ['12345678!', ['letter']],
    ['Password!', ['digit']],
    ['Password1', ['symbol']],
    ['password 1', ['symbol']],
    ['abc', ['min_length', 'digit', 'symbol']],
    ['', ['min_length', 'letter', 'digit', 'symbol']],
  ])('refuses %p with WEAK_PASSWORD listing %p as missing', (plain, missing) => {
    const error = caught(() => assertPasswordPolicy(plain));
    expect(error?.code).toBe('WEAK_PASSWORD');
    expect(error?.details).toEqual({ field: 'password', missing, minLength: 8 });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(missingPasswordRequirements('a1!😀😀😀😀')).toEqual(['min_length']);
  });

  it('refuses a non-string password with every requirement missing', () => {
    expect(caught(() => assertPasswordPolicy(undefined))?.details).toMatchObject({
      missing: [...PASSWORD_REQUIREMENTS],
    });
  });

  it('refuses an overlong password before it reaches argon2', () => {
    expect(caught(() => assertPasswordPolicy(`Aa1!${'x'.repeat(125)}`))?.code).toBe(
      'PASSWORD_TOO_LONG',
    );
    expect(caught(() => assertPasswordPolicy(`Aa1!${'x'.repeat(124)}`))).toBeUndefined();
  });

  it('labels every requirement in French', () => {
    expect(PASSWORD_REQUIREMENT_LABELS.min_length).toBe('Au moins 8 caractères');
  });
});

describe('Password hash', () => {
  it('accepts an argon2id PHC string', () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA';
    expect(assertPasswordHash(hash)).toBe(hash);
  });

  it.each([
    'Tr0mbone!',
    '$argon2i$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA',
    '$2b$10$abcdefghijklmnopqrstuu',
    '',
  ])('refuses %p', (value) => {
    expect(caught(() => assertPasswordHash(value))?.code).toBe('INVALID_PASSWORD_HASH');
  });
});
