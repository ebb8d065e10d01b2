// Shared given/when builders for the mission specs; the `.spec.ts` suffix keeps them out of the
// build.
import { DeciderSpecification } from '../../../test/support/decider-spec';
import { ActorRole, CommandMeta } from '../shared';
import {
  AcceptMission,
  AcceptMissionChange,
  AppreciateMission,
  CancelMission,
  ChangeMissionRequest,
  CloseMissionDispute,
  ExpireMission,
  PostMissionMessage,
  ProposeMissionChange,
  RecommendMission,
  RecordMissionAuthorisation,
  RecordMissionAuthorisationFailure,
  RefuseMission,
  RefuseMissionChange,
  ReplaceMissionPaymentMethod,
  ReportMissionProblem,
  RequestMission,
  ValidateMission,
  WithdrawMissionChange,
} from './mission.commands';
import {
  MissionAppreciated,
  MissionCancelled,
  MissionCandidate,
  MissionChangeProposed,
  MissionConfirmed,
  MissionDisputeClosed,
  MissionEvent,
  MissionExpired,
  MissionPaymentAuthorisationFailed,
  MissionPaymentAuthorised,
  MissionPlace,
  MissionProblemReported,
  MissionRefusedByProvider,
  MissionRequested,
  MissionStatus,
  MissionValidated,
} from './mission.events';
import { missionDecider } from './index';

export const spec = DeciderSpecification.for(missionDecider);

export const ids = {
  missionId: 'mission-1',
  escrowId: 'escrow-1',
  clientId: 'client-1',
  provider1: 'provider-1',
  provider2: 'provider-2',
  provider3: 'provider-3',
  serviceTypeId: 'service-menage',
  disputeId: 'dispute-1',
  proposalId: 'proposal-1',
  paymentRef: 'pi_auth_1',
  paymentMethodRef: 'pm_saved_1',
} as const;
const { missionId, escrowId, clientId, provider1, provider2, provider3 } = ids;

export const times = {
  requestedAt: '2026-03-01T08:00:00.000Z',
  /** The fixed `now` of most specs: the request is open, the mission days away. */
  now: '2026-03-01T10:00:00.000Z',
  respondBy: '2026-03-02T08:00:00.000Z',
  afterRespondBy: '2026-03-02T09:00:00.000Z',
  /** 24 h before the start: inside a 48 h late window, outside a 12 h one. */
  dayBeforeStart: '2026-03-04T09:00:00.000Z',
  startsAt: '2026-03-05T09:00:00.000Z',
  afterStart: '2026-03-05T12:00:00.000Z',
  autoValidateAt: '2026-03-07T11:00:00.000Z',
  afterAutoValidate: '2026-03-07T12:00:00.000Z',
  /** A new date proposed once confirmed. */
  proposedStart: '2026-03-06T14:00:00.000Z',
  proposedAutoValidateAt: '2026-03-08T17:00:00.000Z',
} as const;

export const metaOf = (
  actorId: string,
  actorRole: ActorRole,
  now: string = times.now,
): CommandMeta => ({ now, actorId, actorRole });
export const as = {
  client: (now?: string) => metaOf(clientId, 'client', now),
  provider: (now?: string) => metaOf(provider1, 'provider', now),
  provider2: (now?: string) => metaOf(provider2, 'provider', now),
  provider3: (now?: string) => metaOf(provider3, 'provider', now),
  outsider: (now?: string) => metaOf('someone-else', 'provider', now),
  system: (now?: string) => metaOf('scheduler', 'system', now),
  mediator: (now?: string) => metaOf('mediator-1', 'mediator', now),
  admin: (now?: string) => metaOf('admin-1', 'admin', now),
  finance: (now?: string) => metaOf('finance-1', 'finance', now),
};

export const place: MissionPlace = {
  address: '12 rue des Lilas',
  postalCode: '69003',
  city: 'Lyon',
  lat: 45.7597,
  lng: 4.8422,
};

/**
 * Two hours: provider 1 at 25,06 €/h = 50,12 €, provider 2 fixed 60,00 €, provider 3 at 20 €/h.
 * 12.5 % of 5 012 = 626.5, rounded half-even to 626.
 */
export const candidates: MissionCandidate[] = [
  {
    providerId: provider1,
    rank: 1,
    pricing: { kind: 'hourly', hourlyRateCents: 2_506 },
    priceCents: 5_012,
  },
  { providerId: provider2, rank: 2, pricing: { kind: 'fixed' }, priceCents: 6_000 },
  {
    providerId: provider3,
    rank: 3,
    pricing: { kind: 'hourly', hourlyRateCents: 2_000 },
    priceCents: 4_000,
  },
];
export const amounts = {
  reservedCents: 6_000,
  commissionRateBp: 1_250,
  priceCents: 5_012,
  commissionCents: 626,
  providerNetCents: 4_386,
  /** Three hours at 25,06 €/h. */
  proposedPriceCents: 7_518,
  /** 939.75 → 940. */
  proposedCommissionCents: 940,
} as const;

export const terms = {
  startsAt: times.startsAt,
  durationMinutes: 120,
  details: 'Deux chambres et la cuisine ; clés chez la gardienne.',
};
export const proposedTerms = {
  startsAt: times.proposedStart,
  durationMinutes: 180,
  details: 'Deux chambres, la cuisine et les vitres.',
};

// ---- events ---------------------------------------------------------------------------------

export const requested = (data: Partial<MissionRequested['data']> = {}): MissionRequested => ({
  type: 'MissionRequested',
  data: {
    missionId,
    escrowId,
    clientId,
    serviceTypeId: ids.serviceTypeId,
    serviceTypeLabel: 'Ménage',
    place,
    targeting: 'dispatch',
    ...terms,
    candidates,
    reservedCents: amounts.reservedCents,
    commissionRateBp: amounts.commissionRateBp,
    paymentPlan: 'authorise_now',
    authoriseAt: times.requestedAt,
    paymentMethodRef: ids.paymentMethodRef,
    respondBy: times.respondBy,
    autoValidateAt: times.autoValidateAt,
    requestedAt: times.requestedAt,
    ...data,
  },
});

export const authorised = (
  amountCents: number = amounts.reservedCents,
  paymentRef: string = ids.paymentRef,
): MissionPaymentAuthorised => ({
  type: 'MissionPaymentAuthorised',
  data: { missionId, escrowId, paymentRef, amountCents, authorisedAt: times.requestedAt },
});

export const refusedBy = (providerId: string = provider2): MissionRefusedByProvider => ({
  type: 'MissionRefusedByProvider',
  data: { missionId, providerId, reason: 'availability', refusedAt: times.now },
});

export const confirmed: MissionConfirmed = {
  type: 'MissionConfirmed',
  data: {
    missionId,
    clientId,
    providerId: provider1,
    priceCents: amounts.priceCents,
    commissionCents: amounts.commissionCents,
    providerNetCents: amounts.providerNetCents,
    releasedReservationCents: amounts.reservedCents - amounts.priceCents,
    confirmedAt: times.now,
  },
};

export const proposed: MissionChangeProposed = {
  type: 'MissionChangeProposed',
  data: {
    missionId,
    proposalId: ids.proposalId,
    proposedBy: clientId,
    proposed: proposedTerms,
    priceCents: amounts.proposedPriceCents,
    proposedAt: times.now,
  },
};

export const authorisationFailed = (
  attempt = 1,
  /** null: the last attempt. */
  nextAttemptAt: string | null = times.dayBeforeStart,
): MissionPaymentAuthorisationFailed => ({
  type: 'MissionPaymentAuthorisationFailed',
  data: {
    missionId,
    reason: 'card_declined',
    attempt,
    ...(nextAttemptAt === null ? {} : { nextAttemptAt }),
    failedAt: times.now,
  },
});

export const reported: MissionProblemReported = {
  type: 'MissionProblemReported',
  data: {
    missionId,
    disputeId: ids.disputeId,
    reportedBy: clientId,
    reporterRole: 'client',
    statement: "L'intervenant n'est pas venu.",
    statusAtReport: 'confirmed',
    reportedAt: times.afterStart,
  },
};

export const disputeClosed = (
  outcome: 'withdrawn' | 'decided' = 'decided',
  releasedToProviderCents = outcome === 'decided' ? 2_000 : 0,
  refundedToClientCents = outcome === 'decided' ? 3_012 : 0,
): MissionDisputeClosed => ({
  type: 'MissionDisputeClosed',
  data: {
    missionId,
    disputeId: ids.disputeId,
    outcome,
    releasedToProviderCents,
    refundedToClientCents,
    closedAt: times.afterAutoValidate,
  },
});

export const validated: MissionValidated = {
  type: 'MissionValidated',
  data: {
    missionId,
    clientId,
    providerId: provider1,
    validatedBy: 'client',
    priceCents: amounts.priceCents,
    commissionCents: amounts.commissionCents,
    providerNetCents: amounts.providerNetCents,
    validatedAt: times.afterStart,
  },
};

export const appreciated = (appreciation: -2 | -1 | 1 | 2 = 2): MissionAppreciated => ({
  type: 'MissionAppreciated',
  data: {
    missionId,
    clientId,
    providerId: provider1,
    appreciation,
    comment: 'Travail soigné.',
    appreciatedAt: times.afterAutoValidate,
  },
});

export const cancelledPending: MissionCancelled = {
  type: 'MissionCancelled',
  data: {
    missionId,
    cancelledBy: 'client',
    actorId: clientId,
    from: 'pending',
    late: false,
    feeCents: 0,
    refundCents: amounts.reservedCents,
    cancelledAt: times.now,
  },
};

export const expired: MissionExpired = {
  type: 'MissionExpired',
  data: { missionId, respondBy: times.respondBy, expiredAt: times.afterRespondBy },
};

export const ALL_STATUSES: MissionStatus[] = [
  'pending',
  'confirmed',
  'disputed',
  'validated',
  'resolved',
  'cancelled',
  'expired',
];

/** A history standing for each status (the card authorised at publication). */
export const history: Record<MissionStatus, MissionEvent[]> = {
  pending: [requested(), authorised()],
  confirmed: [requested(), authorised(), confirmed],
  disputed: [requested(), authorised(), confirmed, reported],
  validated: [requested(), authorised(), confirmed, validated],
  resolved: [requested(), authorised(), confirmed, reported, disputeClosed('decided')],
  cancelled: [requested(), authorised(), cancelledPending],
  expired: [requested(), authorised(), expired],
};

// ---- commands -------------------------------------------------------------------------------

export const command = {
  request: (
    meta: CommandMeta = as.client(times.requestedAt),
    data: Partial<RequestMission['data']> = {},
  ): RequestMission => ({
    type: 'RequestMission',
    meta,
    data: {
      missionId,
      escrowId,
      clientId,
      serviceTypeId: ids.serviceTypeId,
      serviceTypeLabel: 'Ménage',
      place,
      targeting: 'dispatch',
      ...terms,
      candidates,
      commissionRateBp: amounts.commissionRateBp,
      paymentPlan: 'authorise_now',
      authoriseAt: times.requestedAt,
      paymentMethodRef: ids.paymentMethodRef,
      respondBy: times.respondBy,
      autoValidateAt: times.autoValidateAt,
      ...data,
    },
  }),
  accept: (
    meta: CommandMeta = as.provider(),
    data: Partial<AcceptMission['data']> = {},
  ): AcceptMission => ({
    type: 'AcceptMission',
    meta,
    data: { missionId, providerId: meta.actorId, providerVerified: true, ...data },
  }),
  refuse: (
    meta: CommandMeta = as.provider2(),
    data: Partial<RefuseMission['data']> = {},
  ): RefuseMission => ({
    type: 'RefuseMission',
    meta,
    data: { missionId, providerId: meta.actorId, reason: 'skills', ...data },
  }),
  change: (
    meta: CommandMeta = as.client(),
    data: Partial<ChangeMissionRequest['data']> = {},
  ): ChangeMissionRequest => ({
    type: 'ChangeMissionRequest',
    meta,
    data: {
      missionId,
      ...terms,
      durationMinutes: 180,
      place,
      candidates: [
        { ...candidates[0], priceCents: 7_518 },
        { ...candidates[2], priceCents: 6_000 },
      ],
      paymentPlan: 'authorise_now',
      authoriseAt: times.now,
      respondBy: times.respondBy,
      autoValidateAt: times.autoValidateAt,
      ...data,
    },
  }),
  propose: (
    meta: CommandMeta = as.client(),
    data: Partial<ProposeMissionChange['data']> = {},
  ): ProposeMissionChange => ({
    type: 'ProposeMissionChange',
    meta,
    data: {
      missionId,
      proposalId: ids.proposalId,
      proposedBy: meta.actorId,
      proposed: proposedTerms,
      priceCents: amounts.proposedPriceCents,
      ...data,
    },
  }),
  acceptChange: (
    meta: CommandMeta = as.provider(),
    data: Partial<AcceptMissionChange['data']> = {},
  ): AcceptMissionChange => ({
    type: 'AcceptMissionChange',
    meta,
    data: {
      missionId,
      proposalId: ids.proposalId,
      authoriseAt: times.now,
      autoValidateAt: times.proposedAutoValidateAt,
      ...data,
    },
  }),
  refuseChange: (
    meta: CommandMeta = as.provider(),
    data: Partial<RefuseMissionChange['data']> = {},
  ): RefuseMissionChange => ({
    type: 'RefuseMissionChange',
    meta,
    data: { missionId, proposalId: ids.proposalId, ...data },
  }),
  withdrawChange: (
    meta: CommandMeta = as.client(),
    data: Partial<WithdrawMissionChange['data']> = {},
  ): WithdrawMissionChange => ({
    type: 'WithdrawMissionChange',
    meta,
    data: { missionId, proposalId: ids.proposalId, ...data },
  }),
  authorise: (
    meta: CommandMeta = as.system(),
    data: Partial<RecordMissionAuthorisation['data']> = {},
  ): RecordMissionAuthorisation => ({
    type: 'RecordMissionAuthorisation',
    meta,
    data: {
      missionId,
      escrowId,
      paymentRef: 'pi_auth_2',
      amountCents: amounts.reservedCents,
      ...data,
    },
  }),
  authorisationFailure: (
    meta: CommandMeta = as.system(),
    data: Partial<RecordMissionAuthorisationFailure['data']> = {},
  ): RecordMissionAuthorisationFailure => ({
    type: 'RecordMissionAuthorisationFailure',
    meta,
    data: {
      missionId,
      reason: 'card_declined',
      attempt: 1,
      nextAttemptAt: times.dayBeforeStart,
      ...data,
    },
  }),
  replacePaymentMethod: (
    meta: CommandMeta = as.client(),
    data: Partial<ReplaceMissionPaymentMethod['data']> = {},
  ): ReplaceMissionPaymentMethod => ({
    type: 'ReplaceMissionPaymentMethod',
    meta,
    data: { missionId, paymentMethodRef: 'pm_saved_2', ...data },
  }),
  post: (
    meta: CommandMeta = as.client(),
    data: Partial<PostMissionMessage['data']> = {},
  ): PostMissionMessage => ({
    type: 'PostMissionMessage',
    meta,
    data: {
      missionId,
      messageId: 'message-1',
      authorId: meta.actorId,
      text: 'Le code de la porte est 1234B.',
      fileRefs: [],
      ...data,
    },
  }),
  cancel: (
    meta: CommandMeta = as.client(),
    data: Partial<CancelMission['data']> = {},
  ): CancelMission => ({
    type: 'CancelMission',
    meta,
    data: {
      missionId,
      cancelledBy:
        meta.actorRole === 'system' ? 'system' : meta.actorId === clientId ? 'client' : 'provider',
      ...(meta.actorRole === 'system' ? {} : { actorId: meta.actorId }),
      lateWindowHours: 0,
      lateFeeBp: 0,
      ...data,
    },
  }),
  expire: (meta: CommandMeta = as.system(times.afterRespondBy)): ExpireMission => ({
    type: 'ExpireMission',
    meta,
    data: { missionId },
  }),
  validate: (
    meta: CommandMeta = as.client(times.afterStart),
    data: Partial<ValidateMission['data']> = {},
  ): ValidateMission => ({
    type: 'ValidateMission',
    meta,
    data: { missionId, validatedBy: meta.actorRole === 'system' ? 'system' : 'client', ...data },
  }),
  report: (
    meta: CommandMeta = as.client(times.afterStart),
    data: Partial<ReportMissionProblem['data']> = {},
  ): ReportMissionProblem => ({
    type: 'ReportMissionProblem',
    meta,
    data: {
      missionId,
      disputeId: 'dispute-2',
      reportedBy: meta.actorId,
      statement: "L'intervenant n'est pas venu.",
      ...data,
    },
  }),
  closeDispute: (
    meta: CommandMeta = as.system(times.afterAutoValidate),
    data: Partial<CloseMissionDispute['data']> = {},
  ): CloseMissionDispute => ({
    type: 'CloseMissionDispute',
    meta,
    data: {
      missionId,
      disputeId: ids.disputeId,
      outcome: 'decided',
      releasedToProviderCents: 2_000,
      refundedToClientCents: 3_012,
      ...data,
    },
  }),
  appreciate: (
    meta: CommandMeta = as.client(times.afterAutoValidate),
    data: Partial<AppreciateMission['data']> = {},
  ): AppreciateMission => ({
    type: 'AppreciateMission',
    meta,
    data: {
      missionId,
      clientId: meta.actorId,
      appreciation: 2,
      comment: 'Travail soigné.',
      ...data,
    },
  }),
  recommend: (
    meta: CommandMeta = as.client(times.afterAutoValidate),
    data: Partial<RecommendMission['data']> = {},
  ): RecommendMission => ({
    type: 'RecommendMission',
    meta,
    data: {
      missionId,
      clientId: meta.actorId,
      text: 'Je recommande : ponctuelle et efficace.',
      ...data,
    },
  }),
};
