import { percentOf } from '../shared';
import {
  AcceptMissionChange,
  ProposeMissionChange,
  RefuseMissionChange,
  WithdrawMissionChange,
} from './mission.commands';
import { MissionErrorCode as Code, refused, ruleBroken } from './mission.errors';
import { MissionEvent, MissionTerms } from './mission.events';
import {
  MISSION_COMMENT_MAX_LENGTH,
  actingAs,
  checkedDeadlines,
  checkedTerms,
  ensureConfirmed,
  existing,
  optionalText,
  priceCents,
  requireClient,
  requireProvider,
  requiredId,
} from './mission.guards';
import { ConfirmedMission, MissionChangeProposal, MissionState } from './mission.state';

const sameTerms = (a: MissionTerms, b: MissionTerms): boolean =>
  Date.parse(a.startsAt) === Date.parse(b.startsAt) &&
  a.durationMinutes === b.durationMinutes &&
  a.details === b.details;

/** The open proposal the command names. */
function openProposal(mission: ConfirmedMission, proposalId: string): MissionChangeProposal {
  const { proposal } = mission;
  if (proposal === null) throw refused(Code.NO_CHANGE_PROPOSED, mission);
  if (proposal.proposalId !== proposalId)
    throw refused(Code.PROPOSAL_MISMATCH, mission, { proposalId: proposal.proposalId });
  return proposal;
}

/**
 * Once confirmed, a change of date, duration or details is a proposal: only the client proposes
 * (seed 000: "the provider accepts or refuses"; a provider who cannot keep the appointment
 * cancels it), one proposal at a time, and nothing changes until the provider accepts.
 */
export function proposeChange(
  { data, meta }: ProposeMissionChange,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  actingAs(meta, data.proposedBy, 'proposedBy');
  requireClient(mission, meta);
  ensureConfirmed(mission);
  if (mission.proposal !== null)
    throw refused(Code.CHANGE_PENDING, mission, { proposalId: mission.proposal.proposalId });
  const proposalId = requiredId(data.proposalId, 'proposalId');
  const proposed = checkedTerms(data.proposed, meta.now, 'proposed');
  if (sameTerms(proposed, mission.terms))
    throw ruleBroken(Code.NOTHING_CHANGED, 'The proposal changes nothing', {
      currentStatus: mission.status,
    });
  return [
    {
      type: 'MissionChangeProposed',
      data: {
        missionId: mission.missionId,
        proposalId,
        proposedBy: meta.actorId,
        proposed,
        priceCents: priceCents(data.priceCents, 'priceCents'),
        proposedAt: meta.now,
      },
    },
  ];
}

/** The provider accepts: the proposed terms and price replace the confirmed ones (commission recomputed). */
export function acceptChange(
  { data, meta }: AcceptMissionChange,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  requireProvider(mission, meta);
  ensureConfirmed(mission);
  const proposal = openProposal(mission, data.proposalId);
  const terms = checkedTerms(proposal.proposed, meta.now, 'proposed');
  checkedDeadlines(terms, meta.now, data);
  const price = proposal.priceCents;
  const commissionCents = percentOf(price, mission.commissionRateBp);
  return [
    {
      type: 'MissionChangeAccepted',
      data: {
        missionId: mission.missionId,
        clientId: mission.clientId,
        proposalId: proposal.proposalId,
        ...terms,
        priceCents: price,
        commissionCents,
        providerNetCents: price - commissionCents,
        previousPriceCents: mission.provider.priceCents,
        authoriseAt: data.authoriseAt,
        autoValidateAt: data.autoValidateAt,
        acceptedAt: meta.now,
      },
    },
  ];
}

export function refuseChange(
  { data, meta }: RefuseMissionChange,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  requireProvider(mission, meta);
  ensureConfirmed(mission);
  const proposal = openProposal(mission, data.proposalId);
  const comment = optionalText(data.comment, 'comment', MISSION_COMMENT_MAX_LENGTH);
  return [
    {
      type: 'MissionChangeRefused',
      data: {
        missionId: mission.missionId,
        proposalId: proposal.proposalId,
        ...(comment === undefined ? {} : { comment }),
        refusedAt: meta.now,
      },
    },
  ];
}

/** The proposer takes the proposal back before the provider answers. */
export function withdrawChange(
  { data, meta }: WithdrawMissionChange,
  state: MissionState,
): MissionEvent[] {
  const mission = existing(state, data.missionId);
  requireClient(mission, meta);
  ensureConfirmed(mission);
  // The client is the only proposer, so the client's check is the proposer's.
  const proposal = openProposal(mission, data.proposalId);
  return [
    {
      type: 'MissionChangeWithdrawn',
      data: {
        missionId: mission.missionId,
        proposalId: proposal.proposalId,
        withdrawnAt: meta.now,
      },
    },
  ];
}
