import { IllegalStateError, NotFoundError } from '../shared';

export const SolidarityMonthErrorCode = {
  NOT_CLOSED: 'SOLIDARITY_MONTH_NOT_CLOSED',
  SHARE_NOT_FOUND: 'SOLIDARITY_SHARE_NOT_FOUND',
  SHARE_NOT_CREDITED: 'SOLIDARITY_SHARE_NOT_CREDITED',
  PREVIOUS_MONTH_OPEN: 'SOLIDARITY_PREVIOUS_MONTH_OPEN',
  REPORT_NOT_FOUND: 'SOLIDARITY_REPORT_NOT_FOUND',
} as const;

export const monthNotClosed = (month: string) =>
  new IllegalStateError(SolidarityMonthErrorCode.NOT_CLOSED, 'The month is not closed', { month });

export const shareNotFound = (month: string, associationId: string) =>
  new NotFoundError(SolidarityMonthErrorCode.SHARE_NOT_FOUND, 'No share of this month', {
    month,
    associationId,
  });

export const shareNotCredited = (month: string, associationId: string) =>
  new IllegalStateError(
    SolidarityMonthErrorCode.SHARE_NOT_CREDITED,
    'The share must be credited to the wallet before its payout',
    { month, associationId },
  );

export const previousMonthOpen = (month: string, previous: string) =>
  new IllegalStateError(
    SolidarityMonthErrorCode.PREVIOUS_MONTH_OPEN,
    'Close the previous month first: its carry-over would be lost',
    { month, previous },
  );
