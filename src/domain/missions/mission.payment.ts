import {
  RecordMissionAuthorisation,
  RecordMissionAuthorisationFailure,
  ReplaceMissionPaymentMethod,
} from './mission.commands';
import { MissionErrorCode as Code, invalid, refused, ruleBroken } from './mission.errors';
import { MissionEvent } from './mission.events';
import {
  ensureOpen,
  existing,
  instant,
  isPositiveInteger,
  requireClient,
  requireSystem,
  requiredId,
  requiredText,
} from './mission.guards';
import { MissionState } from './mission.state';

export const AUTHORISATION_FAILURE_REASON_MAX_LENGTH = 500;

/**
 * The money process records the card authorisation (at publication, or automatically at
 * `authoriseAt`, or again after a change raised the price). It must cover what the mission needs
 * now: the reservation while pending, the price once confirmed. The same `paymentRef` again is a
 * retry and records nothing, whatever the status.
 */
export function recordAuthorisation(
  { data, meta }: RecordMissionAuthorisation,
  state: MissionState,
): MissionEvent[] {
  requireSystem(meta);
  const mission = existing(state, data.missionId);
  if (mission.payment.authorised?.paymentRef === data.paymentRef) return [];
  ensureOpen(mission);
  if (data.escrowId !== mission.escrowId)
    throw ruleBroken(Code.ESCROW_MISMATCH, 'This authorisation belongs to another escrow', {
      currentStatus: mission.status,
      escrowId: mission.escrowId,
    });
  const paymentRef = requiredId(data.paymentRef, 'paymentRef');
  if (!isPositiveInteger(data.amountCents))
    throw invalid(Code.INVALID_AMOUNT, 'amountCents', { value: data.amountCents });
  const neededCents =
    mission.status === 'pending' ? mission.reservedCents : mission.provider.priceCents;
  if (data.amountCents < neededCents)
    throw ruleBroken(
      Code.AUTHORISATION_INSUFFICIENT,
      'The authorisation does not cover the mission',
      {
        currentStatus: mission.status,
        neededCents,
        amountCents: data.amountCents,
      },
    );
  return [
    {
      type: 'MissionPaymentAuthorised',
      data: {
        missionId: mission.missionId,
        escrowId: mission.escrowId,
        paymentRef,
        amountCents: data.amountCents,
        authorisedAt: meta.now,
      },
    },
  ];
}

/**
 * An automatic authorisation failed; the client is told. An attempt not newer than the last one
 * recorded is a retry and records nothing. Without `nextAttemptAt` it was the last attempt: the
 * system then cancels the mission (`CancelMission` by `system`).
 */
export function recordAuthorisationFailure(
  { data, meta }: RecordMissionAuthorisationFailure,
  state: MissionState,
): MissionEvent[] {
  requireSystem(meta);
  const mission = existing(state, data.missionId);
  if (!isPositiveInteger(data.attempt))
    throw invalid(Code.INVALID_ATTEMPT, 'attempt', { value: data.attempt });
  const last = mission.payment.lastFailure;
  if (last !== null && data.attempt <= last.attempt) return [];
  ensureOpen(mission);
  const reason = requiredText(data.reason, 'reason', AUTHORISATION_FAILURE_REASON_MAX_LENGTH);
  const nextAttemptAt =
    data.nextAttemptAt === undefined ? undefined : instant(data.nextAttemptAt, 'nextAttemptAt');
  return [
    {
      type: 'MissionPaymentAuthorisationFailed',
      data: {
        missionId: mission.missionId,
        reason,
        attempt: data.attempt,
        ...(nextAttemptAt === undefined ? {} : { nextAttemptAt }),
        failedAt: meta.now,
      },
    },
  ];
}

/**
 * After a failed authorisation the client gives another card (saved by the money side first);
 * the client or the money process records it. The same reference again records nothing.
 */
export function replacePaymentMethod(
  { data, meta }: ReplaceMissionPaymentMethod,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  if (meta.actorRole !== 'system') requireClient(mission, meta);
  const paymentMethodRef = requiredId(data.paymentMethodRef, 'paymentMethodRef');
  if (paymentMethodRef === mission.payment.paymentMethodRef) return [];
  ensureOpen(mission);
  if (mission.payment.lastFailure === null) throw refused(Code.PAYMENT_NOT_FAILED, mission);
  return [
    {
      type: 'MissionPaymentMethodReplaced',
      data: { missionId: mission.missionId, paymentMethodRef, replacedAt: meta.now },
    },
  ];
}
