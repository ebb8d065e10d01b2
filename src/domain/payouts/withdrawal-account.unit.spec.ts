import fc from 'fast-check';
import { DomainError } from '../shared';
import {
  isPlausibleEmail,
  isValidIban,
  maskIban,
  normalizeIban,
  validateWithdrawalAccount,
} from './withdrawal-account';

/** Independent reference: check digits = 98 − (BBAN + country + "00" as a number) mod 97, in BigInt. */
function checkDigits(country: string, bban: string): string {
  const numeric = [...`${bban}${country}00`]
    .map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c))
    .join('');
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

describe('isValidIban', () => {
  it.each([
    'FR76 3000 6000 0112 3456 7890 189',
    'DE89 3704 0044 0532 0130 00',
    'GB82 WEST 1234 5698 7654 32',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'BE68539007547034',
    'CH9300762011623852957',
    'ES9121000418450200051332',
    'IT60X0542811101000000123456',
    'NO9386011117947',
    'MT84MALT011000012345MTLCAST001S',
  ])('accepts the real IBAN %s', (iban) => {
    expect(isValidIban(iban)).toBe(true);
  });

  it('accepts lower case and irregular spacing', () => {
    expect(isValidIban('  fr76 30006000 0112 3456 7890 189 ')).toBe(true);
    expect(normalizeIban('gb82 west 1234 5698 7654 32')).toBe('GB82WEST12345698765432');
  });

  it.each([
    ['a changed digit', 'FR76 3000 6000 0112 3456 7890 188'],
    ['two swapped digits', 'DE89 3704 0044 0532 0131 00'],
    ['a changed letter', 'GB82 WESS 1234 5698 7654 32'],
    ['wrong check digits', 'GB83 WEST 1234 5698 7654 32'],
    ['one character too few', 'DE89 3704 0044 0532 0130 0'],
    ['one character too many', 'DE89 3704 0044 0532 0130 000'],
    ['an unknown country', 'XX89 3704 0044 0532 0130 00'],
    ['letters in the check digits', 'DEAB 3704 0044 0532 0130 00'],
    ['punctuation', 'DE89-3704-0044-0532-0130-00'],
    ['an empty string', ''],
  ])('refuses an IBAN with %s', (_what, iban) => {
    expect(isValidIban(iban)).toBe(false);
  });

  it('refuses the never-issued check digits 99, an alias of 02 under mod-97', () => {
    let bban = '';
    for (let n = 0; checkDigits('DE', bban) !== '02'; n++)
      bban = `37040044${String(n).padStart(10, '0')}`;
    expect(isValidIban(`DE02${bban}`)).toBe(true);
    expect(isValidIban(`DE99${bban}`)).toBe(false);
  });

  it('agrees with the reference on random French IBANs, and catches any single digit changed', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{23}$/),
        fc.nat({ max: 22 }),
        fc.integer({ min: 1, max: 9 }),
        (bban, position, shift) => {
          const iban = `FR${checkDigits('FR', bban)}${bban}`;
          expect(isValidIban(iban)).toBe(true);
          const changed = String((Number(bban[position]) + shift) % 10);
          const corrupted = `${iban.slice(0, 4)}${bban.slice(0, position)}${changed}${bban.slice(position + 1)}`;
          expect(isValidIban(corrupted)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('maskIban', () => {
  it.each([
    ['FR7630006000011234567890189', 'FR76 **** 0189'],
    ['fr76 3000 6000 0112 3456 7890 189', 'FR76 **** 0189'],
    ['GB82WEST12345698765432', 'GB82 **** 5432'],
    ['NO9386011117947', 'NO93 **** 7947'],
  ])('masks %s as %s', (iban, masked) => {
    expect(maskIban(iban)).toBe(masked);
  });

  it('keeps only the country, the check digits and the last four characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/), (iban) => {
        const masked = maskIban(iban);
        expect(masked).toBe(`${iban.slice(0, 4)} **** ${iban.slice(-4)}`);
        expect(masked.replace(/[ *]/g, '').length).toBe(8);
      }),
    );
  });
});

describe('validateWithdrawalAccount', () => {
  it('normalises a bank account and computes its IBAN mask once', () => {
    expect(
      validateWithdrawalAccount({
        accountId: 'acc-1',
        kind: 'bank',
        iban: 'fr76 3000 6000 0112 3456 7890 189',
        holderName: ' Marie Curie ',
      }),
    ).toEqual({
      accountId: 'acc-1',
      kind: 'bank',
      iban: 'FR7630006000011234567890189',
      holderName: 'Marie Curie',
      ibanMasked: 'FR76 **** 0189',
    });
  });

  it('never takes the mask from the input', () => {
    const account = validateWithdrawalAccount({
      accountId: 'acc-1',
      kind: 'bank',
      iban: 'DE89370400440532013000',
      holderName: 'M',
      ibanMasked: 'FR76 **** 0189',
    });
    expect(account).toMatchObject({ ibanMasked: 'DE89 **** 3000' });
  });

  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return (error as DomainError).code;
    }
    return undefined;
  };

  it('refuses a bad IBAN with INVALID_IBAN', () => {
    const account = {
      accountId: 'a',
      kind: 'bank',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
      holderName: 'M',
    } as const;
    expect(codeOf(() => validateWithdrawalAccount(account))).toBe('INVALID_IBAN');
  });

  it('refuses a bank account without a holder name', () => {
    const account = {
      accountId: 'a',
      kind: 'bank',
      iban: 'DE89370400440532013000',
      holderName: '  ',
    } as const;
    expect(codeOf(() => validateWithdrawalAccount(account))).toBe('WALLET_INVALID_FIELD');
  });

  it('refuses an unknown kind', () => {
    expect(
      codeOf(() => validateWithdrawalAccount({ accountId: 'a', kind: 'cheque' } as never)),
    ).toBe('WALLET_INVALID_FIELD');
  });

  it.each(['marie@example.fr', 'm.curie+pay@mail.example.co.uk'])(
    'accepts the PayPal e-mail %s',
    (email) => {
      expect(isPlausibleEmail(email)).toBe(true);
    },
  );

  it.each(['', 'marie', 'marie@', '@example.fr', 'marie@example', 'ma rie@example.fr', 'a@b..fr'])(
    'refuses the PayPal e-mail %p with INVALID_PAYPAL_EMAIL',
    (email) => {
      expect(
        codeOf(() => validateWithdrawalAccount({ accountId: 'a', kind: 'paypal', email })),
      ).toBe('INVALID_PAYPAL_EMAIL');
    },
  );
});
