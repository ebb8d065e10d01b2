import { AppreciateMission, RecommendMission, ValidateMission } from './mission.commands';
import { MissionErrorCode as Code, invalid, refused, ruleBroken } from './mission.errors';
import { MissionEvent } from './mission.events';
import {
  APPRECIATION_COMMENT_MAX_LENGTH,
  RECOMMENDATION_MAX_LENGTH,
  actingAs,
  appreciationValue,
  ensureConfirmed,
  existing,
  optionalText,
  reached,
  requireClient,
  requireSystem,
  requiredText,
} from './mission.guards';
import { ExistingMission, MissionState, ResolvedMission, ValidatedMission } from './mission.state';

/**
 * "Mission terminée ✔": the client validates once the mission has started; the system validates
 * at `autoValidateAt` (the written rule shown at publication) when neither a validation nor a
 * problem came. Either way the money must be secured for the current price: validation captures
 * it. The system's repeat on a validated mission is a no-op; the client's is refused.
 */
export function validateMission(
  { data, meta }: ValidateMission,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  if (data.validatedBy === 'system') {
    requireSystem(meta);
    if (mission.status === 'validated') return [];
  } else if (data.validatedBy === 'client') {
    requireClient(mission, meta);
  } else {
    throw invalid(Code.INVALID_VALIDATOR, 'validatedBy', { value: data.validatedBy });
  }
  ensureConfirmed(mission);
  const { terms, provider, payment } = mission;
  if (data.validatedBy === 'client' && !reached(meta.now, terms.startsAt))
    throw refused(Code.NOT_STARTED, mission, { startsAt: terms.startsAt });
  if (data.validatedBy === 'system' && !reached(meta.now, mission.autoValidateAt))
    throw refused(Code.AUTO_VALIDATION_NOT_DUE, mission, {
      autoValidateAt: mission.autoValidateAt,
    });
  // A mission paid from an hour pack has no card: the pack reserved its minutes at confirmation.
  if (
    payment.plan !== 'hour_pack' &&
    (payment.authorised === null || payment.authorised.amountCents < provider.priceCents)
  )
    throw refused(Code.NOT_AUTHORISED, mission, {
      priceCents: provider.priceCents,
      authorisedCents: payment.authorised?.amountCents ?? 0,
    });
  return [
    {
      type: 'MissionValidated',
      data: {
        missionId: mission.missionId,
        clientId: mission.clientId,
        providerId: provider.providerId,
        validatedBy: data.validatedBy,
        priceCents: provider.priceCents,
        commissionCents: provider.commissionCents,
        providerNetCents: provider.providerNetCents,
        validatedAt: meta.now,
      },
    },
  ];
}

/** Appreciations and recommendations follow a validated mission, or one whose dispute was decided. */
function rated(mission: ExistingMission): ValidatedMission | ResolvedMission {
  if (mission.status === 'validated' || mission.status === 'resolved') return mission;
  throw refused(Code.NOT_VALIDATED, mission);
}

/** Seed 002: one appreciation per intervention, on the scale -2, -1, 1, 2, with a comment. */
export function appreciateMission(
  { data, meta }: AppreciateMission,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  actingAs(meta, data.clientId, 'clientId');
  requireClient(mission, meta);
  const done = rated(mission);
  if (done.appreciation !== null) throw refused(Code.ALREADY_APPRECIATED, done);
  const appreciation = appreciationValue(data.appreciation);
  const comment = optionalText(data.comment, 'comment', APPRECIATION_COMMENT_MAX_LENGTH) ?? '';
  return [
    {
      type: 'MissionAppreciated',
      data: {
        missionId: done.missionId,
        clientId: done.clientId,
        providerId: done.provider.providerId,
        appreciation,
        comment,
        appreciatedAt: meta.now,
      },
    },
  ];
}

/**
 * Seed 002: "Vous pouvez laisser une recommandation que si vous êtes satisfait": only after a
 * positive appreciation, once.
 */
export function recommendMission(
  { data, meta }: RecommendMission,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  actingAs(meta, data.clientId, 'clientId');
  requireClient(mission, meta);
  const done = rated(mission);
  if (done.recommendation !== null) throw refused(Code.ALREADY_RECOMMENDED, done);
  if (done.appreciation === null || done.appreciation.value <= 0)
    throw ruleBroken(
      Code.RECOMMENDATION_REQUIRES_SATISFACTION,
      'A recommendation needs a satisfied appreciation first',
      { currentStatus: done.status, appreciation: done.appreciation?.value ?? null },
    );
  const text = requiredText(data.text, 'text', RECOMMENDATION_MAX_LENGTH);
  return [
    {
      type: 'MissionRecommended',
      data: {
        missionId: done.missionId,
        clientId: done.clientId,
        providerId: done.provider.providerId,
        text,
        recommendedAt: meta.now,
      },
    },
  ];
}
