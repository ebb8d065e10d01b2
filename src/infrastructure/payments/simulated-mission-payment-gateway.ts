import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import {
  MISSION_TEST_CARDS,
  MissionPaymentGateway,
} from '../../application/missions/mission-payment-gateway.port';
import { PaymentDeclinedError } from '../../application/payments/payment-gateway.port';
import { BusinessRuleError } from '../../domain/shared';
import { GatewayIdempotencyError } from './simulated-payment-gateway';

type Req<K extends keyof MissionPaymentGateway> = Parameters<MissionPaymentGateway[K]>[0];

type Operation =
  | 'mission_authorise'
  | 'mission_save_method'
  | 'mission_authorise_saved'
  | 'mission_capture'
  | 'mission_cancel'
  | 'mission_refund'
  | 'mission_instant_payout';

/** The fields that must match when a key is reused. */
const FINGERPRINTS: Record<Operation, string[]> = {
  mission_authorise: ['missionId', 'clientId', 'amountCents', 'paymentMethod'],
  mission_save_method: ['missionId', 'clientId', 'paymentMethod'],
  mission_authorise_saved: ['missionId', 'clientId', 'amountCents', 'paymentMethodRef'],
  mission_capture: ['missionId', 'paymentRef', 'amountCents'],
  mission_cancel: ['missionId', 'paymentRef'],
  mission_refund: ['missionId', 'paymentRef', 'amountCents'],
  mission_instant_payout: ['missionId', 'providerId', 'amountCents', 'feeCents'],
};

const ref = (prefix: string, key: string) =>
  `${prefix}_sim_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;

const CARD = /^pm_[A-Za-z0-9_]+$/;

/**
 * The missions side of the simulated gateway: it behaves like Stripe (manual-capture
 * PaymentIntents, SetupIntents and off-session confirmation, partial captures, cancellations,
 * transfers with instant payouts) and records every call in `simulated_gateway_operations` under
 * its idempotency key, next to the orders' operations.
 *
 * Test cards: `pm_card_visa` works, `pm_card_declined` is refused at once,
 * `pm_card_chargeCustomerFail` is saved fine and refused at every off-session authorisation.
 */
export class SimulatedMissionPaymentGateway implements MissionPaymentGateway {
  constructor(private readonly pool: Pool) {}

  async authorise(request: Req<'authorise'>) {
    const earlier = await this.find(this.pool, request.idempotencyKey);
    if (earlier) return this.replay(request.idempotencyKey, earlier, 'mission_authorise', request);
    this.checkCard(request.paymentMethod, { offSession: false });
    const response = {
      paymentRef: ref('pi', request.idempotencyKey),
      amountCents: request.amountCents,
      status: 'requires_capture',
    };
    return this.insertOnce(
      this.pool,
      request.idempotencyKey,
      'mission_authorise',
      request,
      response,
    ) as Promise<{
      paymentRef: string;
      amountCents: number;
    }>;
  }

  async savePaymentMethod(request: Req<'savePaymentMethod'>) {
    const earlier = await this.find(this.pool, request.idempotencyKey);
    if (earlier)
      return this.replay(request.idempotencyKey, earlier, 'mission_save_method', request);
    // A SetupIntent checks the card without charging: a card refused at once is refused here too.
    if (request.paymentMethod === MISSION_TEST_CARDS.declined)
      throw new PaymentDeclinedError('card_declined');
    if (!CARD.test(request.paymentMethod)) throw new PaymentDeclinedError('invalid_payment_method');
    const response = {
      paymentMethodRef: ref('pm_saved', request.idempotencyKey),
      setupIntentRef: ref('seti', request.idempotencyKey),
      status: 'succeeded',
    };
    return this.insertOnce(
      this.pool,
      request.idempotencyKey,
      'mission_save_method',
      request,
      response,
    ) as Promise<{
      paymentMethodRef: string;
    }>;
  }

  async authoriseSaved(request: Req<'authoriseSaved'>) {
    const earlier = await this.find(this.pool, request.idempotencyKey);
    if (earlier)
      return this.replay(request.idempotencyKey, earlier, 'mission_authorise_saved', request);
    const { rows } = await this.pool.query<{ card: string }>(
      `SELECT request ->> 'paymentMethod' AS card FROM simulated_gateway_operations
        WHERE operation = 'mission_save_method' AND response ->> 'paymentMethodRef' = $1 LIMIT 1`,
      [request.paymentMethodRef],
    );
    // A card token given straight (a card saved elsewhere) is judged as such.
    const card = rows[0]?.card ?? request.paymentMethodRef;
    this.checkCard(card, { offSession: true });
    const response = {
      paymentRef: ref('pi', request.idempotencyKey),
      amountCents: request.amountCents,
      status: 'requires_capture',
    };
    return this.insertOnce(
      this.pool,
      request.idempotencyKey,
      'mission_authorise_saved',
      request,
      response,
    ) as Promise<{
      paymentRef: string;
      amountCents: number;
    }>;
  }

  async capture(request: Req<'capture'>) {
    return this.onPayment(request.paymentRef, async (db, payment) => {
      const earlier = await this.find(db, request.idempotencyKey);
      if (earlier) return this.replay(request.idempotencyKey, earlier, 'mission_capture', request);
      if (payment.state !== 'requires_capture')
        throw new BusinessRuleError(
          'PAYMENT_NOT_CAPTURABLE',
          'This authorisation can no longer be captured',
          {
            paymentRef: request.paymentRef,
            state: payment.state,
          },
        );
      if (
        !Number.isSafeInteger(request.amountCents) ||
        request.amountCents <= 0 ||
        request.amountCents > payment.authorisedCents
      )
        throw new BusinessRuleError(
          'PAYMENT_EXCEEDS_FUNDS',
          'A capture cannot exceed the authorisation',
          {
            paymentRef: request.paymentRef,
            availableCents: payment.authorisedCents,
            requestedCents: request.amountCents,
          },
        );
      return this.insertOnce(db, request.idempotencyKey, 'mission_capture', request, {
        captureRef: ref('ch', request.idempotencyKey),
        capturedCents: request.amountCents,
        releasedCents: payment.authorisedCents - request.amountCents,
      });
    }) as Promise<{ captureRef: string; capturedCents: number; releasedCents: number }>;
  }

  async cancelAuthorisation(request: Req<'cancelAuthorisation'>) {
    return this.onPayment(request.paymentRef, async (db, payment) => {
      const earlier = await this.find(db, request.idempotencyKey);
      if (earlier) return this.replay(request.idempotencyKey, earlier, 'mission_cancel', request);
      if (payment.state !== 'requires_capture')
        throw new BusinessRuleError(
          'PAYMENT_NOT_CANCELLABLE',
          'This authorisation is no longer open',
          {
            paymentRef: request.paymentRef,
            state: payment.state,
          },
        );
      return this.insertOnce(db, request.idempotencyKey, 'mission_cancel', request, {
        cancelledCents: payment.authorisedCents,
        status: 'canceled',
      });
    }) as Promise<{ cancelledCents: number }>;
  }

  async refund(request: Req<'refund'>) {
    return this.onPayment(request.paymentRef, async (db, payment) => {
      const earlier = await this.find(db, request.idempotencyKey);
      if (earlier) return this.replay(request.idempotencyKey, earlier, 'mission_refund', request);
      const refundable = payment.capturedCents - payment.refundedCents;
      if (
        payment.state !== 'captured' ||
        request.amountCents <= 0 ||
        request.amountCents > refundable
      )
        throw new BusinessRuleError(
          'PAYMENT_EXCEEDS_FUNDS',
          'A refund cannot exceed what was captured',
          {
            paymentRef: request.paymentRef,
            availableCents: refundable,
            requestedCents: request.amountCents,
          },
        );
      return this.insertOnce(db, request.idempotencyKey, 'mission_refund', request, {
        refundRef: ref('re', request.idempotencyKey),
        refundedCents: request.amountCents,
      });
    }) as Promise<{ refundRef: string; refundedCents: number }>;
  }

  async instantPayout(request: Req<'instantPayout'>) {
    const earlier = await this.find(this.pool, request.idempotencyKey);
    if (earlier)
      return this.replay(request.idempotencyKey, earlier, 'mission_instant_payout', request);
    if (request.feeCents < 0 || request.feeCents > request.amountCents)
      throw new BusinessRuleError(
        'PAYOUT_FEE_INVALID',
        'The payout fee must be between 0 and the amount',
        {
          amountCents: request.amountCents,
          feeCents: request.feeCents,
        },
      );
    return this.insertOnce(this.pool, request.idempotencyKey, 'mission_instant_payout', request, {
      transferRef: ref('tr', request.idempotencyKey),
      gatewayPayoutId: ref('po', request.idempotencyKey),
      method: 'instant',
      paidCents: request.amountCents - request.feeCents,
      status: 'paid',
    }) as Promise<{ transferRef: string; gatewayPayoutId: string; status: 'paid' }>;
  }

  private checkCard(card: string, { offSession }: { offSession: boolean }): void {
    if (card === MISSION_TEST_CARDS.declined) throw new PaymentDeclinedError('card_declined');
    if (offSession && card === MISSION_TEST_CARDS.chargeFailsLater)
      throw new PaymentDeclinedError('card_declined');
    if (!CARD.test(card)) throw new PaymentDeclinedError('invalid_payment_method');
  }

  /** Captures and cancellations of one authorisation are serialised, so it is settled once. */
  private async onPayment(
    paymentRef: string,
    work: (
      db: PoolClient,
      payment: {
        authorisedCents: number;
        capturedCents: number;
        refundedCents: number;
        state: 'requires_capture' | 'captured' | 'canceled';
      },
    ) => Promise<Record<string, unknown>>,
  ): Promise<Record<string, unknown>> {
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN');
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sim-mission-${paymentRef}`]);
      const { rows } = await db.query<{ operation: string; amount: string }>(
        `SELECT operation, request ->> 'amountCents' AS amount FROM simulated_gateway_operations
          WHERE (operation IN ('mission_authorise', 'mission_authorise_saved') AND response ->> 'paymentRef' = $1)
             OR (operation IN ('mission_capture', 'mission_cancel', 'mission_refund') AND request ->> 'paymentRef' = $1)`,
        [paymentRef],
      );
      const authorised = rows.find((r) => r.operation.startsWith('mission_authorise'));
      if (!authorised)
        throw new BusinessRuleError('PAYMENT_NOT_FOUND', 'No authorisation with this reference', {
          paymentRef,
        });
      const state = rows.some((r) => r.operation === 'mission_capture')
        ? 'captured'
        : rows.some((r) => r.operation === 'mission_cancel')
          ? 'canceled'
          : 'requires_capture';
      const sum = (operation: string) =>
        rows.filter((r) => r.operation === operation).reduce((t, r) => t + Number(r.amount), 0);
      const result = await work(db, {
        authorisedCents: Number(authorised.amount),
        capturedCents: sum('mission_capture'),
        refundedCents: sum('mission_refund'),
        state,
      });
      await db.query('COMMIT');
      return result;
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    } finally {
      db.release();
    }
  }

  private async insertOnce(
    db: Pool | PoolClient,
    key: string,
    operation: Operation,
    request: object,
    response: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const inserted = await db.query(
      `INSERT INTO simulated_gateway_operations (idempotency_key, operation, request, response) VALUES ($1, $2, $3, $4)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [key, operation, JSON.stringify(request), JSON.stringify(response)],
    );
    if (inserted.rowCount === 1) return response;
    const earlier = await this.find(db, key);
    if (!earlier) throw new Error(`Gateway operation ${key} vanished`);
    return this.replay(key, earlier, operation, request);
  }

  private async find(db: Pool | PoolClient, key: string) {
    const { rows } = await db.query<{
      operation: string;
      request: Record<string, unknown>;
      response: Record<string, unknown>;
    }>(
      'SELECT operation, request, response FROM simulated_gateway_operations WHERE idempotency_key = $1',
      [key],
    );
    return rows[0] ?? null;
  }

  private replay(
    key: string,
    earlier: {
      operation: string;
      request: Record<string, unknown>;
      response: Record<string, unknown>;
    },
    operation: Operation,
    request: object,
  ): any {
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
