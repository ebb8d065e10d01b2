import { assertNever } from '../shared';
import { appreciateMission, recommendMission, validateMission } from './mission.after';
import { cancelMission } from './mission.cancellation';
import { acceptChange, proposeChange, refuseChange, withdrawChange } from './mission.changes';
import { MissionCommand } from './mission.commands';
import { postMessage } from './mission.conversation';
import { closeDispute, reportProblem } from './mission.dispute';
import { MissionEvent } from './mission.events';
import {
  recordAuthorisation,
  recordAuthorisationFailure,
  replacePaymentMethod,
} from './mission.payment';
import {
  acceptMission,
  changeMissionRequest,
  expireMission,
  refuseMission,
  requestMission,
} from './mission.request';
import { MissionState } from './mission.state';

export function decide(command: MissionCommand, state: MissionState): MissionEvent[] {
  switch (command.type) {
    case 'RequestMission':
      return requestMission(command, state);
    case 'AcceptMission':
      return acceptMission(command, state);
    case 'RefuseMission':
      return refuseMission(command, state);
    case 'ChangeMissionRequest':
      return changeMissionRequest(command, state);
    case 'ProposeMissionChange':
      return proposeChange(command, state);
    case 'AcceptMissionChange':
      return acceptChange(command, state);
    case 'RefuseMissionChange':
      return refuseChange(command, state);
    case 'WithdrawMissionChange':
      return withdrawChange(command, state);
    case 'RecordMissionAuthorisation':
      return recordAuthorisation(command, state);
    case 'RecordMissionAuthorisationFailure':
      return recordAuthorisationFailure(command, state);
    case 'ReplaceMissionPaymentMethod':
      return replacePaymentMethod(command, state);
    case 'PostMissionMessage':
      return postMessage(command, state);
    case 'CancelMission':
      return cancelMission(command, state);
    case 'ExpireMission':
      return expireMission(command, state);
    case 'ValidateMission':
      return validateMission(command, state);
    case 'ReportMissionProblem':
      return reportProblem(command, state);
    case 'CloseMissionDispute':
      return closeDispute(command, state);
    case 'AppreciateMission':
      return appreciateMission(command, state);
    case 'RecommendMission':
      return recommendMission(command, state);
    default:
      return assertNever(command);
  }
}
