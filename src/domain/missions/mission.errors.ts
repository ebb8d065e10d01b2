import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';
import { MissionState } from './mission.state';

/**
 * Every code the mission decider throws. Families: `not_found` 404 (an unknown mission, and a
 * non-party, who must not learn the mission exists), `forbidden` 403 (a party without the right),
 * `conflict` 409 (not in this status; `details.currentStatus` names it), `unprocessable` 422 (a
 * business rule refuses the values), `validation` 400 (malformed input).
 */
export const MissionErrorCode = {
  // 404
  NOT_FOUND: 'MISSION_NOT_FOUND',
  NOT_PARTY: 'MISSION_NOT_PARTY',
  // 403
  NOT_A_CANDIDATE: 'MISSION_NOT_A_CANDIDATE',
  PROVIDER_NOT_VERIFIED: 'PROVIDER_NOT_VERIFIED',
  ONLY_CLIENT: 'MISSION_ONLY_CLIENT',
  ONLY_PROVIDER: 'MISSION_ONLY_PROVIDER',
  ONLY_SYSTEM: 'MISSION_ONLY_SYSTEM',
  ONLY_DISPUTE_HANDLER: 'MISSION_ONLY_DISPUTE_HANDLER',
  ACTOR_MISMATCH: 'MISSION_ACTOR_MISMATCH',
  // 409
  ALREADY_EXISTS: 'MISSION_ALREADY_EXISTS',
  ALREADY_CONFIRMED: 'MISSION_ALREADY_CONFIRMED',
  ALREADY_REFUSED: 'MISSION_ALREADY_REFUSED',
  NOT_PENDING: 'MISSION_NOT_PENDING',
  NOT_CONFIRMED: 'MISSION_NOT_CONFIRMED',
  TERMINAL: 'MISSION_TERMINAL',
  DISPUTED: 'MISSION_DISPUTED',
  NOT_DISPUTED: 'MISSION_NOT_DISPUTED',
  DISPUTE_MISMATCH: 'MISSION_DISPUTE_MISMATCH',
  ALREADY_VALIDATED: 'MISSION_ALREADY_VALIDATED',
  NOT_VALIDATED: 'MISSION_NOT_VALIDATED',
  ALREADY_STARTED: 'MISSION_ALREADY_STARTED',
  NOT_STARTED: 'MISSION_NOT_STARTED',
  AUTO_VALIDATION_NOT_DUE: 'MISSION_AUTO_VALIDATION_NOT_DUE',
  RESPONSE_WINDOW_OPEN: 'MISSION_RESPONSE_WINDOW_OPEN',
  RESPONSE_WINDOW_CLOSED: 'MISSION_RESPONSE_WINDOW_CLOSED',
  CHANGE_PENDING: 'MISSION_CHANGE_PENDING',
  NO_CHANGE_PROPOSED: 'MISSION_NO_CHANGE_PROPOSED',
  PROPOSAL_MISMATCH: 'MISSION_PROPOSAL_MISMATCH',
  NOT_AUTHORISED: 'MISSION_NOT_AUTHORISED',
  PAYMENT_NOT_FAILED: 'MISSION_PAYMENT_NOT_FAILED',
  ALREADY_APPRECIATED: 'MISSION_ALREADY_APPRECIATED',
  ALREADY_RECOMMENDED: 'MISSION_ALREADY_RECOMMENDED',
  // 422
  NO_CANDIDATES: 'MISSION_NO_CANDIDATES',
  CLIENT_IS_CANDIDATE: 'MISSION_CLIENT_IS_CANDIDATE',
  START_IN_PAST: 'MISSION_START_IN_PAST',
  NOTHING_CHANGED: 'MISSION_NOTHING_CHANGED',
  ESCROW_MISMATCH: 'MISSION_ESCROW_MISMATCH',
  AUTHORISATION_INSUFFICIENT: 'MISSION_AUTHORISATION_INSUFFICIENT',
  RESOLUTION_EXCEEDS_HELD: 'MISSION_RESOLUTION_EXCEEDS_HELD',
  RECOMMENDATION_REQUIRES_SATISFACTION: 'RECOMMENDATION_REQUIRES_SATISFACTION',
  // 400
  MISSING_ID: 'MISSION_MISSING_ID',
  INVALID_TARGETING: 'MISSION_INVALID_TARGETING',
  DIRECT_NEEDS_ONE_CANDIDATE: 'MISSION_DIRECT_NEEDS_ONE_CANDIDATE',
  INVALID_CANDIDATE: 'MISSION_INVALID_CANDIDATE',
  DUPLICATE_CANDIDATE: 'MISSION_DUPLICATE_CANDIDATE',
  INVALID_PLACE: 'MISSION_INVALID_PLACE',
  INVALID_DURATION: 'MISSION_INVALID_DURATION',
  INVALID_INSTANT: 'MISSION_INVALID_INSTANT',
  INVALID_DEADLINE: 'MISSION_INVALID_DEADLINE',
  DETAILS_TOO_LONG: 'MISSION_DETAILS_TOO_LONG',
  INVALID_PRICE: 'MISSION_INVALID_PRICE',
  INVALID_AMOUNT: 'MISSION_INVALID_AMOUNT',
  INVALID_COMMISSION_RATE: 'MISSION_INVALID_COMMISSION_RATE',
  INVALID_PAYMENT_PLAN: 'MISSION_INVALID_PAYMENT_PLAN',
  INVALID_REFUSAL_REASON: 'MISSION_INVALID_REFUSAL_REASON',
  INVALID_CANCELLER: 'MISSION_INVALID_CANCELLER',
  INVALID_VALIDATOR: 'MISSION_INVALID_VALIDATOR',
  INVALID_LATE_RULE: 'MISSION_INVALID_LATE_RULE',
  INVALID_ATTEMPT: 'MISSION_INVALID_ATTEMPT',
  INVALID_OUTCOME: 'MISSION_INVALID_OUTCOME',
  INVALID_FILE_REF: 'MISSION_INVALID_FILE_REF',
  TEXT_REQUIRED: 'MISSION_TEXT_REQUIRED',
  TEXT_TOO_LONG: 'MISSION_TEXT_TOO_LONG',
  MESSAGE_EMPTY: 'MISSION_MESSAGE_EMPTY',
  MESSAGE_TOO_LONG: 'MISSION_MESSAGE_TOO_LONG',
  APPRECIATION_OUT_OF_SCALE: 'APPRECIATION_OUT_OF_SCALE',
} as const;
export type MissionErrorCode = (typeof MissionErrorCode)[keyof typeof MissionErrorCode];

export const missionNotFound = (missionId: string) =>
  new NotFoundError(MissionErrorCode.NOT_FOUND, 'Mission not found', { missionId });

/** Someone outside the mission is answered as if it did not exist. */
export const notParty = (missionId: string) =>
  new NotFoundError(MissionErrorCode.NOT_PARTY, 'Mission not found', { missionId });

/** A refused transition always names the current status so the API can show it. */
export const refused = (
  code: MissionErrorCode,
  state: Pick<MissionState, 'status'>,
  extra: Record<string, unknown> = {},
): IllegalStateError =>
  new IllegalStateError(code, `Not allowed while the mission is ${state.status}`, {
    currentStatus: state.status,
    ...extra,
  });

export const forbidden = (
  code: MissionErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) => new ForbiddenError(code, message, details);

export const invalid = (
  code: MissionErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid mission field: ${field}`, { field, ...extra });

export const ruleBroken = (
  code: MissionErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) => new BusinessRuleError(code, message, details);
