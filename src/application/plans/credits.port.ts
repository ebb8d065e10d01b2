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
  /**
   * Gives a spend back (`CreditRefunded`, by the system) when what it paid for could not be done:
   * a tender offer refused because the project stopped taking offers between the spend and the offer.
   */
  giveBack(request: {
    accountId: string;
    spendId: string;
    reason: 'project_no_longer_current';
    causationId?: string;
    correlationId?: string;
  }): Promise<CreditAllowance>;
  /** Whether the account already spent `kind` on the subject (and not refunded). */
  hasSpent(accountId: string, kind: CreditKind, subject: CreditSubject): Promise<boolean>;
  balance(accountId: string): Promise<CreditAllowance>;
}

export const CREDIT_SPENDING = Symbol('CREDIT_SPENDING');
