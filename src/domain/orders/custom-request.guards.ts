import { CommandMeta } from '../shared';
import {
  CustomRequestErrorCode as Code,
  customRequestForbidden,
  customRequestInvalid,
  customRequestNotFound,
  customRequestRefused,
} from './custom-request.errors';
import { CustomRequestState, Invitation, OpenCustomRequest } from './custom-request.state';

/** Custom orders carry the 20 % rate unless the application passes the configured one. */
export const CUSTOM_ORDER_COMMISSION_BP = 2_000;
export const CUSTOM_REQUEST_RULES = {
  titleMaxLength: 80,
  descriptionMaxLength: 5_000,
  categoryMaxLength: 100,
  maxDeliveryDays: 730,
  maxPriceCents: 100_000_000,
} as const;

export const DAY_MS = 86_400_000;

export const reached = (now: string, instant: string): boolean =>
  Date.parse(now) >= Date.parse(instant);

export function open(state: CustomRequestState, customRequestId: string): OpenCustomRequest {
  if (state.status === 'none') throw customRequestNotFound(customRequestId);
  if (state.status !== 'open') throw customRequestRefused(Code.CLOSED, state);
  return state;
}

export function text(value: unknown, field: string, required: Code, maxLength: number): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0) throw customRequestInvalid(required, field);
  if (trimmed.length > maxLength)
    throw customRequestInvalid(Code.TEXT_TOO_LONG, field, { maxLength });
  return trimmed;
}

export function price(value: unknown, field: string): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value <= 0 ||
    value > CUSTOM_REQUEST_RULES.maxPriceCents
  ) {
    throw customRequestInvalid(Code.INVALID_PRICE, field, { value });
  }
  return value;
}

export function days(value: unknown, field: string, code: Code): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < 1 ||
    value > CUSTOM_REQUEST_RULES.maxDeliveryDays
  ) {
    throw customRequestInvalid(code, field, { value });
  }
  return value;
}

export function id(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0)
    throw customRequestInvalid(Code.MISSING_ID, field);
  return value;
}

export const lapsed = (invitation: Invitation, now: string): boolean =>
  invitation.status === 'expired' ||
  (invitation.status === 'pending' && reached(now, invitation.expiresAt));

/**
 * Only an invited seller answers, before an unanswered invitation lapses; a seller may revise a
 * standing offer.
 */
export function answerable(request: OpenCustomRequest, meta: CommandMeta): void {
  const invitation = request.invitations[meta.actorId];
  if (!invitation)
    throw customRequestForbidden(
      Code.NOT_INVITED,
      'Only an invited seller may answer this request',
    );
  if (lapsed(invitation, meta.now)) {
    throw customRequestRefused(Code.INVITATION_EXPIRED, request, {
      expiresAt: invitation.expiresAt,
    });
  }
}

/** Checked before the status so that nobody else learns how the request stands. */
export function buyerOnly(state: CustomRequestState, meta: CommandMeta): void {
  if (state.status !== 'none' && meta.actorId !== state.request.buyerId) {
    throw customRequestForbidden(Code.ONLY_BUYER, 'Only the buyer may do this');
  }
}
