import { Pool } from 'pg';
import { accountSummary, TRANCHE_STATUS_LABELS, type ProjectAccount } from '../../domain/tenders';

/** One project's account as the read model holds it, or null (no signed project under that id). */
export async function tenderAccount(pool: Pool, projectId: string) {
  const { rows } = await pool.query(`SELECT * FROM rm_tender_accounts WHERE project_id = $1`, [
    projectId,
  ]);
  const r = rows[0];
  if (!r) return null;
  return accountView(
    {
      projectId: r.project_id as string,
      escrowId: r.escrow_id as string,
      clientId: r.client_id as string | null,
      providerId: r.provider_id as string | null,
      formula: r.formula as string | null,
      agreedCents: Number(r.agreed_cents),
    },
    r.account as ProjectAccount,
  );
}

/** "Gestion paiements": the amounts, then each tranche with its state in French. */
export function accountView(
  head: {
    projectId: string;
    escrowId: string;
    clientId: string | null;
    providerId: string | null;
    formula: string | null;
    agreedCents: number;
  },
  account: ProjectAccount,
) {
  return {
    ...head,
    ...accountSummary(head.agreedCents, account),
    frozen: account.frozenBy !== null,
    disputeId: account.frozenBy,
    statusLabel: account.frozenBy
      ? 'Bloqué (litige en cours auprès du SMA)'
      : account.heldCents > 0
        ? 'Alimenté'
        : 'Vide',
    tranches: account.tranches.map((t) => ({
      trancheId: t.trancheId,
      label: t.label,
      amountCents: t.amountCents,
      releasedCents: t.releasedCents,
      refundedCents: t.refundedCents,
      status: t.status,
      statusLabel: TRANCHE_STATUS_LABELS[t.status],
      fundedAt: t.fundedAt,
      settledAt: t.settledAt,
    })),
  };
}

export type TenderAccountView = ReturnType<typeof accountView>;
