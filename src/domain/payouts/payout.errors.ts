import { IllegalStateError, NotFoundError } from '../shared';
import { PayoutStatus } from './payout.state';

/** Every code the payout decider can throw (some are shared with the wallet). */
export const PAYOUT_ERROR_CODES = [
  'NOT_WALLET_OWNER',
  'ONLY_SYSTEM_OR_FINANCE',
  'PAYOUT_INVALID_AMOUNT',
  'PAYOUT_INVALID_FIELD',
  'INVALID_IBAN',
  'INVALID_PAYPAL_EMAIL',
  'WALLET_INVALID_FIELD',
  'PAYOUT_NOT_FOUND',
  'PAYOUT_ALREADY_REQUESTED',
  'PAYOUT_GATEWAY_ID_MISMATCH',
  'PAYOUT_ALREADY_SETTLED',
] as const;
export type PayoutErrorCode = (typeof PAYOUT_ERROR_CODES)[number];

export {
  invalidAmount,
  invalidField,
  notWalletOwner,
  onlySystemOrFinance,
  payoutAlreadySettled,
} from './wallet.errors';

export const payoutNotFound = () =>
  new NotFoundError('PAYOUT_NOT_FOUND', 'No payout has been requested under this id');

export const alreadyRequested = (currentStatus: PayoutStatus) =>
  new IllegalStateError('PAYOUT_ALREADY_REQUESTED', 'A different payout already uses this id', {
    currentStatus,
  });

/** A second gateway id for one payout would mean paying twice. */
export const gatewayIdMismatch = (
  currentStatus: PayoutStatus,
  recorded: string | undefined,
  received: string,
) =>
  new IllegalStateError(
    'PAYOUT_GATEWAY_ID_MISMATCH',
    'The gateway reports another payout for this request',
    {
      currentStatus,
      recordedGatewayPayoutId: recorded,
      gatewayPayoutId: received,
    },
  );
