import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { MissionValidated } from '../../domain/missions';
import type { OrderCompleted } from '../../domain/orders';
import type {
  AssociationPartnershipEnded,
  AssociationPartnershipGranted,
  SolidarityMonthClosed,
  SolidarityShareCredited,
  SolidarityShareKeptInWallet,
  SolidaritySharePayoutRequested,
  SolidarityVoteCast,
} from '../../domain/solidarity';
import { occurredAt, Projection } from '../runner/projection';
import { SOLIDARITY_POT_TABLES } from './solidarity-pot.tables';

export const SOLIDARITY_POT_EVENT_TYPES = [
  'AssociationPartnershipGranted',
  'AssociationPartnershipEnded',
  'OrderCompleted',
  'MissionValidated',
  'SolidarityVoteCast',
  'SolidarityMonthClosed',
  'SolidarityShareCredited',
  'SolidaritySharePayoutRequested',
  'SolidarityShareKeptInWallet',
  'PayoutSent',
  'PayoutFailed',
] as const;

/**
 * The pot's read model; every statement is an idempotent upsert keyed by its fact, so a
 * redelivered event changes nothing. A share's status only moves forward
 * (owed → in_wallet → payout_requested → paid | payout_failed).
 */
export class SolidarityPotProjection implements Projection {
  readonly name = 'solidarity_pot';
  readonly version = 1;
  readonly handles = [...SOLIDARITY_POT_EVENT_TYPES];
  readonly tables = SOLIDARITY_POT_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) await this.apply(event, tx);
  }

  private async apply(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const rev = Number(event.revision);
    const at = occurredAt(event);
    switch (event.type) {
      case 'AssociationPartnershipGranted': {
        const d = event.data as AssociationPartnershipGranted['data'];
        await tx.query(
          `INSERT INTO pot_partners (association_id, rev, name, partner, since, ended_at)
           VALUES ($1, $2, $3, true, $4, NULL)
           ON CONFLICT (association_id) DO UPDATE SET rev = $2, name = $3, partner = true, since = $4, ended_at = NULL
           WHERE pot_partners.rev < $2`,
          [d.associationId, rev, d.name, d.grantedAt],
        );
        return;
      }
      case 'AssociationPartnershipEnded': {
        const d = event.data as AssociationPartnershipEnded['data'];
        await tx.query(
          `UPDATE pot_partners SET rev = $2, partner = false, ended_at = $3
            WHERE association_id = $1 AND rev < $2`,
          [d.associationId, rev, d.endedAt],
        );
        return;
      }
      case 'OrderCompleted':
      case 'MissionValidated': {
        const order = event.data as OrderCompleted['data'];
        const mission = event.data as MissionValidated['data'];
        const accountId = event.type === 'OrderCompleted' ? order.buyerId : mission.clientId;
        const when =
          (event.type === 'OrderCompleted' ? order.completedAt : mission.validatedAt) ?? at;
        if (!accountId) return;
        await tx.query(
          `INSERT INTO pot_voters (account_id, qualified_at, qualified_by) VALUES ($1, $2, $3)
           ON CONFLICT (account_id) DO UPDATE SET qualified_at = $2, qualified_by = $3
           WHERE pot_voters.qualified_at > $2`,
          [accountId, when, event.streamName],
        );
        return;
      }
      case 'SolidarityVoteCast': {
        const d = event.data as SolidarityVoteCast['data'];
        await tx.query(
          `INSERT INTO pot_votes (month, voter_id, association_id, cast_at, rev) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (month, voter_id) DO UPDATE SET association_id = $3, cast_at = $4, rev = $5
           WHERE pot_votes.rev < $5`,
          [d.month, d.voterId, d.associationId, d.castAt, rev],
        );
        return;
      }
      case 'SolidarityMonthClosed': {
        const d = event.data as SolidarityMonthClosed['data'];
        await tx.query(
          `INSERT INTO pot_reports (month, revenue_cents, rate_bp, pot_cents, carried_in_cents,
             distributed_cents, carried_over_cents, rule, votes_counted, votes_void, closed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (month) DO NOTHING`,
          [
            d.month,
            d.revenueCents,
            d.rateBp,
            d.potCents,
            d.carriedInCents,
            d.distributedCents,
            d.carriedOverCents,
            d.rule,
            d.votesCounted,
            d.votesVoid,
            d.closedAt,
          ],
        );
        for (const s of d.shares)
          await tx.query(
            `INSERT INTO pot_report_shares (month, association_id, name, votes, amount_cents, status, payout_id, updated_at)
             VALUES ($1, $2, $3, $4, $5, 'owed', NULL, $6) ON CONFLICT (month, association_id) DO NOTHING`,
            [d.month, s.associationId, s.name, s.votes, s.amountCents, d.closedAt],
          );
        return;
      }
      case 'SolidarityShareCredited': {
        const d = event.data as SolidarityShareCredited['data'];
        await this.status(tx, d.month, d.associationId, 'in_wallet', ['owed'], null, at);
        return;
      }
      case 'SolidarityShareKeptInWallet': {
        const d = event.data as SolidarityShareKeptInWallet['data'];
        await this.status(tx, d.month, d.associationId, 'in_wallet', ['owed'], null, at);
        return;
      }
      case 'SolidaritySharePayoutRequested': {
        const d = event.data as SolidaritySharePayoutRequested['data'];
        await this.status(
          tx,
          d.month,
          d.associationId,
          'payout_requested',
          ['owed', 'in_wallet'],
          d.payoutId,
          at,
        );
        // The payout may have been sent before this event was projected.
        await tx.query(
          `UPDATE pot_report_shares s SET status = CASE o.outcome WHEN 'sent' THEN 'paid' ELSE 'payout_failed' END
             FROM pot_payout_outcomes o
            WHERE s.payout_id = o.payout_id AND s.payout_id = $1 AND s.status = 'payout_requested'`,
          [d.payoutId],
        );
        return;
      }
      case 'PayoutSent':
      case 'PayoutFailed': {
        const payoutId = (event.data as { payoutId?: string }).payoutId;
        if (!payoutId) return;
        await tx.query(
          `INSERT INTO pot_payout_outcomes (payout_id, outcome, at) VALUES ($1, $2, $3)
           ON CONFLICT (payout_id) DO NOTHING`,
          [payoutId, event.type === 'PayoutSent' ? 'sent' : 'failed', at],
        );
        await tx.query(
          `UPDATE pot_report_shares SET status = $2, updated_at = $3
            WHERE payout_id = $1 AND status = 'payout_requested'`,
          [payoutId, event.type === 'PayoutSent' ? 'paid' : 'payout_failed', at],
        );
        return;
      }
      default:
        return;
    }
  }

  private async status(
    tx: PoolClient,
    month: string,
    associationId: string,
    status: string,
    from: string[],
    payoutId: string | null,
    at: string,
  ): Promise<void> {
    await tx.query(
      `UPDATE pot_report_shares SET status = $3, payout_id = COALESCE($5, payout_id), updated_at = $6
        WHERE month = $1 AND association_id = $2 AND status = ANY($4::text[])`,
      [month, associationId, status, from, payoutId, at],
    );
  }
}
