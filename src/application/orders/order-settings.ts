/** Rates and delays the orders context takes from configuration (basis points: 1 000 = 10 %). */
export interface OrderSettings {
  catalogCommissionBp: number;
  customCommissionBp: number;
  /** How long an invited seller has to answer a custom request. */
  invitationTtlDays: number;
  /** How long an order paid by bank transfer or PayPal waits for its funds. */
  fundsWindowHours: number;
}

export const ORDER_SETTINGS = Symbol('ORDER_SETTINGS');
