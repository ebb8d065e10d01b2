import type { CreditAllowance, CreditKind, CreditSubject } from '../../domain/plans';

export interface CreditSpendResult {
  spendId: string;
  /** False when this account already spent this kind on this subject: nothing was spent again. */
  spentNow: boolean;
  balance: CreditAllowance;
}

/**
 * What other contexts (tenders) ask of the credit ledger. `spend` is exactly-once per account, kind
 * and subject, and safe under concurrency: of parallel spends of the last credit one wins, the
 * others get `INSUFFICIENT_CREDITS` (an `IllegalStateError`, 409); a frozen balance gives `CREDITS_FROZEN` (409).
 */
export interface CreditSpending {
  spend(request: {
    accountId: string;
    kind: CreditKind;
    subject: CreditSubject;
    causationId?: string;
    correlationId?: string;
  }): Promise<CreditSpendResult>;
  /** Whether the account already spent `kind` on the subject (and not refunded). */
  hasSpent(accountId: string, kind: CreditKind, subject: CreditSubject): Promise<boolean>;
  balance(accountId: string): Promise<CreditAllowance>;
}

export const CREDIT_SPENDING = Symbol('CREDIT_SPENDING');
