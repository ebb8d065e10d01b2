/** Rates and delays the orders context takes from configuration (basis points: 1 000 = 10 %). */
export interface OrderSettings {
  catalogCommissionBp: number;
  customCommissionBp: number;
  /** How long an invited seller has to answer a custom request. */
  invitationTtlDays: number;
}

export const ORDER_SETTINGS = Symbol('ORDER_SETTINGS');
