import { Pool } from 'pg';

/** What must match when a caller's key is used again: the account, the card and the amount. */
export interface PlanChargeFingerprint {
  accountId: string;
  paymentMethodRef: string;
  amountCents: number;
}

export interface PlanChargeAnswer {
  chargeRef: string;
  amountCents: number;
}

/**
 * Where an off-session charge stands for one caller's key:
 * - `succeeded`: charged earlier, the answer is replayed without calling Stripe;
 * - `pending`: the attempt to send (a new one, or one whose outcome is unknown, sent again under its
 *   own Stripe key so Stripe replays what happened instead of charging twice).
 * A refused attempt is followed by the next attempt number: Stripe would replay the refusal for a
 * key it has seen, and the card may have been topped up or replaced since.
 */
export type PlanChargeStep =
  | { state: 'succeeded'; fingerprint: PlanChargeFingerprint; answer: PlanChargeAnswer }
  | {
      state: 'pending';
      fingerprint: PlanChargeFingerprint;
      attempt: number;
      /** The attempt was sent before and its outcome is unknown (a timeout, an outage, a crash). */
      resumed: boolean;
    };

export abstract class PlanChargeAttempts {
  abstract begin(key: string, fingerprint: PlanChargeFingerprint): Promise<PlanChargeStep>;
  abstract succeeded(key: string, attempt: number, answer: PlanChargeAnswer): Promise<void>;
  /** A refused attempt, or an unknown one given up (nothing was charged under it). */
  abstract declined(key: string, attempt: number): Promise<void>;
}

/** The Stripe key of an attempt: the caller's own for the first, suffixed for the next ones. */
export const attemptKey = (key: string, attempt: number): string =>
  attempt === 1 ? key : `${key}-attempt-${attempt}`;

interface Row {
  state: 'pending' | 'succeeded';
  attempt: number;
  fingerprint: PlanChargeFingerprint;
  answer: PlanChargeAnswer | null;
  fresh: boolean;
}

const toStep = (row: Row): PlanChargeStep =>
  row.state === 'succeeded'
    ? { state: 'succeeded', fingerprint: row.fingerprint, answer: row.answer! }
    : { state: 'pending', fingerprint: row.fingerprint, attempt: row.attempt, resumed: !row.fresh };

/** `stripe_plan_charges`, one round trip per step; the row lock orders racing twins. */
export class PostgresPlanChargeAttempts extends PlanChargeAttempts {
  constructor(private readonly pool: Pool) {
    super();
  }

  async begin(key: string, fingerprint: PlanChargeFingerprint): Promise<PlanChargeStep> {
    // A refused attempt opens the next one (with the card now named); anything else stays as it is.
    const { rows } = await this.pool.query<Row>(
      `INSERT INTO stripe_plan_charges AS c (idempotency_key, attempt, state, fingerprint)
       VALUES ($1, 1, 'pending', $2)
       ON CONFLICT (idempotency_key) DO UPDATE SET
         attempt     = CASE WHEN c.state = 'declined' THEN c.attempt + 1 ELSE c.attempt END,
         fingerprint = CASE WHEN c.state = 'declined' THEN EXCLUDED.fingerprint ELSE c.fingerprint END,
         state       = CASE WHEN c.state = 'declined' THEN 'pending' ELSE c.state END,
         updated_at  = CASE WHEN c.state = 'declined' THEN now() ELSE c.updated_at END
       RETURNING state, attempt, fingerprint, answer, (updated_at = now()) AS fresh`,
      [key, JSON.stringify(fingerprint)],
    );
    return toStep(rows[0]);
  }

  async succeeded(key: string, attempt: number, answer: PlanChargeAnswer): Promise<void> {
    await this.pool.query(
      `UPDATE stripe_plan_charges SET state = 'succeeded', answer = $3, updated_at = now()
        WHERE idempotency_key = $1 AND attempt = $2 AND state = 'pending'`,
      [key, attempt, JSON.stringify(answer)],
    );
  }

  async declined(key: string, attempt: number): Promise<void> {
    await this.pool.query(
      `UPDATE stripe_plan_charges SET state = 'declined', updated_at = now()
        WHERE idempotency_key = $1 AND attempt = $2 AND state = 'pending'`,
      [key, attempt],
    );
  }
}

/** For unit tests: the same steps in memory. */
export class InMemoryPlanChargeAttempts extends PlanChargeAttempts {
  readonly rows = new Map<
    string,
    {
      state: 'pending' | 'declined' | 'succeeded';
      attempt: number;
      fingerprint: PlanChargeFingerprint;
      answer: PlanChargeAnswer | null;
    }
  >();
  private readonly sent = new Set<string>();

  async begin(key: string, fingerprint: PlanChargeFingerprint): Promise<PlanChargeStep> {
    const row = this.rows.get(key);
    if (!row) {
      this.rows.set(key, { state: 'pending', attempt: 1, fingerprint, answer: null });
    } else if (row.state === 'declined') {
      Object.assign(row, { state: 'pending', attempt: row.attempt + 1, fingerprint });
    }
    const current = this.rows.get(key)!;
    const attemptId = `${key}#${current.attempt}`;
    const fresh = !this.sent.has(attemptId);
    this.sent.add(attemptId);
    return toStep({ ...current, fresh } as Row);
  }

  async succeeded(key: string, attempt: number, answer: PlanChargeAnswer): Promise<void> {
    const row = this.rows.get(key);
    if (row?.attempt === attempt && row.state === 'pending')
      Object.assign(row, { state: 'succeeded', answer });
  }

  async declined(key: string, attempt: number): Promise<void> {
    const row = this.rows.get(key);
    if (row?.attempt === attempt && row.state === 'pending') row.state = 'declined';
  }
}
