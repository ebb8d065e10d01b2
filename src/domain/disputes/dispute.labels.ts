import { assertNever, Cents } from '../shared';
import type {
  DecisionOutcome,
  DisputeEvent,
  DisputeOpenerRole,
  DisputeReason,
  MediationStaffRole,
} from './dispute.events';
import type { DisputeStatus } from './dispute.state';

/** User-facing French labels. */
export const DISPUTE_STATUS_LABELS: Readonly<Record<DisputeStatus, string>> = {
  open: 'Ouvert',
  under_review: 'En cours d’examen',
  settlement_proposed: 'Accord proposé',
  resolved: 'Résolu',
  withdrawn: 'Retiré',
};

export const DISPUTE_REASON_LABELS: Readonly<Record<DisputeReason, string>> = {
  late_delivery: 'Retard de livraison',
  not_as_described: 'Non conforme à la description',
  no_response: 'Absence de réponse',
  revision_refused: 'Retouches refusées',
  cancellation_refused: 'Annulation refusée',
  other: 'Autre motif',
  chargeback: 'Opposition bancaire',
  no_show: 'Absence au rendez-vous',
  poor_quality: 'Prestation mal réalisée',
  damage: 'Dommage causé',
};

export const DECISION_OUTCOME_LABELS: Readonly<Record<DecisionOutcome, string>> = {
  full_refund: 'Remboursement total',
  partial_refund: 'Remboursement partiel',
  pay_seller: 'Paiement du vendeur',
  split: 'Partage',
};

const REASON_WORDS: Record<DisputeReason, string> = {
  late_delivery: 'late delivery',
  not_as_described: 'not as described',
  no_response: 'no response',
  revision_refused: 'revision refused',
  cancellation_refused: 'cancellation refused',
  other: 'other',
  chargeback: 'chargeback',
  no_show: 'no-show',
  poor_quality: 'poor quality',
  damage: 'damage',
};

const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  full_refund: 'full refund',
  partial_refund: 'partial refund',
  pay_seller: 'payment to the seller',
  split: 'split',
};

type Role = DisputeOpenerRole | MediationStaffRole;
type Words = { roles: Record<Role, string>; payer: string; payee: string };

const ORDER_WORDS: Words = {
  roles: {
    buyer: 'Buyer',
    seller: 'Seller',
    system: 'System',
    mediator: 'Mediator',
    admin: 'Admin',
  },
  payer: 'the buyer',
  payee: 'the seller',
};

/** On a mission the buyer slot is the client and the seller slot the provider. */
const MISSION_WORDS: Words = {
  roles: { ...ORDER_WORDS.roles, buyer: 'Client', seller: 'Provider' },
  payer: 'the client',
  payee: 'the provider',
};

const wordsFor = (subjectKind: string | undefined): Words =>
  subjectKind === 'mission' ? MISSION_WORDS : ORDER_WORDS;

/** `123456` -> `€1,234.56`, from integer cents without going through a float. */
export function formatEuros(amount: Cents): string {
  const units = Math.floor(amount / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `€${units}.${String(amount % 100).padStart(2, '0')}`;
}

function distribution(refundCents: Cents, releaseCents: Cents, words: Words): string {
  return `${formatEuros(refundCents)} refunded to ${words.payer}, ${formatEuros(releaseCents)} released to ${words.payee}`;
}

function evidence(count: number): string {
  if (count === 0) return '';
  return count === 1 ? ' with 1 piece of evidence' : ` with ${count} pieces of evidence`;
}

/**
 * One plain-English line for the case-history timeline; ids and amounts stay in the raw event.
 * `subjectKind` names the parties as the subject does (client and provider on a mission).
 */
export function describeDisputeEvent(event: DisputeEvent, subjectKind?: string): string {
  const words = wordsFor(subjectKind);
  const ROLE_WORDS = words.roles;
  switch (event.type) {
    case 'DisputeOpened':
      return `${ROLE_WORDS[event.data.openerRole]} opened a dispute: ${REASON_WORDS[event.data.reason]}`;
    case 'DisputeStatementAdded': {
      const { authorRole, isResponse, evidenceRefs } = event.data;
      const verb = isResponse ? 'responded to the dispute' : 'added a statement';
      return `${ROLE_WORDS[authorRole]} ${verb}${evidence(evidenceRefs.length)}`;
    }
    case 'DisputeResponseDeadlineLapsed':
      return `${ROLE_WORDS[event.data.respondentRole]} did not respond before the deadline`;
    case 'DisputeAssigned': {
      const { assignedBy, mediatorId, previousMediatorId } = event.data;
      if (previousMediatorId !== null) return 'Case reassigned to another mediator';
      return assignedBy === mediatorId
        ? `${ROLE_WORDS[event.data.assignedByRole]} took the case`
        : 'Case assigned to a mediator';
    }
    case 'DisputeInternalNoteAdded':
      return `${ROLE_WORDS[event.data.authorRole]} added an internal note`;
    case 'DisputeSettlementProposed': {
      const { proposedByRole, refundCents, releaseCents, replacesSettlementId } = event.data;
      const what =
        replacesSettlementId === null ? 'proposed a settlement' : 'proposed a new settlement';
      return `${ROLE_WORDS[proposedByRole]} ${what}: ${distribution(refundCents, releaseCents, words)}`;
    }
    case 'DisputeSettlementAccepted':
      return `${ROLE_WORDS[event.data.byRole]} accepted the settlement`;
    case 'DisputeSettlementRejected':
      return `${ROLE_WORDS[event.data.byRole]} rejected the settlement`;
    case 'DisputeSettled':
      return `Dispute settled by agreement: ${distribution(event.data.refundCents, event.data.releaseCents, words)}`;
    case 'DisputeWithdrawn':
      return `${ROLE_WORDS[event.data.withdrawnByRole]} withdrew the dispute`;
    case 'DisputeDecided': {
      const { decidedByRole, outcome, refundCents, releaseCents } = event.data;
      return `${ROLE_WORDS[decidedByRole]} decided: ${OUTCOME_WORDS[outcome]} (${distribution(refundCents, releaseCents, words)})`;
    }
    default:
      return assertNever(event);
  }
}
