import { PoolClient } from 'pg';
import { projectEscrowId } from '../../application/tenders/tender-ids';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { EscrowEvent, EscrowOpened } from '../../domain/escrow';
import {
  emptyAccount,
  evolveAccount,
  type ProjectAccount,
  type ProjectAmountRevised,
  type ProjectTermsConfirmed,
} from '../../domain/tenders';
import { occurredAt, Projection } from '../runner/projection';
import { isNewer } from '../runner/row-buffer';
import { TENDER_ACCOUNTS_TABLES } from './tender-accounts.tables';

const ESCROW_EVENTS = [
  'EscrowOpened',
  'EscrowFunded',
  'EscrowReleased',
  'EscrowRefunded',
  'EscrowFrozen',
  'EscrowUnfrozen',
];

interface Row {
  project_id: string;
  project_rev: string | null;
  escrow_rev: string | null;
  account: ProjectAccount;
}

/**
 * "Gestion paiements" (seed 003, formule R0): the agreed amount from the project's stream and the
 * account from the project's escrow (only escrows opened for a `project` subject; the escrow id
 * is derived from the project id). Low volume: plain SQL per event, each guarded by its stream's
 * revision, so a redelivered event changes nothing. The amounts are folded by the same pure
 * `evolveAccount` the application uses.
 */
export class TenderAccountsProjection implements Projection {
  readonly name = 'tender_accounts';
  readonly version = 1;
  readonly handles = ['ProjectTermsConfirmed', 'ProjectAmountRevised', ...ESCROW_EVENTS];
  readonly tables = TENDER_ACCOUNTS_TABLES;

  async handle(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) await this.apply(event, tx);
  }

  private async apply(event: RecordedEvent, tx: PoolClient): Promise<void> {
    const at = occurredAt(event);
    const rev = event.revision.toString();
    if (event.type === 'ProjectTermsConfirmed') {
      const d = event.data as ProjectTermsConfirmed['data'];
      const row = await this.ensure(tx, d.projectId, at);
      if (!isNewer(event.revision, row.project_rev)) return;
      await tx.query(
        `UPDATE tender_accounts SET project_rev = $2, client_id = $3, provider_id = $4,
           formula = $5, agreed_cents = $6, updated_at = $7 WHERE project_id = $1`,
        [d.projectId, rev, d.clientId, d.providerId, d.terms.formula, d.terms.amountCents, at],
      );
      return;
    }
    if (event.type === 'ProjectAmountRevised') {
      const d = event.data as ProjectAmountRevised['data'];
      const row = await this.ensure(tx, d.projectId, at);
      if (!isNewer(event.revision, row.project_rev)) return;
      await tx.query(
        `UPDATE tender_accounts SET project_rev = $2, agreed_cents = $3, updated_at = $4
          WHERE project_id = $1`,
        [d.projectId, rev, d.toCents, at],
      );
      return;
    }
    if (!ESCROW_EVENTS.includes(event.type)) return;
    const escrowId = (event.data as { escrowId: string }).escrowId;
    if (event.type === 'EscrowOpened') {
      const d = event.data as EscrowOpened['data'];
      if (d.subject.kind !== 'project') return;
      const row = await this.ensure(tx, d.subject.id, at);
      if (!isNewer(event.revision, row.escrow_rev)) return;
      await tx.query(
        `UPDATE tender_accounts SET escrow_rev = $2, updated_at = $3 WHERE project_id = $1`,
        [d.subject.id, rev, at],
      );
      return;
    }
    const { rows } = await tx.query<Row>(
      `SELECT project_id, project_rev, escrow_rev, account FROM tender_accounts
        WHERE escrow_id = $1 FOR UPDATE`,
      [escrowId],
    );
    const row = rows[0];
    // Not a project's escrow (orders, missions): no row was ever made for it.
    if (!row || !isNewer(event.revision, row.escrow_rev)) return;
    const account = evolveAccount(
      row.account,
      { type: event.type, data: event.data } as EscrowEvent,
      at,
    );
    await tx.query(
      `UPDATE tender_accounts SET escrow_rev = $2, account = $3::jsonb, updated_at = $4
        WHERE project_id = $1`,
      [row.project_id, rev, JSON.stringify(account), at],
    );
  }

  private async ensure(tx: PoolClient, projectId: string, at: string): Promise<Row> {
    await tx.query(
      `INSERT INTO tender_accounts (project_id, escrow_id, account, updated_at)
       VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT (project_id) DO NOTHING`,
      [projectId, projectEscrowId(projectId), JSON.stringify(emptyAccount()), at],
    );
    const { rows } = await tx.query<Row>(
      `SELECT project_id, project_rev, escrow_rev, account FROM tender_accounts
        WHERE project_id = $1 FOR UPDATE`,
      [projectId],
    );
    return rows[0];
  }
}
