import {
  BusinessRuleError,
  ForbiddenError,
  IllegalStateError,
  NotFoundError,
  ValidationError,
} from '../shared';
import { CustomRequestState } from './custom-request.state';

/** Every code the custom-request decider can throw. */
export const CustomRequestErrorCode = {
  NOT_FOUND: 'CUSTOM_REQUEST_NOT_FOUND',
  INVITATION_NOT_FOUND: 'CUSTOM_REQUEST_INVITATION_NOT_FOUND',
  ONLY_BUYER: 'ONLY_BUYER',
  ONLY_ADMIN: 'ONLY_ADMIN',
  ONLY_SYSTEM: 'ONLY_SYSTEM',
  NOT_INVITED: 'NOT_INVITED',
  CANNOT_INVITE_BUYER: 'CUSTOM_REQUEST_CANNOT_INVITE_BUYER',
  DEADLINE_PASSED: 'CUSTOM_REQUEST_DEADLINE_PASSED',
  ALREADY_EXISTS: 'CUSTOM_REQUEST_ALREADY_EXISTS',
  CLOSED: 'CUSTOM_REQUEST_CLOSED',
  INVITATION_EXPIRED: 'CUSTOM_REQUEST_INVITATION_EXPIRED',
  INVITATION_NOT_EXPIRED: 'CUSTOM_REQUEST_INVITATION_NOT_EXPIRED',
  NO_OFFER_FROM_SELLER: 'CUSTOM_REQUEST_NO_OFFER_FROM_SELLER',
  TITLE_REQUIRED: 'CUSTOM_REQUEST_TITLE_REQUIRED',
  DESCRIPTION_REQUIRED: 'CUSTOM_REQUEST_DESCRIPTION_REQUIRED',
  CATEGORY_REQUIRED: 'CUSTOM_REQUEST_CATEGORY_REQUIRED',
  TEXT_TOO_LONG: 'CUSTOM_REQUEST_TEXT_TOO_LONG',
  INVALID_PRICE: 'CUSTOM_REQUEST_INVALID_PRICE',
  INVALID_DEADLINE: 'CUSTOM_REQUEST_INVALID_DEADLINE',
  INVALID_DELIVERY_DAYS: 'CUSTOM_REQUEST_INVALID_DELIVERY_DAYS',
  NO_SELLERS: 'CUSTOM_REQUEST_NO_SELLERS',
  INVALID_INVITATION_TTL: 'CUSTOM_REQUEST_INVALID_INVITATION_TTL',
  INVALID_COMMISSION_RATE: 'CUSTOM_REQUEST_INVALID_COMMISSION_RATE',
  MISSING_ID: 'CUSTOM_REQUEST_MISSING_ID',
} as const;
export type CustomRequestErrorCode =
  (typeof CustomRequestErrorCode)[keyof typeof CustomRequestErrorCode];

export const customRequestNotFound = (customRequestId: string) =>
  new NotFoundError(CustomRequestErrorCode.NOT_FOUND, 'Custom request not found', {
    customRequestId,
  });

export const customRequestRefused = (
  code: CustomRequestErrorCode,
  state: CustomRequestState,
  extra: Record<string, unknown> = {},
) =>
  new IllegalStateError(code, `Not allowed while the custom request is ${state.status}`, {
    currentStatus: state.status,
    ...extra,
  });

export const customRequestForbidden = (code: CustomRequestErrorCode, message: string) =>
  new ForbiddenError(code, message);

export const customRequestInvalid = (
  code: CustomRequestErrorCode,
  field: string,
  extra: Record<string, unknown> = {},
) => new ValidationError(code, `Invalid custom request field: ${field}`, { field, ...extra });

export const customRequestRuleBroken = (
  code: CustomRequestErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) => new BusinessRuleError(code, message, details);
