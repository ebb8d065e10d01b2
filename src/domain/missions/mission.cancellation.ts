import { percentOf } from '../shared';
import { CancelMission } from './mission.commands';
import { MissionErrorCode as Code, forbidden, invalid, refused } from './mission.errors';
import { MissionEvent } from './mission.events';
import {
  MISSION_COMMENT_MAX_LENGTH,
  actingAs,
  addHours,
  ensureOpen,
  existing,
  isNonNegativeInteger,
  optionalText,
  partyOf,
  reached,
  requireClient,
  requireSystem,
} from './mission.guards';
import { ConfirmedMission, ExistingMission, MissionState, PendingMission } from './mission.state';

export interface LateCancellationRule {
  /** Hours before the start within which a client's cancellation of a confirmed mission is late (0: never). */
  lateWindowHours: number;
  /** Share of the price kept for the provider on a late cancellation, in basis points (0: free). */
  lateFeeBp: number;
}

function checkedRule(data: LateCancellationRule): LateCancellationRule {
  const { lateWindowHours, lateFeeBp } = data;
  if (!isNonNegativeInteger(lateWindowHours))
    throw invalid(Code.INVALID_LATE_RULE, 'lateWindowHours', { value: lateWindowHours });
  if (!isNonNegativeInteger(lateFeeBp) || lateFeeBp > 10_000)
    throw invalid(Code.INVALID_LATE_RULE, 'lateFeeBp', { value: lateFeeBp, max: 10_000 });
  return { lateWindowHours, lateFeeBp };
}

/** Who may cancel what: the client a pending or confirmed mission, the provider their confirmed one. */
function cancellable(
  { data, meta }: CancelMission,
  mission: ExistingMission,
): PendingMission | ConfirmedMission {
  switch (data.cancelledBy) {
    case 'system':
      requireSystem(meta);
      ensureOpen(mission);
      // The system cancels only after the last automatic authorisation failed, or when the
      // hour pack paying the mission could not reserve its minutes at confirmation.
      if (mission.payment.plan === 'hour_pack') return mission;
      if (
        mission.payment.lastFailure === null ||
        mission.payment.lastFailure.nextAttemptAt !== null
      )
        throw refused(Code.PAYMENT_NOT_FAILED, mission);
      return mission;
    case 'client':
      actingAs(meta, data.actorId ?? meta.actorId, 'actorId');
      requireClient(mission, meta);
      ensureOpen(mission);
      return mission;
    case 'provider': {
      actingAs(meta, data.actorId ?? meta.actorId, 'actorId');
      const party = partyOf(mission, meta.actorId);
      if (party === 'client')
        throw forbidden(Code.ONLY_PROVIDER, 'The client cancels as the client', {
          currentStatus: mission.status,
        });
      ensureOpen(mission);
      // A candidate answers a pending request by refusing it; there is nothing of theirs to cancel.
      if (mission.status === 'pending') throw refused(Code.NOT_CONFIRMED, mission);
      return mission;
    }
    default:
      throw invalid(Code.INVALID_CANCELLER, 'cancelledBy', { value: data.cancelledBy });
  }
}

/**
 * Seed 002 "Vous pouvez annuler votre demande en attente et vos prochains rendez-vous".
 *
 * - A confirmed appointment is cancelled before its start only (afterwards the client validates or
 *   reports a problem): `MISSION_ALREADY_STARTED`. The system's cancellation after a failed
 *   authorisation is not bound by the start.
 * - Late rule: a client's cancellation of a confirmed mission within `lateWindowHours` before
 *   `startsAt` is late, and `feeCents` = half-even(price × `lateFeeBp`), capped at what is
 *   authorised (nothing can be kept from a card not yet authorised). Provider and system
 *   cancellations are never charged to the client.
 * - `refundCents` is everything authorised minus the fee: the client gets all the rest back.
 */
export function cancelMission(command: CancelMission, state: MissionState): MissionEvent[] {
  const { data, meta } = command;
  const mission = cancellable(command, existing(state, data.missionId));
  const rule = checkedRule(data);
  const reason = optionalText(data.reason, 'reason', MISSION_COMMENT_MAX_LENGTH);
  const confirmed = mission.status === 'confirmed' ? mission : null;
  if (confirmed && data.cancelledBy !== 'system' && reached(meta.now, confirmed.terms.startsAt))
    throw refused(Code.ALREADY_STARTED, mission, { startsAt: confirmed.terms.startsAt });
  const late =
    confirmed !== null &&
    data.cancelledBy === 'client' &&
    rule.lateWindowHours > 0 &&
    reached(meta.now, addHours(confirmed.terms.startsAt, -rule.lateWindowHours));
  const held = mission.payment.authorised?.amountCents ?? 0;
  const feeCents =
    late && confirmed
      ? Math.min(percentOf(confirmed.provider.priceCents, rule.lateFeeBp), held)
      : 0;
  return [
    {
      type: 'MissionCancelled',
      data: {
        missionId: mission.missionId,
        cancelledBy: data.cancelledBy,
        ...(data.cancelledBy === 'system' ? {} : { actorId: meta.actorId }),
        ...(reason === undefined ? {} : { reason }),
        from: mission.status,
        late,
        feeCents,
        refundCents: held - feeCents,
        cancelledAt: meta.now,
      },
    },
  ];
}
