import { assertNever } from '../shared';
import type {
  CancelSolidarityMission,
  ConfirmSolidarityAttendance,
  ProposeSolidarityMission,
  SignUpVolunteer,
  SolidarityMissionCommand,
  WithdrawVolunteer,
} from './solidarity-mission.commands';
import {
  SolidarityMissionErrorCode as C,
  solidarityMissionIllegalState,
  solidarityMissionRefused,
} from './solidarity-mission.errors';
import type { SolidarityMissionEvent } from './solidarity-mission.events';
import {
  byItsAssociation,
  byVolunteer,
  checkedAttendance,
  checkedProposal,
  checkedReason,
  existing,
  hasStarted,
  live,
  notStarted,
} from './solidarity-mission.guards';
import { placesLeft, type SolidarityMissionState } from './solidarity-mission.state';

function propose(
  { data, meta }: ProposeSolidarityMission,
  state: SolidarityMissionState,
): SolidarityMissionEvent[] {
  if (state.status !== 'none')
    throw solidarityMissionIllegalState(C.EXISTS, state.status, { missionId: data.missionId });
  const proposal = checkedProposal(data, meta);
  return [
    {
      type: 'SolidarityMissionProposed',
      data: { ...proposal, associationId: meta.actorId, proposedAt: meta.now },
    },
  ];
}

function cancel(
  { data, meta }: CancelSolidarityMission,
  state: SolidarityMissionState,
): SolidarityMissionEvent[] {
  const mission = existing(state, data.missionId);
  byItsAssociation(mission, meta);
  live(mission);
  notStarted(mission, meta.now);
  const reason = checkedReason(data.reason);
  return [
    {
      type: 'SolidarityMissionCancelled',
      data: {
        missionId: mission.missionId,
        associationId: mission.associationId,
        reason,
        volunteerIds: [...mission.volunteers],
        cancelledBy: meta.actorId,
        cancelledAt: meta.now,
      },
    },
  ];
}

function signUp(
  { data, meta }: SignUpVolunteer,
  state: SolidarityMissionState,
): SolidarityMissionEvent[] {
  const mission = existing(state, data.missionId);
  byVolunteer(meta);
  live(mission);
  notStarted(mission, meta.now);
  const volunteerId = meta.actorId;
  if (volunteerId === mission.associationId)
    throw solidarityMissionRefused(
      C.OWN_MISSION,
      'An association does not sign up for its own mission',
    );
  if (mission.volunteers.includes(volunteerId))
    throw solidarityMissionIllegalState(C.ALREADY_SIGNED_UP, mission.status, {
      missionId: mission.missionId,
    });
  const left = placesLeft(mission);
  if (left === 0)
    throw solidarityMissionIllegalState(C.FULL, mission.status, {
      missionId: mission.missionId,
      volunteersNeeded: mission.volunteersNeeded,
    });
  const events: SolidarityMissionEvent[] = [
    {
      type: 'VolunteerSignedUp',
      data: {
        missionId: mission.missionId,
        volunteerId,
        signedUpAt: meta.now,
        placesLeft: left - 1,
      },
    },
  ];
  if (left === 1)
    events.push({
      type: 'SolidarityMissionFilled',
      data: {
        missionId: mission.missionId,
        volunteersNeeded: mission.volunteersNeeded,
        filledAt: meta.now,
      },
    });
  return events;
}

function withdraw(
  { data, meta }: WithdrawVolunteer,
  state: SolidarityMissionState,
): SolidarityMissionEvent[] {
  const mission = existing(state, data.missionId);
  byVolunteer(meta);
  live(mission);
  notStarted(mission, meta.now);
  const volunteerId = meta.actorId;
  if (!mission.volunteers.includes(volunteerId))
    throw solidarityMissionIllegalState(C.NOT_SIGNED_UP, mission.status, {
      missionId: mission.missionId,
    });
  return [
    {
      type: 'VolunteerWithdrew',
      data: {
        missionId: mission.missionId,
        volunteerId,
        withdrewAt: meta.now,
        placesLeft: placesLeft(mission) + 1,
      },
    },
  ];
}

function confirmAttendance(
  { data, meta }: ConfirmSolidarityAttendance,
  state: SolidarityMissionState,
): SolidarityMissionEvent[] {
  const mission = existing(state, data.missionId);
  byItsAssociation(mission, meta);
  live(mission);
  hasStarted(mission, meta.now);
  const attended = checkedAttendance(mission, data.attended);
  return [
    {
      type: 'SolidarityAttendanceConfirmed',
      data: {
        missionId: mission.missionId,
        associationId: mission.associationId,
        attended,
        absent: mission.volunteers.filter((id) => !attended.includes(id)),
        confirmedBy: meta.actorId,
        confirmedAt: meta.now,
      },
    },
  ];
}

export function decide(
  command: SolidarityMissionCommand,
  state: SolidarityMissionState,
): SolidarityMissionEvent[] {
  switch (command.type) {
    case 'ProposeSolidarityMission':
      return propose(command, state);
    case 'CancelSolidarityMission':
      return cancel(command, state);
    case 'SignUpVolunteer':
      return signUp(command, state);
    case 'WithdrawVolunteer':
      return withdraw(command, state);
    case 'ConfirmSolidarityAttendance':
      return confirmAttendance(command, state);
    default:
      return assertNever(command);
  }
}
