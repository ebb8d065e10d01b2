import { ForbiddenError, ValidationError } from '../shared';

/** Every code the gateway log's decider can throw. */
export const GATEWAY_LOG_ERROR_CODES = [
  'GATEWAY_NOTIFICATION_INVALID',
  'GATEWAY_NOTIFICATION_SYSTEM_ONLY',
] as const;
export type GatewayLogErrorCode = (typeof GATEWAY_LOG_ERROR_CODES)[number];

export const notificationInvalid = (field: string, value: unknown) =>
  new ValidationError('GATEWAY_NOTIFICATION_INVALID', `${field} must be a non-empty string`, {
    field,
    value,
  });

export const systemOnly = () =>
  new ForbiddenError(
    'GATEWAY_NOTIFICATION_SYSTEM_ONLY',
    'Only the platform records what the payment gateway notified',
  );
