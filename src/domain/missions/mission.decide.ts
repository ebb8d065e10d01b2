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

/**
 * The mission's decisions, one function per command (the rules sit beside each function). What
 * this aggregate decided where the seeds leave a choice:
 *
 * - Who is who: a non-party (anyone but the client, the confirmed provider and, while nobody is
 *   confirmed, a candidate who has not refused) gets 404 `MISSION_NOT_PARTY`, as for an unknown id.
 * - Duration 30 min .. 12 h; details up to 2 000 characters; the start strictly in the future.
 * - Acceptance: the first verified candidate to accept before `respondBy` wins; later ones get 409
 *   `MISSION_ALREADY_CONFIRMED`; the winner's repeat records nothing. When every candidate refused,
 *   the request stays pending until `respondBy` (the client may still change and resend it), then
 *   the expiry job closes it.
 * - Changes once confirmed: only the client proposes (a provider who cannot come cancels); only the
 *   confirmed provider answers; one open proposal at a time; an accepted change that raises the
 *   price needs a new authorisation before validation (`MISSION_NOT_AUTHORISED` until then).
 * - Money records: `RecordMissionAuthorisation` with the same `paymentRef` and a failure with an
 *   attempt already recorded are retries and record nothing. An authorisation must cover the
 *   reservation (pending) or the price (confirmed); one arriving on a cancelled or expired mission
 *   is refused (`MISSION_TERMINAL`) so that the money process voids it.
 * - Messages: in every status but cancelled and expired (validated and resolved included).
 * - Cancellation: before the start only (the system's after a last failed authorisation excepted);
 *   the fee is capped at what is authorised, and everything else authorised is refunded.
 * - Appreciation and recommendation: on validated missions and on missions whose dispute was
 *   decided (`resolved`).
 */
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
