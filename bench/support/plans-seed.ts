/**
 * Seeds the plans bench (bench/plans.bench.ts): two plans (Pro and a credits plan) in their
 * streams, and `count` subscriptions, each a `subscription-<id>` stream holding one
 * `SubscriptionStarted` whose period 1 began a month before `periodEndsAt` and ends at it, all at
 * the same instant. Written straight into the event store in multi-row transactions (a month of
 * sign-ups arriving at once would otherwise dominate the run), then one NOTIFY wakes the
 * application's subscribers, which schedule the renewal jobs as they would have a month ago.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import {
  CreditAllowance,
  PlanDefined,
  planStream,
  SubscriptionPlanKind,
  SubscriptionStarted,
  subscriptionStream,
} from '../../src/domain/plans';
import { EVENTS_CHANNEL } from '../../src/infrastructure/event-store/postgres/postgres-log-reader';

export interface SeededSubscription {
  subscriptionId: string;
  accountId: string;
  kind: SubscriptionPlanKind;
  priceTtcCents: number;
}

export interface PlansSeed {
  periodEndsAt: string;
  subscriptions: SeededSubscription[];
  plans: Record<SubscriptionPlanKind, PlanDefined['data']>;
}

const NO_CREDITS: CreditAllowance = { consultation: 0, offer: 0, direct_contact: 0 };
const CHUNK = 1_000;

/** The same month one calendar month earlier (UTC), day clamped: the start of period 1. */
export function monthBefore(instant: Date): Date {
  const d = new Date(instant);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** A reference of the form the simulated gateway returns for a saved `pm_card_visa`. */
export function savedMethodRef(accountId: string): string {
  return `pm_saved_sim_${createHash('sha256').update(`bench:${accountId}`).digest('hex').slice(0, 24)}`;
}

function plan(kind: SubscriptionPlanKind, definedAt: string): PlanDefined['data'] {
  return kind === 'pro'
    ? {
        planId: `bench-pro-${randomUUID().slice(0, 8)}`,
        kind: 'pro',
        name: 'Pro',
        description: 'Visibilité renforcée, profil mis en avant',
        version: 1,
        terms: {
          priceTtcCents: 2_990,
          period: 'month',
          benefits: ['Profil mis en avant', 'Meilleure visibilité', 'Accès prioritaire'],
          credits: NO_CREDITS,
          hourPack: null,
        },
        definedBy: 'bench-staff',
        definedAt,
      }
    : {
        planId: `bench-credits-${randomUUID().slice(0, 8)}`,
        kind: 'credits',
        name: 'Crédits Essentiel',
        description: 'Crédits de consultation, d’offre et de contact direct chaque mois',
        version: 1,
        terms: {
          priceTtcCents: 4_990,
          period: 'month',
          benefits: ['10 consultations', '5 offres', '3 contacts directs'],
          credits: { consultation: 10, offer: 5, direct_contact: 3 },
          hourPack: null,
        },
        definedBy: 'bench-staff',
        definedAt,
      };
}

interface Row {
  s: string;
  c: string;
  id: string;
  t: string;
  d: unknown;
  m: Record<string, unknown>;
  n: number;
}

async function insertStreams(pool: Pool, rows: Row[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO es_events (stream_name, category, stream_revision, event_id, event_type, schema_version, data, metadata)
       SELECT s, c, 0, id, t, 1, d, m FROM jsonb_to_recordset($1::jsonb)
         AS x(s text, c text, id uuid, t text, d jsonb, m jsonb, n int) ORDER BY n`,
      [JSON.stringify(rows)],
    );
    await client.query(
      `INSERT INTO es_streams (stream_name) SELECT s FROM jsonb_to_recordset($1::jsonb) AS x(s text)
       ON CONFLICT (stream_name) DO NOTHING`,
      [JSON.stringify(rows.map((r) => ({ s: r.s })))],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const metadata = (actorId: string, actorRole: string, occurredAt: string) => {
  const correlationId = randomUUID();
  return { correlationId, causationId: correlationId, actorId, actorRole, occurredAt };
};

/**
 * Half the subscriptions on the Pro plan, half on the credits plan (one per account, as the
 * subscriptions context allows one running subscription per plan kind and account).
 */
export async function seedSubscriptions(
  pool: Pool,
  count: number,
  periodEndsAt: Date,
): Promise<PlansSeed> {
  const startsAt = monthBefore(periodEndsAt).toISOString();
  const definedAt = new Date(Date.parse(startsAt) - 86_400_000).toISOString();
  const plans = { pro: plan('pro', definedAt), credits: plan('credits', definedAt) };
  await insertStreams(
    pool,
    Object.values(plans).map((p, n) => ({
      s: planStream(p.planId),
      c: 'plan',
      id: randomUUID(),
      t: 'PlanDefined',
      d: p,
      m: metadata('bench-staff', 'admin', definedAt),
      n,
    })),
  );
  const subscriptions: SeededSubscription[] = [];
  let rows: Row[] = [];
  for (let i = 0; i < count; i++) {
    const kind: SubscriptionPlanKind = i % 2 === 0 ? 'pro' : 'credits';
    const p = plans[kind];
    const subscriptionId = randomUUID();
    const accountId = randomUUID();
    const data: SubscriptionStarted['data'] = {
      subscriptionId,
      accountId,
      planId: p.planId,
      planKind: kind,
      planName: p.name,
      billingPeriod: 'month',
      paymentMethodRef: savedMethodRef(accountId),
      startedAt: startsAt,
      period: 1,
      planVersion: 1,
      priceTtcCents: p.terms.priceTtcCents,
      periodStartsAt: startsAt,
      periodEndsAt: periodEndsAt.toISOString(),
      credits: p.terms.credits,
      chargeRef: `pi_sim_${createHash('sha256').update(`bench:${subscriptionId}:1`).digest('hex').slice(0, 24)}`,
    };
    subscriptions.push({ subscriptionId, accountId, kind, priceTtcCents: p.terms.priceTtcCents });
    rows.push({
      s: subscriptionStream(subscriptionId),
      c: 'subscription',
      id: randomUUID(),
      t: 'SubscriptionStarted',
      d: data,
      m: metadata(accountId, 'provider', startsAt),
      n: rows.length,
    });
    if (rows.length === CHUNK || i === count - 1) {
      await insertStreams(pool, rows);
      rows = [];
    }
  }
  await pool.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`);
  return { periodEndsAt: periodEndsAt.toISOString(), subscriptions, plans };
}
