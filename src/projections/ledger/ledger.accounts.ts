/** The platform's chart of accounts for money it holds or earns; labels are what finance reads. */
export const LEDGER_ACCOUNTS = {
  psp_clearing: { label: 'Compte de cantonnement PSP', nature: 'asset' },
  buyer_funds_held: { label: 'Fonds clients sous séquestre', nature: 'liability' },
  provider_payable: { label: 'Dettes envers les prestataires', nature: 'liability' },
  commission_revenue: { label: 'Commissions (produits)', nature: 'revenue' },
  vat_collected: { label: 'TVA collectée', nature: 'liability' },
  refunds_payable: { label: 'Remboursements clients à effectuer', nature: 'liability' },
  payouts_in_transit: { label: 'Virements prestataires en cours', nature: 'liability' },
  payout_fee_revenue: { label: 'Frais de virement instantané (produits)', nature: 'revenue' },
  /** The platform's own sales (subscriptions, hour packs) collected at the PSP: its money, not clients' funds. */
  gateway_cash: { label: 'Encaissements PSP des ventes de la plateforme', nature: 'asset' },
  subscription_revenue: { label: 'Abonnements (produits)', nature: 'revenue' },
  hour_pack_revenue: { label: 'Packs d’heures (produits)', nature: 'revenue' },
  tender_fee_revenue: {
    label: 'Projets : commissions de mise en relation et options R0 (produits)',
    nature: 'revenue',
  },
  hour_pack_missions: {
    label: 'Packs horaires : missions financées par la plateforme (charges)',
    nature: 'expense',
  },
  /** The monthly solidarity pot shared among partner associations (docs/solidarity-pot.md). */
  solidarity_expense: {
    label: 'Cagnotte solidaire reversée aux associations (charges)',
    nature: 'expense',
  },
  association_payable: { label: 'Dettes envers les associations partenaires', nature: 'liability' },
} as const;

export type LedgerAccount = keyof typeof LEDGER_ACCOUNTS;
export const LEDGER_ACCOUNT_CODES = Object.keys(LEDGER_ACCOUNTS) as LedgerAccount[];

export type EntryKind =
  | 'escrow_funded'
  | 'escrow_released'
  | 'refund_recognised'
  | 'refund_paid'
  | 'payout_reserved'
  | 'payout_sent'
  | 'payout_returned'
  | 'mission_instant_payout'
  | 'subscription_charged'
  | 'hour_pack_sold'
  | 'hour_pack_refunded'
  | 'hour_pack_mission_funded'
  | 'hour_pack_mission_refunded'
  | 'solidarity_pot_shared'
  | 'solidarity_share_credited'
  | 'tender_fee_charged'
  | 'tender_fee_refunded';

export const ENTRY_LABELS: Record<EntryKind, string> = {
  escrow_funded: 'Paiement client placé sous séquestre',
  escrow_released: 'Libération du séquestre : part prestataire, commission et TVA',
  refund_recognised: 'Remboursement client accordé',
  refund_paid: 'Remboursement client versé par le PSP',
  payout_reserved: 'Demande de retrait prestataire',
  payout_sent: 'Retrait prestataire versé',
  payout_returned: 'Retrait prestataire échoué, montant recrédité',
  mission_instant_payout: 'Mission : paiement instantané du prestataire (frais et TVA)',
  subscription_charged: 'Abonnement : période encaissée (produit et TVA)',
  hour_pack_sold: 'Pack d’heures vendu (produit et TVA)',
  hour_pack_refunded:
    'Pack d’heures : remboursement des heures non utilisées (produit et TVA annulés au prorata)',
  hour_pack_mission_funded: 'Mission payée par pack horaire : séquestre financé par la plateforme',
  hour_pack_mission_refunded: 'Mission payée par pack horaire : séquestre rendu au pack',
  solidarity_pot_shared: 'Cagnotte solidaire du mois répartie entre les associations partenaires',
  solidarity_share_credited: 'Cagnotte solidaire : part créditée au portefeuille de l’association',
  tender_fee_charged:
    'Projet : commission de mise en relation ou option R0 encaissée (produit et TVA)',
  tender_fee_refunded: 'Projet : frais remboursés après baisse du montant (produit et TVA annulés)',
};

export interface Leg {
  account: LedgerAccount;
  partyId: string | null;
  debit: number;
  credit: number;
}

export const debit = (account: LedgerAccount, partyId: string | null, cents: number): Leg => ({
  account,
  partyId,
  debit: cents,
  credit: 0,
});
export const credit = (account: LedgerAccount, partyId: string | null, cents: number): Leg => ({
  account,
  partyId,
  debit: 0,
  credit: cents,
});

/** Zero lines say nothing and a negative one is a bug; an unbalanced entry never reaches the journal. */
export function balancedLegs(legs: Leg[]): Leg[] {
  for (const l of legs) {
    if (
      !Number.isSafeInteger(l.debit) ||
      !Number.isSafeInteger(l.credit) ||
      l.debit < 0 ||
      l.credit < 0
    ) {
      throw new Error(`Invalid journal line ${JSON.stringify(l)}`);
    }
  }
  const kept = legs.filter((l) => l.debit > 0 || l.credit > 0);
  const debits = kept.reduce((s, l) => s + l.debit, 0);
  const credits = kept.reduce((s, l) => s + l.credit, 0);
  if (debits !== credits)
    throw new Error(`Unbalanced journal entry: debits ${debits}, credits ${credits}`);
  return kept;
}
