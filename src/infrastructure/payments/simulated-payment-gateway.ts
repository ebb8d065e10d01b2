import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { maskIban } from '../../domain/payouts';
import { BusinessRuleError } from '../../domain/shared';
import type { FundingInstructions } from '../../domain/orders';
import {
  FundingAnswer,
  isDeferredPaymentMethod,
  PaymentDeclinedError,
  PaymentGateway,
} from '../../application/payments/payment-gateway.port';

type FundRequest = Parameters<PaymentGateway['fundEscrow']>[0];
type ReleaseRequest = Parameters<PaymentGateway['release']>[0];
type RefundRequest = Parameters<PaymentGateway['refund']>[0];
type PayoutRequest = Parameters<PaymentGateway['payout']>[0];
type SaveRequest = Parameters<PaymentGateway['savePaymentMethod']>[0];
type ChargeRequest = Parameters<PaymentGateway['chargeSaved']>[0];
type RefundChargeRequest = Parameters<PaymentGateway['refundCharge']>[0];

type Operation =
  | 'fund_escrow'
  | 'release'
  | 'refund'
  | 'payout'
  | 'save_method'
  | 'charge_saved'
  | 'refund_charge';

interface StoredOperation {
  operation: Operation;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
}

/** Card authorisations lapse after 7 days at Stripe, so later work is charged at once. */
export const AUTHORIZATION_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/** A saved card whose off-session charges are all refused (Stripe's `pm_card_chargeCustomerFail`). */
export const FAILING_SAVED_METHOD = 'pm_card_chargeCustomerFail';
const FAILS_OFF_SESSION = '_failing_';

/** Test payment methods, as Stripe names them. */
export const SIMULATED_PAYMENT_METHODS = {
  ok: 'pm_card_visa',
  declined: 'pm_card_declined',
  /** Saved fine; every later charge of it is refused. */
  chargeFailsLater: FAILING_SAVED_METHOD,
} as const;

/** The fields that must match when a key is reused; a changed `dueAt` on a retry is not a new request. */
const FINGERPRINTS: Record<Operation, string[]> = {
  fund_escrow: ['escrowId', 'amountCents', 'payerId', 'paymentMethod'],
  release: ['escrowId', 'paymentRef', 'amountCents', 'payeeNetCents', 'payeeId'],
  refund: ['escrowId', 'paymentRef', 'amountCents'],
  payout: ['payoutId', 'providerId', 'amountCents'],
  save_method: ['accountId', 'paymentMethod'],
  charge_saved: ['accountId', 'paymentMethodRef', 'amountCents'],
  refund_charge: ['chargeRef', 'amountCents'],
};

export class GatewayIdempotencyError extends BusinessRuleError {
  constructor(key: string, operation: string) {
    super(
      'PAYMENT_IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for a different payment request',
      {
        idempotencyKey: key,
        operation,
      },
    );
  }
}

export class GatewayAmountError extends BusinessRuleError {
  constructor(escrowId: string, availableCents: number, requestedCents: number) {
    super('PAYMENT_EXCEEDS_FUNDS', 'The gateway holds less for this escrow than requested', {
      escrowId,
      availableCents,
      requestedCents,
    });
  }
}

/** A refund of a saved-method charge asked for more than its earlier refunds left. */
export class ChargeRefundExceedsError extends BusinessRuleError {
  constructor(chargeRef: string, availableCents: number, requestedCents: number) {
    super('PAYMENT_EXCEEDS_FUNDS', 'The charge has less left to refund than requested', {
      chargeRef,
      availableCents,
      requestedCents,
    });
  }
}

/**
 * What the simulated gateway keeps of a payout's destination: the kind and the IBAN mask, never
 * the IBAN, holder name or PayPal address (a real gateway holds those on its side, and our copy
 * would outlive the provider's erasure).
 */
export function storedDestination(destination: PayoutRequest['destination']) {
  return destination.kind === 'bank'
    ? { kind: 'bank' as const, ibanMasked: maskIban(destination.iban) }
    : { kind: 'paypal' as const };
}

const ref = (prefix: string, key: string) =>
  `${prefix}_sim_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

/** A virtual IBAN per payment, as Stripe's `eu_bank_transfer` gives, or a PayPal approval page. */
function simulatedInstructions(
  method: 'bank_transfer' | 'paypal',
  paymentRef: string,
  amountCents: number,
): FundingInstructions {
  if (method === 'paypal')
    return { kind: 'paypal', approvalUrl: `https://simulated.paypal.test/checkout/${paymentRef}` };
  const digits = BigInt(`0x${createHash('sha256').update(paymentRef).digest('hex').slice(0, 20)}`)
    .toString()
    .padStart(23, '0')
    .slice(0, 23);
  return {
    kind: 'bank_transfer',
    iban: `FR76${digits}`,
    bic: 'SIMUFRPPXXX',
    accountHolderName: 'Marketplace (simulated)',
    reference: paymentRef.slice(-12).toUpperCase(),
    amountCents,
  };
}

/**
 * A payment gateway that behaves like Stripe without the network: manual-capture
 * authorisations or charges, captures and transfers, refunds or cancellations, payouts.
 * Every call is recorded in Postgres under its idempotency key, so the same key always
 * gets the same answer and money never moves twice.
 */
export class SimulatedPaymentGateway implements PaymentGateway {
  constructor(
    private readonly pool: Pool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async fundEscrow(request: FundRequest): Promise<FundingAnswer> {
    const key = request.idempotencyKey;
    if (isDeferredPaymentMethod(request.paymentMethod)) {
      // Stored as a charge: once the funds arrive they sit on the platform balance like one.
      const paymentRef = ref('pi', key);
      const instructions = simulatedInstructions(
        request.paymentMethod,
        paymentRef,
        request.amountCents,
      );
      const response = { paymentRef, mode: 'charge', status: 'requires_action', instructions };
      const stored = await this.insertOnce(this.pool, key, 'fund_escrow', request, response);
      return {
        paymentRef: String(stored.paymentRef),
        mode: 'awaiting_funds',
        instructions: stored.instructions as FundingInstructions,
      };
    }
    if (request.paymentMethod === SIMULATED_PAYMENT_METHODS.declined) {
      // A decline moves nothing and is not kept, so the buyer may retry with another card.
      const earlier = await this.find(this.pool, key);
      if (earlier)
        return this.replay(key, earlier, 'fund_escrow', request) as {
          paymentRef: string;
          mode: 'authorization' | 'charge';
        };
      throw new PaymentDeclinedError('card_declined');
    }
    if (!/^pm_[A-Za-z0-9_]+$/.test(request.paymentMethod))
      throw new PaymentDeclinedError('invalid_payment_method');
    const dueInMs = Date.parse(request.dueAt) - this.clock().getTime();
    const mode = dueInMs <= AUTHORIZATION_WINDOW_DAYS * DAY_MS ? 'authorization' : 'charge';
    const response = {
      paymentRef: ref('pi', key),
      mode,
      status: mode === 'authorization' ? 'requires_capture' : 'succeeded',
    } as const;
    const stored = await this.insertOnce(this.pool, key, 'fund_escrow', request, response);
    return {
      paymentRef: String(stored.paymentRef),
      mode: stored.mode as 'authorization' | 'charge',
    };
  }

  async release(request: ReleaseRequest): Promise<{ transferRef: string }> {
    return this.moveOut('release', request, (funding) => ({
      transferRef: ref('tr', request.idempotencyKey),
      // An authorisation is captured first; a charge already sits on the platform balance.
      capturedRef: funding.mode === 'authorization' ? request.paymentRef : null,
      transferredCents: request.payeeNetCents,
      platformFeeCents: request.amountCents - request.payeeNetCents,
    })) as Promise<{ transferRef: string }>;
  }

  async refund(request: RefundRequest): Promise<{ refundRef: string }> {
    return this.moveOut('refund', request, (funding) => ({
      refundRef: ref('re', request.idempotencyKey),
      kind: funding.mode === 'authorization' ? 'authorization_cancelled' : 'refund',
      refundedCents: request.amountCents,
    })) as Promise<{ refundRef: string }>;
  }

  /** A bank account whose IBAN ends in 0000, or a PayPal address starting with "fail", is refused. */
  async payout(request: PayoutRequest): Promise<{
    gatewayPayoutId: string;
    status: 'pending' | 'paid' | 'failed';
    failureCode?: string;
  }> {
    const { destination } = request;
    const fails =
      destination.kind === 'bank'
        ? destination.iban.replace(/\s/g, '').endsWith('0000')
        : destination.email.toLowerCase().startsWith('fail');
    const response = fails
      ? {
          gatewayPayoutId: ref('po', request.idempotencyKey),
          status: 'failed' as const,
          failureCode: 'account_closed',
        }
      : { gatewayPayoutId: ref('po', request.idempotencyKey), status: 'paid' as const };
    const stored = await this.insertOnce(
      this.pool,
      request.idempotencyKey,
      'payout',
      { ...request, destination: storedDestination(destination) },
      response,
    );
    return stored as {
      gatewayPayoutId: string;
      status: 'pending' | 'paid' | 'failed';
      failureCode?: string;
    };
  }

  /** A saved card's reference tells whether its charges fail (the simulation keeps no card data). */
  async savePaymentMethod(request: SaveRequest): Promise<{ paymentMethodRef: string }> {
    const earlier = await this.find(this.pool, request.idempotencyKey);
    if (earlier)
      return this.replay(request.idempotencyKey, earlier, 'save_method', request) as {
        paymentMethodRef: string;
      };
    if (request.paymentMethod === SIMULATED_PAYMENT_METHODS.declined)
      throw new PaymentDeclinedError('card_declined');
    if (!/^pm_[A-Za-z0-9_]+$/.test(request.paymentMethod))
      throw new PaymentDeclinedError('invalid_payment_method');
    const failing = request.paymentMethod === FAILING_SAVED_METHOD ? FAILS_OFF_SESSION : '_';
    const response = { paymentMethodRef: ref(`pm${failing}saved`, request.idempotencyKey) };
    return (await this.insertOnce(
      this.pool,
      request.idempotencyKey,
      'save_method',
      request,
      response,
    )) as {
      paymentMethodRef: string;
    };
  }

  /** A refused charge is not kept, so a retry with the same key after a card change may succeed. */
  async chargeSaved(request: ChargeRequest): Promise<{ chargeRef: string; amountCents: number }> {
    const earlier = await this.find(this.pool, request.idempotencyKey);
    if (earlier)
      return this.replay(request.idempotencyKey, earlier, 'charge_saved', request) as {
        chargeRef: string;
        amountCents: number;
      };
    if (!/^pm_[A-Za-z0-9_]+$/.test(request.paymentMethodRef))
      throw new PaymentDeclinedError('invalid_payment_method');
    if (request.paymentMethodRef.includes(FAILS_OFF_SESSION))
      throw new PaymentDeclinedError('card_declined');
    const response = {
      chargeRef: ref('pi', request.idempotencyKey),
      amountCents: request.amountCents,
    };
    return (await this.insertOnce(
      this.pool,
      request.idempotencyKey,
      'charge_saved',
      request,
      response,
    )) as {
      chargeRef: string;
      amountCents: number;
    };
  }

  /**
   * Refunds of one charge are serialised, so together they never give back more than it took
   * (`PAYMENT_EXCEEDS_FUNDS`); an unknown charge is `PAYMENT_NOT_FOUND`. One call of
   * `sim_gateway_refund_charge` locks, checks and records (one round trip).
   */
  async refundCharge(
    request: RefundChargeRequest,
  ): Promise<{ refundRef: string; amountCents: number }> {
    if (!Number.isSafeInteger(request.amountCents) || request.amountCents <= 0)
      throw new BusinessRuleError(
        'PAYMENT_REQUEST_REFUSED',
        'A refund is a positive whole number of cents',
        { amountCents: request.amountCents },
      );
    const response = {
      refundRef: ref('re', request.idempotencyKey),
      amountCents: request.amountCents,
    };
    const call = () =>
      this.pool.query<StoredOperation & { outcome: string; available: string | null }>({
        name: 'sim_gateway_refund_charge',
        text: 'SELECT * FROM sim_gateway_refund_charge($1, $2, $3, $4, $5)',
        values: [
          request.idempotencyKey,
          request.chargeRef,
          request.amountCents,
          JSON.stringify(request),
          JSON.stringify(response),
        ],
      });
    let result;
    try {
      result = await call();
    } catch (error) {
      // The same key raced in for another charge (another lock): the second call replays it.
      if ((error as { code?: string }).code !== '23505') throw error;
      result = await call();
    }
    const row = result.rows[0];
    if (row.outcome === 'replay')
      return this.replay(request.idempotencyKey, row, 'refund_charge', request) as {
        refundRef: string;
        amountCents: number;
      };
    if (row.outcome === 'payment_not_found')
      throw new BusinessRuleError('PAYMENT_NOT_FOUND', 'No charge with this reference', {
        paymentRef: request.chargeRef,
      });
    if (row.outcome === 'exceeds_funds')
      throw new ChargeRefundExceedsError(
        request.chargeRef,
        Number(row.available),
        request.amountCents,
      );
    return row.response as { refundRef: string; amountCents: number };
  }

  /**
   * Releases and refunds of one escrow are serialised, so together they never exceed what was
   * funded; one call of `sim_gateway_move_out` locks, checks and records (one round trip).
   */
  private async moveOut(
    operation: 'release' | 'refund',
    request: ReleaseRequest | RefundRequest,
    respond: (funding: { mode: string }) => Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const call = () =>
      this.pool.query<StoredOperation & { outcome: string; available: string | null }>({
        name: 'sim_gateway_move_out',
        text: 'SELECT * FROM sim_gateway_move_out($1, $2, $3, $4, $5, $6, $7)',
        values: [
          request.idempotencyKey,
          operation,
          request.escrowId,
          request.paymentRef,
          request.amountCents,
          JSON.stringify(request),
          JSON.stringify({
            authorization: respond({ mode: 'authorization' }),
            charge: respond({ mode: 'charge' }),
          }),
        ],
      });
    let result;
    try {
      result = await call();
    } catch (error) {
      // The same key raced in for another escrow (another lock): the second call replays it.
      if ((error as { code?: string }).code !== '23505') throw error;
      result = await call();
    }
    const row = result.rows[0];
    if (row.outcome === 'replay')
      return this.replay(request.idempotencyKey, row, operation, request);
    if (row.outcome === 'payment_not_found')
      throw new BusinessRuleError(
        'PAYMENT_NOT_FOUND',
        'No payment with this reference for this escrow',
        {
          paymentRef: request.paymentRef,
        },
      );
    if (row.outcome === 'exceeds_funds')
      throw new GatewayAmountError(request.escrowId, Number(row.available), request.amountCents);
    return row.response;
  }

  /** One statement on the hot path; a concurrent twin with the same key waits on the primary key and then replays. */
  private async insertOnce(
    db: Pool | PoolClient,
    key: string,
    operation: Operation,
    request: object,
    response: Record<string, unknown>,
  ) {
    const inserted = await db.query<{ response: Record<string, unknown> }>(
      `INSERT INTO simulated_gateway_operations (idempotency_key, operation, request, response) VALUES ($1, $2, $3, $4)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING response`,
      [key, operation, JSON.stringify(request), JSON.stringify(response)],
    );
    if (inserted.rowCount === 1) return response;
    const earlier = await this.find(db, key);
    if (!earlier) throw new Error(`Gateway operation ${key} vanished`);
    return this.replay(key, earlier, operation, request);
  }

  private async find(db: Pool | PoolClient, key: string): Promise<StoredOperation | null> {
    const { rows } = await db.query<StoredOperation>(
      'SELECT operation, request, response FROM simulated_gateway_operations WHERE idempotency_key = $1',
      [key],
    );
    return rows[0] ?? null;
  }

  private replay(
    key: string,
    earlier: StoredOperation,
    operation: Operation,
    request: object,
  ): Record<string, unknown> {
    const same =
      earlier.operation === operation &&
      FINGERPRINTS[operation].every(
        (field) =>
          JSON.stringify(earlier.request[field]) ===
          JSON.stringify((request as Record<string, unknown>)[field]),
      );
    if (!same) throw new GatewayIdempotencyError(key, operation);
    return earlier.response;
  }
}
