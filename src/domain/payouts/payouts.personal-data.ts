import { WITHDRAWAL_ACCOUNT_PERSONAL_FIELDS } from './withdrawal-account';

/** Where a payouts event keeps personal data outside `data.personal`, and whose data it is. */
export interface PersonalFieldsDeclaration {
  /** The `data` field naming the person whose key encrypts the fields. */
  readonly owner: string;
  /** Dotted paths inside `data`. */
  readonly paths: readonly string[];
}

const ACCOUNT_PATHS = WITHDRAWAL_ACCOUNT_PERSONAL_FIELDS.map((field) => `account.${field}`);
const OF_PROVIDER: PersonalFieldsDeclaration = { owner: 'providerId', paths: ACCOUNT_PATHS };

/**
 * Bank details are the provider's personal data: every event that snapshots a withdrawal
 * account has them encrypted with the provider's key, so erasing the provider shreds them.
 */
export const PAYOUTS_PERSONAL_FIELDS = {
  WithdrawalAccountRegistered: OF_PROVIDER,
  WalletDebitedForPayout: OF_PROVIDER,
  PayoutRequested: OF_PROVIDER,
} as const satisfies Record<string, PersonalFieldsDeclaration>;
