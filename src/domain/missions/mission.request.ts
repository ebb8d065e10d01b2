import { percentOf } from '../shared';
import {
  AcceptMission,
  ChangeMissionRequest,
  ExpireMission,
  RefuseMission,
  RequestMission,
} from './mission.commands';
import { MissionErrorCode as Code, forbidden, invalid, refused } from './mission.errors';
import { MissionEvent } from './mission.events';
import {
  MISSION_COMMENT_MAX_LENGTH,
  actingAs,
  checkedCandidates,
  checkedDeadlines,
  checkedPaymentPlan,
  checkedPlace,
  checkedTargeting,
  checkedTerms,
  commissionRate,
  ensureNotTerminal,
  ensurePending,
  existing,
  hasRefused,
  instant,
  optionalText,
  reached,
  refusalReason,
  requireCandidate,
  requireClient,
  requireSystem,
  requiredId,
  requiredText,
  reservationFor,
} from './mission.guards';
import { MissionState } from './mission.state';

/** Publication: the request goes to its candidates and the highest price among them is reserved. */
export function requestMission(
  { data, meta }: RequestMission,
  state: MissionState,
): MissionEvent[] {
  if (state.status !== 'none')
    throw refused(Code.ALREADY_EXISTS, state, { missionId: state.missionId });
  const clientId = requiredId(data.clientId, 'clientId');
  actingAs(meta, clientId, 'clientId');
  const missionId = requiredId(data.missionId, 'missionId');
  const escrowId = requiredId(data.escrowId, 'escrowId');
  const serviceTypeId = requiredId(data.serviceTypeId, 'serviceTypeId');
  const serviceTypeLabel = requiredText(data.serviceTypeLabel, 'serviceTypeLabel', 200);
  const targeting = checkedTargeting(data.targeting);
  const terms = checkedTerms(data, meta.now);
  const place = checkedPlace(data.place);
  const candidates = checkedCandidates(data.candidates, targeting, clientId);
  const commissionRateBp = commissionRate(data.commissionRateBp);
  const paymentPlan = checkedPaymentPlan(data.paymentPlan);
  checkedDeadlines(terms, meta.now, data);
  const fromPack = paymentPlan === 'hour_pack';
  if (!fromPack && data.hourPackId !== undefined)
    throw invalid(Code.INVALID_PAYMENT_PLAN, 'hourPackId', { paymentPlan });
  const hourPackId = fromPack ? requiredId(data.hourPackId, 'hourPackId') : undefined;
  const paymentMethodRef = fromPack
    ? `hour-pack:${hourPackId}`
    : requiredId(data.paymentMethodRef, 'paymentMethodRef');
  return [
    {
      type: 'MissionRequested',
      data: {
        missionId,
        escrowId,
        clientId,
        serviceTypeId,
        serviceTypeLabel,
        place,
        targeting,
        ...terms,
        candidates,
        reservedCents: reservationFor(candidates),
        commissionRateBp,
        paymentPlan,
        authoriseAt:
          paymentPlan === 'authorise_later' ? instant(data.authoriseAt, 'authoriseAt') : meta.now,
        paymentMethodRef,
        ...(hourPackId === undefined ? {} : { hourPackId }),
        respondBy: data.respondBy,
        autoValidateAt: data.autoValidateAt,
        requestedAt: meta.now,
      },
    },
  ];
}

/**
 * Before any acceptance the client changes the request freely: it is sent again to the candidates
 * the application found for it, earlier refusals no longer count, and the reservation follows the
 * new highest price. The targeting (dispatch or direct) stays as published.
 */
export function changeMissionRequest(
  { data, meta }: ChangeMissionRequest,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  requireClient(mission, meta);
  ensurePending(mission);
  const terms = checkedTerms(data, meta.now);
  const place = checkedPlace(data.place);
  const candidates = checkedCandidates(data.candidates, mission.targeting, mission.clientId);
  // A mission paid from a pack stays so (and a card mission stays on a card).
  const fromPack = mission.payment.plan === 'hour_pack';
  const asked = checkedPaymentPlan(data.paymentPlan);
  if (!fromPack && asked === 'hour_pack')
    throw invalid(Code.INVALID_PAYMENT_PLAN, 'paymentPlan', { value: asked });
  const paymentPlan = fromPack ? 'hour_pack' : asked;
  checkedDeadlines(terms, meta.now, data);
  return [
    {
      type: 'MissionRequestChanged',
      data: {
        missionId: mission.missionId,
        clientId: mission.clientId,
        ...terms,
        place,
        candidates,
        reservedCents: reservationFor(candidates),
        previousReservedCents: mission.reservedCents,
        paymentPlan,
        authoriseAt: paymentPlan === 'authorise_later' ? data.authoriseAt : meta.now,
        respondBy: data.respondBy,
        autoValidateAt: data.autoValidateAt,
        changedAt: meta.now,
      },
    },
  ];
}

/**
 * The first acceptance confirms; every later one is refused with `MISSION_ALREADY_CONFIRMED`
 * (the winner's own repeat is a no-op). The accepting candidate's price applies; what was reserved
 * above it goes back to the client's reservation at once.
 */
export function acceptMission({ data, meta }: AcceptMission, state: MissionState): MissionEvent[] {
  const mission = existing(state, data.missionId);
  actingAs(meta, data.providerId, 'providerId');
  requireCandidate(mission, data.providerId);
  ensureNotTerminal(mission);
  if (mission.status !== 'pending') {
    if (mission.status === 'confirmed' && mission.provider.providerId === data.providerId)
      return [];
    throw refused(Code.ALREADY_CONFIRMED, mission);
  }
  if (hasRefused(mission, data.providerId)) throw refused(Code.ALREADY_REFUSED, mission);
  if (reached(meta.now, mission.respondBy))
    throw refused(Code.RESPONSE_WINDOW_CLOSED, mission, { respondBy: mission.respondBy });
  if (data.providerVerified !== true)
    throw forbidden(Code.PROVIDER_NOT_VERIFIED, 'Only verified providers take paid missions', {
      currentStatus: mission.status,
    });
  const candidate = mission.candidates.find((c) => c.providerId === data.providerId)!;
  const price = candidate.priceCents;
  const commissionCents = percentOf(price, mission.commissionRateBp);
  return [
    {
      type: 'MissionConfirmed',
      data: {
        missionId: mission.missionId,
        clientId: mission.clientId,
        providerId: candidate.providerId,
        priceCents: price,
        commissionCents,
        providerNetCents: price - commissionCents,
        releasedReservationCents: mission.reservedCents - price,
        confirmedAt: meta.now,
      },
    },
  ];
}

/**
 * A candidate declines for a reason of skills, availability or place. When every candidate has
 * refused, the request stays pending until `respondBy` (the client may still change it and send
 * it again); the expiry job then closes it and releases the money.
 */
export function refuseMission({ data, meta }: RefuseMission, state: MissionState): MissionEvent[] {
  const mission = existing(state, data.missionId);
  actingAs(meta, data.providerId, 'providerId');
  requireCandidate(mission, data.providerId);
  ensurePending(mission);
  if (hasRefused(mission, data.providerId)) throw refused(Code.ALREADY_REFUSED, mission);
  if (reached(meta.now, mission.respondBy))
    throw refused(Code.RESPONSE_WINDOW_CLOSED, mission, { respondBy: mission.respondBy });
  const reason = refusalReason(data.reason);
  const comment = optionalText(data.comment, 'comment', MISSION_COMMENT_MAX_LENGTH);
  return [
    {
      type: 'MissionRefusedByProvider',
      data: {
        missionId: mission.missionId,
        providerId: data.providerId,
        reason,
        ...(comment === undefined ? {} : { comment }),
        refusedAt: meta.now,
      },
    },
  ];
}

/** The expiry job at `respondBy`: no acceptance in time, the request closes and its money is released. */
export function expireMission({ data, meta }: ExpireMission, state: MissionState): MissionEvent[] {
  requireSystem(meta);
  const mission = existing(state, data.missionId);
  if (mission.status === 'expired') return [];
  ensurePending(mission);
  if (!reached(meta.now, mission.respondBy))
    throw refused(Code.RESPONSE_WINDOW_OPEN, mission, { respondBy: mission.respondBy });
  return [
    {
      type: 'MissionExpired',
      data: { missionId: mission.missionId, respondBy: mission.respondBy, expiredAt: meta.now },
    },
  ];
}
