import { RecordedEvent } from '../../../application/shared/event-store.port';
import { EVENT_UPCASTING, EVENT_VERSIONS } from './index';
import { withAccountIbanMask } from './payouts.upcasters';
import {
  mergeEventVersions,
  Upcaster,
  UpcasterRegistry,
  UpcasterRegistryError,
} from './upcaster-registry';

const recorded = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  id: 'e1',
  streamName: 's-1',
  revision: 0n,
  position: { commit: 1n, prepare: 1n },
  type,
  schemaVersion,
  data,
  metadata: {},
  recordedAt: new Date(0),
});

const step = (type: string, from: number): Upcaster => ({
  type,
  from,
  upcast: (data) => ({
    ...(data as object),
    steps: [...((data as { steps?: number[] }).steps ?? []), from],
  }),
});

describe('UpcasterRegistry', () => {
  const registry = new UpcasterRegistry({ Thing: 3, Plain: 1 }, [
    step('Thing', 2),
    step('Thing', 1),
  ]);

  it('brings an old event to the current version, one step at a time and in order', () => {
    const event = registry.upcast(recorded('Thing', 1, { a: 1 }));
    expect(event).toMatchObject({ schemaVersion: 3, data: { a: 1, steps: [1, 2] } });
    expect(registry.upcast(recorded('Thing', 2, {})).data).toEqual({ steps: [2] });
  });

  it('leaves current, newer and undeclared events as they are', () => {
    for (const event of [
      recorded('Thing', 3, {}),
      recorded('Thing', 4, {}),
      recorded('Other', 1, {}),
      recorded('Plain', 1, {}),
    ])
      expect(registry.upcast(event)).toBe(event);
  });

  it('gives appends the declared version, and nothing for a type no context declares', () => {
    expect(registry.versionOf('Thing')).toBe(3);
    expect(registry.versionOf('Other')).toBeUndefined();
    expect(registry.versionOf('constructor')).toBeUndefined();
  });

  it.each([
    ['a version without its upcaster', { Thing: 3 }, [step('Thing', 1)], /no upcaster from 2/],
    ['an upcaster for an undeclared type', { Thing: 1 }, [step('Other', 1)], /no context declares/],
    [
      'an upcaster beyond the current version',
      { Thing: 2 },
      [step('Thing', 1), step('Thing', 2)],
      /outside 1\.\.1/,
    ],
    [
      'two upcasters from one version',
      { Thing: 2 },
      [step('Thing', 1), step('Thing', 1)],
      /Two upcasters/,
    ],
  ])('refuses %s at startup', (_what, versions, upcasters, message) => {
    expect(() => new UpcasterRegistry(versions, upcasters)).toThrow(UpcasterRegistryError);
    expect(() => new UpcasterRegistry(versions, upcasters)).toThrow(message);
  });

  it('refuses a type declared by two tables with different versions', () => {
    expect(mergeEventVersions({ A: 1 }, { A: 1, B: 2 })).toEqual({ A: 1, B: 2 });
    expect(() => mergeEventVersions({ A: 1 }, { A: 2 })).toThrow(/versions 1 and 2/);
    expect(() => mergeEventVersions({ A: 0 })).toThrow(/not a positive integer/);
  });
});

describe('the application registry', () => {
  it('holds every context table, with the payouts account events at version 2', () => {
    expect(EVENT_VERSIONS).toMatchObject({
      OrderPlaced: 1,
      GigCreated: 1,
      AccountRegistered: 1,
      DocumentSubmitted: 1,
      CustomRequestSubmitted: 1,
      EscrowFunded: 1,
      DisputeOpened: 1,
      WalletCredited: 1,
      WithdrawalAccountRegistered: 2,
      WalletDebitedForPayout: 2,
      PayoutRequested: 2,
    });
  });

  const v1Bank = {
    providerId: 'p1',
    account: { accountId: 'a', kind: 'bank', iban: 'FR7630006000011234567890189', holderName: 'M' },
  };

  it.each(['WithdrawalAccountRegistered', 'WalletDebitedForPayout', 'PayoutRequested'])(
    'reads a v1 %s whose bank account has no mask as v2 with the mask of its IBAN',
    (type) => {
      const event = EVENT_UPCASTING.upcast(recorded(type, 1, JSON.parse(JSON.stringify(v1Bank))));
      expect(event.schemaVersion).toBe(2);
      expect(event.data).toEqual({
        ...v1Bank,
        account: { ...v1Bank.account, ibanMasked: 'FR76 **** 0189' },
      });
    },
  );

  it('keeps a mask v1 already carried, and leaves PayPal accounts and other shapes alone', () => {
    const masked = { ...v1Bank, account: { ...v1Bank.account, ibanMasked: 'FR76 **** 0000' } };
    expect(withAccountIbanMask(masked)).toBe(masked);
    const paypal = {
      providerId: 'p1',
      account: { accountId: 'b', kind: 'paypal', email: 'a@b.fr' },
    };
    expect(withAccountIbanMask(paypal)).toBe(paypal);
    for (const odd of [null, 'x', [], { account: null }, { account: { kind: 'bank' } }])
      expect(withAccountIbanMask(odd)).toBe(odd);
  });
});
