import type { MissionPaymentPlan } from '../../domain/missions/mission.events';

/**
 * What the missions context needs from the money side before it publishes a request
 * (seed 000 "Solde Sécurisé Stripe™"). Implemented in the missions money process.
 *
 * - `authorise_now`: the card is authorised at the gateway for `amountCents` (manual capture), with
 *   an idempotency key derived from the mission, so the money reactor that later records
 *   `MissionPaymentAuthorised` gets the same authorisation back and never authorises twice.
 * - `authorise_later`: the payment method is saved for off-session use; nothing is authorised yet.
 *
 * A refused card throws `PaymentDeclinedError` (422 PAYMENT_DECLINED) and the request is not
 * published: nothing is written.
 */
export interface MissionPayments {
  secure(request: {
    missionId: string;
    escrowId: string;
    clientId: string;
    amountCents: number;
    /** A card token from the front end (simulated: `pm_card_visa`, `pm_card_declined`, ...). */
    paymentMethod: string;
    plan: MissionPaymentPlan;
    idempotencyKey: string;
  }): Promise<{ paymentMethodRef: string }>;

  /** After a failed automatic authorisation, the client gives another card: it is saved for off-session use. */
  saveReplacement(request: {
    missionId: string;
    clientId: string;
    paymentMethod: string;
    idempotencyKey: string;
  }): Promise<{ paymentMethodRef: string }>;
}

export const MISSION_PAYMENTS = Symbol('MISSION_PAYMENTS');
