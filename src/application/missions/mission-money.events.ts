import type { Cents, DomainEvent, EventVersions } from '../../domain/shared';

/**
 * What the missions money process did at the gateway, in its own stream `missionmoney-<missionId>`
 * (the mission records the authorisation itself; these are the moves it does not know about).
 * Appended with ids derived from the causing event, so a retried step records nothing twice; the
 * ledger posts the instant payout from here.
 */
export const MISSION_MONEY_CATEGORY = 'missionmoney';
export const missionMoneyStream = (missionId: string): string =>
  `${MISSION_MONEY_CATEGORY}-${missionId}`;

/** The card was charged: what the escrow released (price, or late-cancellation fee); the rest of the authorisation is given back. */
export type MissionPaymentCaptured = DomainEvent<
  'MissionPaymentCaptured',
  {
    missionId: string;
    escrowId: string;
    paymentRef: string;
    captureRef: string;
    capturedCents: Cents;
    /** What the authorisation held beyond the capture: released to the client's card at once. */
    releasedCents: Cents;
    capturedAt: string;
  }
>;

/** An authorisation given back whole (cancellation without fee, expiry, or one replaced by a new authorisation). */
export type MissionAuthorisationCancelled = DomainEvent<
  'MissionAuthorisationCancelled',
  { missionId: string; paymentRef: string; cancelledCents: Cents; cancelledAt: string }
>;

/** The provider's net share paid out instantly; `feeCents` (MISSION_INSTANT_PAYOUT_FEE_BP) is kept by the platform. */
export type MissionProviderPaidOut = DomainEvent<
  'MissionProviderPaidOut',
  {
    missionId: string;
    escrowId: string;
    providerId: string;
    /** The provider's net share released by the escrow. */
    amountCents: Cents;
    feeCents: Cents;
    /** The VAT included in the fee (20 %, half-even), as for commissions. */
    vatOnFeeCents: Cents;
    /** What reaches the provider: amount minus fee. */
    paidCents: Cents;
    transferRef: string;
    gatewayPayoutId: string;
    paidAt: string;
  }
>;

/** The instant payout failed: the share is credited to the provider's wallet, withdrawn the usual way. */
export type MissionProviderPayoutFailed = DomainEvent<
  'MissionProviderPayoutFailed',
  {
    missionId: string;
    escrowId: string;
    providerId: string;
    amountCents: Cents;
    failureCode: string;
    failedAt: string;
  }
>;

export type MissionMoneyEvent =
  | MissionPaymentCaptured
  | MissionAuthorisationCancelled
  | MissionProviderPaidOut
  | MissionProviderPayoutFailed;

export const MISSION_MONEY_EVENT_VERSIONS: EventVersions<MissionMoneyEvent['type']> = {
  MissionPaymentCaptured: 1,
  MissionAuthorisationCancelled: 1,
  MissionProviderPaidOut: 1,
  MissionProviderPayoutFailed: 1,
};
