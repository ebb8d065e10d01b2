import fc from 'fast-check';
import type { HourPackEvent } from './hour-pack.events';
import { hourPackDecider } from './hour-pack.decider';
import { HourPackErrorCode as Code } from './hour-pack.errors';
import { availableMinutes, type ExistingHourPack } from './hour-pack.state';
import {
  asClient,
  clientId,
  consume,
  consumed,
  expire,
  expiresAt,
  packId,
  purchased,
  purchasedAt,
  release,
  released,
  reserve,
  reserved,
  spec,
  withdraw,
} from './hour-pack.fixtures.spec';

describe('HourPack: purchase', () => {
  const command = {
    type: 'PurchaseHourPack' as const,
    data: {
      packId,
      clientId,
      planId: 'plan-menage-10h',
      planVersion: 1,
      planName: 'Pack Ménage 10 h',
      serviceTypeId: 'st-menage',
      minutes: 600,
      priceTtcCents: 25_000,
      chargeRef: 'ch_1',
      expiresAt,
    },
    meta: asClient(purchasedAt),
  };

  it('records the purchase at the plan version’s price, dated now', () => {
    spec.given([]).when(command).then([purchased()]);
  });

  it('the same purchase again (a retried request) records nothing', () => {
    spec.given([purchased()]).when(command).then([]);
  });

  it('refuses a client buying for someone else, and a non-positive number of minutes', () => {
    spec
      .given([])
      .when({ ...command, meta: asClient(purchasedAt, 'other') })
      .thenThrows(Code.INVALID_FIELD);
    spec
      .given([])
      .when({ ...command, data: { ...command.data, minutes: 0 } })
      .thenThrows(Code.INVALID_FIELD);
  });
});

describe('HourPack: a mission reserves, consumes, releases', () => {
  it('reserves the mission’s minutes at confirmation, once per mission', () => {
    spec
      .given([purchased()])
      .when(reserve('m1', 120))
      .then([reserved('m1', 120, '2026-03-05T09:00:00.000Z')]);
    spec
      .given([purchased(), reserved('m1', 120)])
      .when(reserve('m1', 120))
      .then([]);
    spec
      .given([purchased(), reserved('m1', 120), released('m1', 120)])
      .when(reserve('m1', 120))
      .then([]);
  });

  it('refuses when the pack no longer has the minutes (a race between two missions)', () => {
    spec
      .given([purchased(), reserved('m1', 540)])
      .when(reserve('m2', 120))
      .thenThrows(Code.INSUFFICIENT_HOURS, { availableMinutes: 60, minutes: 120 });
  });

  it('refuses a mission starting after the pack expires, or a pack expired or withdrawn', () => {
    spec
      .given([purchased()])
      .when(reserve('m1', 60, '2026-08-30T09:00:00.000Z', '2026-09-02T09:00:00.000Z'))
      .thenThrows(Code.EXPIRED);
    spec
      .given([purchased()])
      .when(reserve('m1', 60, expiresAt))
      .thenThrows(Code.EXPIRED);
    spec
      .given([
        purchased(),
        {
          type: 'HourPackRefunded',
          data: {
            packId,
            clientId,
            minutes: 600,
            refundCents: 25_000,
            refundRef: 're',
            reason: 'withdrawal',
            refundedAt: purchasedAt,
          },
        },
      ])
      .when(reserve('m1', 60))
      .thenThrows(Code.WITHDRAWN);
  });

  it('only the platform moves hours', () => {
    spec
      .given([purchased()])
      .when({ ...reserve('m1', 60), meta: asClient(purchasedAt) })
      .thenThrows(Code.SYSTEM_ONLY);
  });

  it('consumes at validation, valued at the minutes’ half-even share of the price', () => {
    // 250,00 € × 70 / 600 = 29,1666… → 29,17 €
    spec
      .given([purchased(), reserved('m1', 70)])
      .when(consume('m1'))
      .then([consumed('m1', 70, 2_917, '2026-03-11T09:00:00.000Z')]);
    spec
      .given([purchased(), reserved('m1', 70), consumed('m1', 70, 2_917)])
      .when(consume('m1'))
      .then([]);
  });

  it('the last consumption takes the exact rest of the price', () => {
    spec
      .given([purchased(), reserved('m1', 70), consumed('m1', 70, 2_917), reserved('m2', 530)])
      .when(consume('m2'))
      .then([consumed('m2', 530, 22_083, '2026-03-11T09:00:00.000Z')]);
  });

  it('refuses to consume minutes never reserved or already released', () => {
    spec.given([purchased()]).when(consume('m1')).thenThrows(Code.NOT_RESERVED);
    spec
      .given([purchased(), reserved('m1', 60), released('m1', 60)])
      .when(consume('m1'))
      .thenThrows(Code.NOT_RESERVED);
  });

  it('a cancellation before validation gives the minutes back; again, nothing', () => {
    spec
      .given([purchased(), reserved('m1', 60)])
      .when(release('m1'))
      .then([released('m1', 60, '2026-03-06T09:00:00.000Z')]);
    spec
      .given([purchased(), reserved('m1', 60), released('m1', 60)])
      .when(release('m1'))
      .then([]);
    spec.given([purchased()]).when(release('m1')).then([]);
  });
});

describe('HourPack: withdrawal (droit de rétractation)', () => {
  const refunded: HourPackEvent = {
    type: 'HourPackRefunded',
    data: {
      packId,
      clientId,
      minutes: 600,
      refundCents: 25_000,
      refundRef: 're_1',
      reason: 'withdrawal',
      refundedAt: '2026-03-14T09:00:00.000Z',
    },
  };

  it('within 14 days and nothing used: the whole price back', () => {
    spec.given([purchased()]).when(withdraw('2026-03-14T09:00:00.000Z')).then([refunded]);
    spec.given([purchased(), refunded]).when(withdraw('2026-03-14T09:00:00.000Z')).then([]);
  });

  it('closed after 14 days, or once a mission reserved minutes (even released since)', () => {
    spec
      .given([purchased()])
      .when(withdraw('2026-03-15T09:00:00.000Z'))
      .thenThrows(Code.WITHDRAWAL_CLOSED);
    spec
      .given([purchased(), reserved('m1', 60), released('m1', 60)])
      .when(withdraw('2026-03-02T09:00:00.000Z'))
      .thenThrows(Code.WITHDRAWAL_CLOSED);
  });

  it('another client is told the pack does not exist', () => {
    spec
      .given([purchased()])
      .when(withdraw('2026-03-02T09:00:00.000Z', 'other'))
      .thenThrows(Code.NOT_FOUND);
  });
});

describe('HourPack: expiry', () => {
  it('refunds the unused, unreserved minutes pro rata then expires; reserved minutes stay for their mission', () => {
    spec
      .given([purchased(), reserved('m1', 70), consumed('m1', 70, 2_917), reserved('m2', 60)])
      .when(expire())
      .then([
        // 470 minutes: value(600 − 60 … ) = V(540) − V(70) = 22 500 − 2 917
        {
          type: 'HourPackRefunded',
          data: {
            packId,
            clientId,
            minutes: 470,
            refundCents: 19_583,
            refundRef: 're_exp',
            reason: 'expiry',
            refundedAt: expiresAt,
          },
        },
        {
          type: 'HourPackExpired',
          data: { packId, clientId, unusedMinutes: 470, expiredAt: expiresAt },
        },
      ]);
  });

  it('is refused before the end of the validity', () => {
    spec
      .given([purchased()])
      .when(expire('2026-08-01T00:00:00.000Z'))
      .thenThrows(Code.NOT_YET_EXPIRED);
  });

  it('after the expiry, a reserved mission still consumes; if cancelled its minutes are refunded', () => {
    const afterExpiry = [
      purchased(),
      reserved('m2', 60),
      {
        type: 'HourPackRefunded',
        data: {
          packId,
          clientId,
          minutes: 540,
          refundCents: 22_500,
          refundRef: 're_exp',
          reason: 'expiry',
          refundedAt: expiresAt,
        },
      },
      {
        type: 'HourPackExpired',
        data: { packId, clientId, unusedMinutes: 540, expiredAt: expiresAt },
      },
    ] as HourPackEvent[];
    spec
      .given(afterExpiry)
      .when(consume('m2', '2026-09-02T09:00:00.000Z'))
      .then([consumed('m2', 60, 2_500, '2026-09-02T09:00:00.000Z')]);
    spec
      .given([...afterExpiry, released('m2', 60)])
      .when(expire('2026-09-03T00:00:00.000Z', 're_2'))
      .then([
        {
          type: 'HourPackRefunded',
          data: {
            packId,
            clientId,
            minutes: 60,
            refundCents: 2_500,
            refundRef: 're_2',
            reason: 'expiry',
            refundedAt: '2026-09-03T00:00:00.000Z',
          },
        },
      ]);
    spec
      .given([...afterExpiry])
      .when(expire('2026-09-03T00:00:00.000Z'))
      .then([]);
  });
});

describe('HourPack: properties', () => {
  type Step =
    | { kind: 'reserve' | 'consume' | 'release'; mission: number; minutes: number }
    | { kind: 'expire' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constantFrom('reserve' as const, 'consume' as const, 'release' as const),
      mission: fc.integer({ min: 0, max: 5 }),
      minutes: fc.integer({ min: 1, max: 400 }),
    }),
    fc.constant({ kind: 'expire' as const }),
  );

  it('minutes never go negative and refunds + consumed values never exceed the price (exact when all is used)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 900 }),
        fc.array(step, { maxLength: 30 }),
        (price, minutes, steps) => {
          let state = hourPackDecider.evolve(
            hourPackDecider.initialState(),
            purchased({ priceTtcCents: price, minutes } as never),
          );
          let expired = false;
          for (const s of steps) {
            const now = expired ? '2026-09-02T00:00:00.000Z' : '2026-03-05T00:00:00.000Z';
            const command =
              s.kind === 'expire'
                ? expire('2026-09-02T00:00:00.000Z')
                : s.kind === 'reserve'
                  ? reserve(`m${s.mission}`, s.minutes, now)
                  : s.kind === 'consume'
                    ? consume(`m${s.mission}`, now)
                    : release(`m${s.mission}`, now);
            if (s.kind === 'expire') expired = true;
            try {
              for (const e of hourPackDecider.decide(command, state))
                state = hourPackDecider.evolve(state, e);
            } catch {
              /* a refusal leaves the state as it was */
            }
            const pack = state as ExistingHourPack;
            expect(availableMinutes(pack)).toBeGreaterThanOrEqual(0);
            expect(pack.reservedMinutes).toBeGreaterThanOrEqual(0);
            expect(pack.consumedCents + pack.refundedCents).toBeLessThanOrEqual(price);
            if (pack.consumedMinutes + pack.refundedMinutes === minutes)
              expect(pack.consumedCents + pack.refundedCents).toBe(price);
          }
        },
      ),
    );
  });
});
