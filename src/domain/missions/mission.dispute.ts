import { CloseMissionDispute, ReportMissionProblem } from './mission.commands';
import { MissionErrorCode as Code, invalid, refused, ruleBroken } from './mission.errors';
import { MissionEvent } from './mission.events';
import {
  MISSION_STATEMENT_MAX_LENGTH,
  actingAs,
  ensureConfirmed,
  ensureNotTerminal,
  existing,
  isNonNegativeInteger,
  partyOf,
  requireDisputeHandler,
  requiredId,
  requiredText,
} from './mission.guards';
import { MissionState } from './mission.state';

/**
 * "Signaler un problème": the client or the confirmed provider reports a problem on a confirmed
 * mission (before or after its start, not after validation); the mission freezes until the
 * disputes context closes the case.
 */
export function reportProblem(
  { data, meta }: ReportMissionProblem,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  actingAs(meta, data.reportedBy, 'reportedBy');
  const party = partyOf(mission, meta.actorId);
  ensureConfirmed(mission);
  const disputeId = requiredId(data.disputeId, 'disputeId');
  const statement = requiredText(data.statement, 'statement', MISSION_STATEMENT_MAX_LENGTH);
  return [
    {
      type: 'MissionProblemReported',
      data: {
        missionId: mission.missionId,
        disputeId,
        reportedBy: meta.actorId,
        reporterRole: party === 'client' ? 'client' : 'provider',
        statement,
        statusAtReport: 'confirmed',
        reportedAt: meta.now,
      },
    },
  ];
}

/**
 * The disputes context closes the case. Withdrawn: back to confirmed, nothing moves. Decided: the
 * amounts are bounded by what is authorised (and the provider gets at most the price); what the
 * decision leaves of the authorisation is not captured, so the client keeps it.
 */
export function closeDispute(
  { data, meta }: CloseMissionDispute,
  state: MissionState,
): MissionEvent[] {
  requireDisputeHandler(meta);
  const mission = existing(state, data.missionId);
  ensureNotTerminal(mission);
  if (mission.status !== 'disputed') throw refused(Code.NOT_DISPUTED, mission);
  if (data.disputeId !== mission.dispute.disputeId)
    throw refused(Code.DISPUTE_MISMATCH, mission, { disputeId: mission.dispute.disputeId });
  const released = data.releasedToProviderCents;
  const refunded = data.refundedToClientCents;
  if (!isNonNegativeInteger(released))
    throw invalid(Code.INVALID_AMOUNT, 'releasedToProviderCents', { value: released });
  if (!isNonNegativeInteger(refunded))
    throw invalid(Code.INVALID_AMOUNT, 'refundedToClientCents', { value: refunded });
  if (data.outcome === 'withdrawn') {
    if (released !== 0 || refunded !== 0)
      throw invalid(Code.INVALID_AMOUNT, 'releasedToProviderCents', {
        rule: 'a withdrawn dispute moves no money',
      });
  } else if (data.outcome === 'decided') {
    const priceCents = mission.provider.priceCents;
    // A mission paid from an hour pack: the platform funded its escrow with the price.
    const heldCents =
      mission.payment.plan === 'hour_pack'
        ? priceCents
        : (mission.payment.authorised?.amountCents ?? 0);
    if (released + refunded > heldCents || released > priceCents)
      throw ruleBroken(Code.RESOLUTION_EXCEEDS_HELD, 'The decision exceeds what is held', {
        currentStatus: mission.status,
        heldCents,
        priceCents,
      });
  } else {
    throw invalid(Code.INVALID_OUTCOME, 'outcome', { value: data.outcome });
  }
  return [
    {
      type: 'MissionDisputeClosed',
      data: {
        missionId: mission.missionId,
        disputeId: data.disputeId,
        outcome: data.outcome,
        releasedToProviderCents: released,
        refundedToClientCents: refunded,
        closedAt: meta.now,
      },
    },
  ];
}
