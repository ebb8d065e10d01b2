import type { EscrowEvent } from '../../../domain/escrow';
import type { OrderEvent } from '../../../domain/orders';
import { formatEuros } from '../../../domain/disputes';

/** Who an account is in this case, for plain-words lines. */
export type CaseRoleOf = (accountId: string) => string;

const QUOTE_MAX = 120;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `“${flat.slice(0, QUOTE_MAX - 1)}…”` : `“${flat}”`;
}

function files(count: number): string {
  if (count === 0) return '';
  return count === 1 ? ' with 1 file' : ` with ${count} files`;
}

/** Dates in the lines stay UTC and to the minute: the raw event keeps the exact instant. */
function day(instant: string): string {
  return `${instant.slice(0, 16).replace('T', ' ')} UTC`;
}

const STATUS_WORDS: Record<string, string> = {
  active: 'in progress',
  delivered: 'delivered',
  in_revision: 'in revision',
};

const CANCELLATION_WORDS: Record<string, string> = {
  buyer_before_start: 'the buyer cancelled before the start',
  seller_declined: 'the seller declined the order',
  late_delivery: 'late delivery',
  mutual: 'mutual agreement',
};

const RELEASE_WORDS: Record<string, string> = {
  accepted: 'after the buyer accepted',
  auto_accepted: 'after automatic acceptance',
  decision: 'by decision',
  tranche_released: 'for a tranche',
};

const REFUND_WORDS: Record<string, string> = {
  cancelled: 'after cancellation',
  decision: 'by decision',
  late_delivery: 'for late delivery',
  seller_declined: 'after the seller declined',
  mutual: 'by mutual agreement',
};

/** One plain-English line per order event (the conversation included). */
export function describeOrderEvent(
  raw: { type: string; data: unknown },
  roleOf: CaseRoleOf,
): string {
  const event = raw as OrderEvent;
  switch (event.type) {
    case 'OrderPlaced':
      return `Buyer placed the order for ${formatEuros(event.data.amountCents)} (commission ${formatEuros(event.data.commissionCents)})`;
    case 'OrderMessagePosted': {
      const { automatic, authorId, text, fileRefs } = event.data;
      // Raw data: a shape the upcasters did not see (a test's or a replay tool's) may lack the spans.
      const kinds = [...new Set((event.data.contactDetails ?? []).map((d) => d.kind))];
      const flag = kinds.length
        ? ` (contact details masked for the other party: ${kinds.join(', ')})`
        : '';
      if (automatic) return `${roleOf(authorId)}’s automatic opening message was sent${flag}`;
      return `${roleOf(authorId)} wrote${files(fileRefs.length)}: ${quote(text)}${flag}`;
    }
    case 'OrderStarted':
      return `Seller started the work; delivery due ${day(event.data.deliveryDueAt)}`;
    case 'OrderDeliveryLate':
      return `Delivery is late (it was due ${day(event.data.dueAt)})`;
    case 'OrderDelivered': {
      const { revisionRound, late, fileRefs } = event.data;
      const what =
        revisionRound === 0 ? 'delivered the work' : `delivered revision ${revisionRound}`;
      return `Seller ${what}${late ? ' late' : ''}${files(fileRefs.length)}`;
    }
    case 'OrderRevisionRequested':
      return `Buyer asked for a revision (round ${event.data.revisionRound})`;
    case 'OrderCompleted':
      return event.data.auto
        ? 'Order completed automatically after the review period'
        : 'Buyer accepted the delivery; the order is completed';
    case 'OrderReviewed':
      return `Buyer left a ${event.data.rating}-star review`;
    case 'OrderCancellationRequested':
      return `${roleOf(event.data.requestedBy)} asked to cancel the order`;
    case 'OrderCancellationDeclined':
      return `${roleOf(event.data.declinedBy)} declined the cancellation`;
    case 'OrderCancelled': {
      const why = CANCELLATION_WORDS[event.data.reason] ?? event.data.reason;
      return `Order cancelled (${why}); ${formatEuros(event.data.refundCents)} to be refunded to the buyer`;
    }
    case 'OrderCancellationMarkAmended':
      return event.data.action === 'withdrawn'
        ? `${roleOf(event.data.amendedBy)} withdrew the cancellation mark`
        : `${roleOf(event.data.amendedBy)} amended the cancellation mark`;
    case 'OrderContested':
      return `${roleOf(event.data.contestedBy)} contested the order; it is frozen until the dispute ends`;
    case 'OrderContestWithdrawn': {
      const status = STATUS_WORDS[event.data.restoredStatus] ?? event.data.restoredStatus;
      return `Contest withdrawn; the order is ${status} again`;
    }
    case 'OrderPlacementAbandoned':
      return `Placement abandoned: the escrow was funded but the order never placed; ${formatEuros(event.data.refundCents)} to be refunded to the buyer`;
    case 'OrderAwaitingFunds':
      return `Order awaiting ${formatEuros(event.data.amountCents)} by ${event.data.paymentMethod === 'paypal' ? 'PayPal' : 'bank transfer'} until ${event.data.fundsDueAt}`;
    case 'OrderFundsExpired':
      return `Payment expired: the funds never arrived by ${event.data.fundsDueAt}`;
    case 'OrderResolved': {
      const { refundedCents, releasedCents, commissionCents } = event.data;
      return `Order resolved: ${formatEuros(refundedCents)} refunded to the buyer, ${formatEuros(releasedCents)} released to the seller (commission ${formatEuros(commissionCents)})`;
    }
    default:
      event satisfies never;
      return `Order event ${(raw as { type: string }).type}`;
  }
}

/** `subjectKind` names the parties as the subject does (client and provider on a mission or a project). */
export function describeEscrowEvent(
  raw: { type: string; data: unknown },
  subjectKind = 'order',
): string {
  const event = raw as EscrowEvent;
  const [payer, payee] =
    subjectKind === 'mission' || subjectKind === 'project'
      ? ['client', 'provider']
      : ['buyer', 'seller'];
  switch (event.type) {
    case 'EscrowOpened':
      return `Escrow opened (commission rate ${event.data.commissionRateBp / 100} %)`;
    case 'EscrowFunded':
      return `Payment of ${formatEuros(event.data.amountCents)} received and held in escrow`;
    case 'EscrowReleased': {
      const { amountCents, commissionCents, payeeNetCents, reason } = event.data;
      return `${formatEuros(amountCents)} released to the ${payee} ${RELEASE_WORDS[reason] ?? reason} (commission ${formatEuros(commissionCents)}, ${payee} receives ${formatEuros(payeeNetCents)})`;
    }
    case 'EscrowRefunded':
      return `${formatEuros(event.data.amountCents)} refunded to the ${payer} ${REFUND_WORDS[event.data.reason] ?? event.data.reason}`;
    case 'EscrowFrozen':
      return 'Escrow frozen by the dispute: no money moves until it ends';
    case 'EscrowUnfrozen':
      return 'Escrow unfrozen: the dispute is over';
    default:
      event satisfies never;
      return `Escrow event ${(raw as { type: string }).type}`;
  }
}
