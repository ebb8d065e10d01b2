import { assertNever } from '../shared';
import type {
  ConsumeHourPackHours,
  ExpireHourPack,
  HourPackCommand,
  PurchaseHourPack,
  ReleaseHourPackHours,
  ReserveHourPackHours,
  WithdrawHourPack,
} from './hour-pack.commands';
import {
  HourPackErrorCode as Code,
  packIllegal,
  packInvalid,
  packRefused,
} from './hour-pack.errors';
import type { HourPackEvent } from './hour-pack.events';
import {
  HOUR_PACK_MAX_MINUTES,
  HOUR_PACK_MAX_PRICE_CENTS,
  existingPack,
  instant,
  positiveInteger,
  reached,
  requireSystem,
  requiredId,
  withdrawalEndsAt,
} from './hour-pack.guards';
import { availableMinutes, expiryRefund, type HourPackState, valueOfNext } from './hour-pack.state';

/** The purchase once charged; the same pack id again is a retry and records nothing. */
function purchase({ data, meta }: PurchaseHourPack, state: HourPackState): HourPackEvent[] {
  if (state.status !== 'none') {
    if (state.clientId === meta.actorId && state.chargeRef === data.chargeRef) return [];
    throw packIllegal(Code.ALREADY_EXISTS, 'This hour pack already exists', {
      packId: state.packId,
    });
  }
  const clientId = requiredId(data.clientId, 'clientId');
  if (meta.actorRole !== 'system' && meta.actorId !== clientId)
    throw packInvalid('clientId', { reason: 'a client buys for themselves' });
  const expiresAt = instant(data.expiresAt, 'expiresAt');
  if (reached(meta.now, expiresAt)) throw packInvalid('expiresAt', { value: data.expiresAt });
  if (
    typeof data.priceTtcCents !== 'number' ||
    !Number.isSafeInteger(data.priceTtcCents) ||
    data.priceTtcCents < 0 ||
    data.priceTtcCents > HOUR_PACK_MAX_PRICE_CENTS
  )
    throw packInvalid('priceTtcCents', { value: data.priceTtcCents });
  return [
    {
      type: 'HourPackPurchased',
      data: {
        packId: requiredId(data.packId, 'packId'),
        clientId,
        planId: requiredId(data.planId, 'planId'),
        planVersion: positiveInteger(data.planVersion, 'planVersion', 1_000_000),
        planName: requiredId(data.planName, 'planName'),
        serviceTypeId: requiredId(data.serviceTypeId, 'serviceTypeId'),
        minutes: positiveInteger(data.minutes, 'minutes', HOUR_PACK_MAX_MINUTES),
        priceTtcCents: data.priceTtcCents,
        chargeRef: requiredId(data.chargeRef, 'chargeRef'),
        purchasedAt: meta.now,
        expiresAt,
      },
    },
  ];
}

/**
 * At the mission's confirmation, once per mission: a mission already known to the pack
 * (reserved, consumed or released) reserves nothing again. Refused when the pack expired, was
 * withdrawn, ends before the mission starts, or no longer has the minutes.
 */
function reserve({ data, meta }: ReserveHourPackHours, state: HourPackState): HourPackEvent[] {
  requireSystem(meta);
  const pack = existingPack(state, data.packId, meta);
  const missionId = requiredId(data.missionId, 'missionId');
  if (pack.missions.some((m) => m.missionId === missionId)) return [];
  const minutes = positiveInteger(data.minutes, 'minutes', HOUR_PACK_MAX_MINUTES);
  if (pack.status === 'withdrawn')
    throw packRefused(Code.WITHDRAWN, 'The client withdrew from this hour pack', {
      packId: pack.packId,
    });
  const startsAt = instant(data.startsAt, 'startsAt');
  if (
    pack.status === 'expired' ||
    reached(meta.now, pack.expiresAt) ||
    reached(startsAt, pack.expiresAt)
  )
    throw packRefused(Code.EXPIRED, 'The hour pack is no longer valid for this mission', {
      packId: pack.packId,
      expiresAt: pack.expiresAt,
    });
  const available = availableMinutes(pack);
  if (available < minutes)
    throw packRefused(Code.INSUFFICIENT_HOURS, 'The hour pack no longer has these hours', {
      packId: pack.packId,
      availableMinutes: available,
      minutes,
    });
  return [
    {
      type: 'HourPackHoursReserved',
      data: {
        packId: pack.packId,
        clientId: pack.clientId,
        missionId,
        minutes,
        reservedAt: meta.now,
      },
    },
  ];
}

/** At validation (even after the expiry: reserved minutes stay usable for their mission). */
function consume({ data, meta }: ConsumeHourPackHours, state: HourPackState): HourPackEvent[] {
  requireSystem(meta);
  const pack = existingPack(state, data.packId, meta);
  const mission = pack.missions.find((m) => m.missionId === data.missionId);
  if (mission?.use === 'consumed') return [];
  if (mission?.use !== 'reserved')
    throw packIllegal(Code.NOT_RESERVED, 'These hours are not reserved for this mission', {
      packId: pack.packId,
      missionId: data.missionId,
      use: mission?.use ?? 'none',
    });
  return [
    {
      type: 'HourPackHoursConsumed',
      data: {
        packId: pack.packId,
        clientId: pack.clientId,
        missionId: mission.missionId,
        minutes: mission.minutes,
        valueCents: valueOfNext(pack, mission.minutes),
        consumedAt: meta.now,
      },
    },
  ];
}

/** Cancelled before validation: the minutes come back; nothing reserved is a no-op. */
function release({ data, meta }: ReleaseHourPackHours, state: HourPackState): HourPackEvent[] {
  requireSystem(meta);
  const pack = existingPack(state, data.packId, meta);
  const mission = pack.missions.find((m) => m.missionId === data.missionId);
  if (mission?.use !== 'reserved') return [];
  return [
    {
      type: 'HourPackHoursReleased',
      data: {
        packId: pack.packId,
        clientId: pack.clientId,
        missionId: mission.missionId,
        minutes: mission.minutes,
        releasedAt: meta.now,
      },
    },
  ];
}

/** 14 days' withdrawal: the whole price back, only if no minute was ever reserved or consumed. */
function withdraw({ data, meta }: WithdrawHourPack, state: HourPackState): HourPackEvent[] {
  const pack = existingPack(state, data.packId, meta);
  if (pack.status === 'withdrawn') return [];
  const endsAt = withdrawalEndsAt(pack, data.withdrawalDays);
  if (pack.status !== 'active' || pack.missions.length > 0 || reached(meta.now, endsAt))
    throw packIllegal(
      Code.WITHDRAWAL_CLOSED,
      'Withdrawal is possible only within its window and before any hour was used',
      {
        packId: pack.packId,
        withdrawalEndsAt: endsAt,
        usedByMissions: pack.missions.length,
        currentStatus: pack.status,
      },
    );
  return [
    {
      type: 'HourPackRefunded',
      data: {
        packId: pack.packId,
        clientId: pack.clientId,
        minutes: availableMinutes(pack),
        refundCents: pack.priceTtcCents - pack.refundedCents - pack.consumedCents,
        refundRef: requiredId(data.refundRef, 'refundRef'),
        reason: 'withdrawal',
        refundedAt: meta.now,
      },
    },
  ];
}

/**
 * The validity ended: the unused, unreserved minutes are refunded at their share of the price,
 * then the pack expires. Again later (a reserved mission cancelled after the expiry), only the
 * minutes it gave back are refunded. Nothing left: nothing recorded.
 */
function expire({ data, meta }: ExpireHourPack, state: HourPackState): HourPackEvent[] {
  requireSystem(meta);
  const pack = existingPack(state, data.packId, meta);
  if (pack.status === 'withdrawn') return [];
  if (!reached(meta.now, pack.expiresAt))
    throw packIllegal(Code.NOT_YET_EXPIRED, 'The hour pack is still valid', {
      packId: pack.packId,
      expiresAt: pack.expiresAt,
    });
  const computed = expiryRefund(pack);
  const left = pack.priceTtcCents - pack.consumedCents - pack.refundedCents;
  const refundCents = data.refundCents ?? computed.refundCents;
  if (!Number.isSafeInteger(refundCents) || refundCents < 0 || refundCents > left)
    throw packInvalid('refundCents', { value: data.refundCents, max: left });
  const refund = { minutes: computed.minutes, refundCents };
  const events: HourPackEvent[] = [];
  if (refund.minutes > 0) {
    if (refund.refundCents > 0 && !data.refundRef)
      throw packInvalid('refundRef', { code: Code.REFUND_REF_REQUIRED, ...refund });
    events.push({
      type: 'HourPackRefunded',
      data: {
        packId: pack.packId,
        clientId: pack.clientId,
        minutes: refund.minutes,
        refundCents: refund.refundCents,
        refundRef: refund.refundCents > 0 ? data.refundRef! : 'none',
        reason: 'expiry',
        refundedAt: meta.now,
      },
    });
  }
  if (pack.status === 'active')
    events.push({
      type: 'HourPackExpired',
      data: {
        packId: pack.packId,
        clientId: pack.clientId,
        unusedMinutes: refund.minutes,
        expiredAt: meta.now,
      },
    });
  return events;
}

export function decide(command: HourPackCommand, state: HourPackState): HourPackEvent[] {
  switch (command.type) {
    case 'PurchaseHourPack':
      return purchase(command, state);
    case 'ReserveHourPackHours':
      return reserve(command, state);
    case 'ConsumeHourPackHours':
      return consume(command, state);
    case 'ReleaseHourPackHours':
      return release(command, state);
    case 'WithdrawHourPack':
      return withdraw(command, state);
    case 'ExpireHourPack':
      return expire(command, state);
    default:
      return assertNever(command);
  }
}
