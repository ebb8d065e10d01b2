import type { Command } from '../shared';
import type {
  Appreciation,
  MissionCandidate,
  MissionPaymentPlan,
  MissionPlace,
  MissionTargeting,
  MissionTerms,
  RefusalReason,
} from './mission.events';

/**
 * Issued by the application once the candidates are found (dispatch index) and the money plan is
 * known; the application derives `reservedCents`, `authoriseAt`, `respondBy` and `autoValidateAt`
 * from the settings and the clock so that the decision stays pure.
 */
export type RequestMission = Command<
  'RequestMission',
  MissionTerms & {
    missionId: string;
    escrowId: string;
    clientId: string;
    serviceTypeId: string;
    serviceTypeLabel: string;
    place: MissionPlace;
    targeting: MissionTargeting;
    candidates: MissionCandidate[];
    commissionRateBp: number;
    paymentPlan: MissionPaymentPlan;
    authoriseAt: string;
    /** Unused (may be empty) for an `hour_pack` mission. */
    paymentMethodRef: string;
    /** `hour_pack` only: the client's pack, checked by the application before. */
    hourPackId?: string;
    respondBy: string;
    autoValidateAt: string;
  }
>;

/** `providerVerified` comes from the identity context: only verified providers take paid missions. */
export type AcceptMission = Command<
  'AcceptMission',
  { missionId: string; providerId: string; providerVerified: boolean }
>;
export type RefuseMission = Command<
  'RefuseMission',
  { missionId: string; providerId: string; reason: RefusalReason; comment?: string }
>;

/** Before confirmation: the request is sent again with new candidates (found by the application). */
export type ChangeMissionRequest = Command<
  'ChangeMissionRequest',
  MissionTerms & {
    missionId: string;
    place: MissionPlace;
    candidates: MissionCandidate[];
    paymentPlan: MissionPaymentPlan;
    authoriseAt: string;
    respondBy: string;
    autoValidateAt: string;
  }
>;

/** After confirmation: the client proposes; `priceCents` from the confirmed provider's pricing. */
export type ProposeMissionChange = Command<
  'ProposeMissionChange',
  { missionId: string; proposalId: string; proposedBy: string; proposed: MissionTerms; priceCents: number }
>;
export type AcceptMissionChange = Command<
  'AcceptMissionChange',
  { missionId: string; proposalId: string; authoriseAt: string; autoValidateAt: string }
>;
export type RefuseMissionChange = Command<
  'RefuseMissionChange',
  { missionId: string; proposalId: string; comment?: string }
>;
export type WithdrawMissionChange = Command<
  'WithdrawMissionChange',
  { missionId: string; proposalId: string }
>;

/** From the money process. */
export type RecordMissionAuthorisation = Command<
  'RecordMissionAuthorisation',
  { missionId: string; escrowId: string; paymentRef: string; amountCents: number }
>;
export type RecordMissionAuthorisationFailure = Command<
  'RecordMissionAuthorisationFailure',
  { missionId: string; reason: string; attempt: number; nextAttemptAt?: string }
>;
export type ReplaceMissionPaymentMethod = Command<
  'ReplaceMissionPaymentMethod',
  { missionId: string; paymentMethodRef: string }
>;

export type PostMissionMessage = Command<
  'PostMissionMessage',
  { missionId: string; messageId: string; authorId: string; text: string; fileRefs: string[] }
>;

/**
 * The late-cancellation rule (window in hours before the start, fee in basis points of the price)
 * comes from the settings; default: free.
 */
export type CancelMission = Command<
  'CancelMission',
  {
    missionId: string;
    cancelledBy: 'client' | 'provider' | 'system';
    actorId?: string;
    reason?: string;
    lateWindowHours: number;
    lateFeeBp: number;
  }
>;
export type ExpireMission = Command<'ExpireMission', { missionId: string }>;

export type ValidateMission = Command<
  'ValidateMission',
  { missionId: string; validatedBy: 'client' | 'system' }
>;

export type ReportMissionProblem = Command<
  'ReportMissionProblem',
  { missionId: string; disputeId: string; reportedBy: string; statement: string }
>;
export type CloseMissionDispute = Command<
  'CloseMissionDispute',
  {
    missionId: string;
    disputeId: string;
    outcome: 'withdrawn' | 'decided';
    releasedToProviderCents: number;
    refundedToClientCents: number;
  }
>;

export type AppreciateMission = Command<
  'AppreciateMission',
  { missionId: string; clientId: string; appreciation: Appreciation; comment: string }
>;
export type RecommendMission = Command<
  'RecommendMission',
  { missionId: string; clientId: string; text: string }
>;

export type MissionCommand =
  | RequestMission
  | AcceptMission
  | RefuseMission
  | ChangeMissionRequest
  | ProposeMissionChange
  | AcceptMissionChange
  | RefuseMissionChange
  | WithdrawMissionChange
  | RecordMissionAuthorisation
  | RecordMissionAuthorisationFailure
  | ReplaceMissionPaymentMethod
  | PostMissionMessage
  | CancelMission
  | ExpireMission
  | ValidateMission
  | ReportMissionProblem
  | CloseMissionDispute
  | AppreciateMission
  | RecommendMission;
