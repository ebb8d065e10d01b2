/**
 * The card a payer saved on the platform, charged off-session for a project's fees: the one of
 * their latest subscription, else the one they last paid a project's fees with.
 */
export interface SavedPaymentMethods {
  find(accountId: string): Promise<string | null>;
}

export const SAVED_PAYMENT_METHODS = Symbol('SAVED_PAYMENT_METHODS');
