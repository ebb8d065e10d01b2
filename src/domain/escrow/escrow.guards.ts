import { assertNever, Cents, CommandMeta } from '../shared';
import {
  ESCROW_SUBJECT_KINDS,
  EscrowSubject,
  REFUND_REASONS,
  RELEASE_REASONS,
  RefundReason,
  ReleaseReason,
} from './escrow.events';
import {
  invalidAmount,
  escrowClosed,
  frozen,
  invalidField,
  notAParty,
  notFrozen,
  notFunded,
  onlyMediator,
  onlyPayer,
  onlySystem,
  onlySystemOrMediator,
  projectCommissionRefused,
  fundingCapExceeded,
  trancheNotFound,
  trancheAmountMismatch,
} from './escrow.errors';
import { OpenedEscrowState } from './escrow.state';

/** Zero is refused too: an empty movement would be a meaningless fact in the log. */
export function assertPositiveCents(value: unknown, field: string): asserts value is Cents {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
    throw invalidAmount(field, value);
}

export function assertId(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '')
    throw invalidField(field, value, 'a non-empty string');
}

export function assertSubject(value: unknown): asserts value is EscrowSubject {
  const subject = value as Partial<EscrowSubject> | undefined;
  if (!subject || !(ESCROW_SUBJECT_KINDS as readonly unknown[]).includes(subject.kind)) {
    throw invalidField('subject.kind', subject?.kind, `one of ${ESCROW_SUBJECT_KINDS.join(', ')}`);
  }
  assertId(subject.id, 'subject.id');
}

export function assertCommissionRate(value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 10_000) {
    throw invalidField('commissionRateBp', value, 'an integer between 0 and 10000 basis points');
  }
}

/** A tender project's account is the client's money for the provider: the platform lives off the fees. */
export function assertNoCommissionOnProject(
  subject: EscrowSubject,
  commissionRateBp: number,
): void {
  if (subject.kind === 'project' && commissionRateBp !== 0)
    throw projectCommissionRefused(commissionRateBp);
}

export function assertReleaseReason(value: unknown): asserts value is ReleaseReason {
  if (!(RELEASE_REASONS as readonly unknown[]).includes(value)) {
    throw invalidField('reason', value, `one of ${RELEASE_REASONS.join(', ')}`);
  }
}

export function assertRefundReason(value: unknown): asserts value is RefundReason {
  if (!(REFUND_REASONS as readonly unknown[]).includes(value)) {
    throw invalidField('reason', value, `one of ${REFUND_REASONS.join(', ')}`);
  }
}

/** A decision names the dispute that froze the escrow and the decision it carries out. */
export function decisionRefs(
  reason: string,
  data: { disputeId?: string; decisionId?: string },
): { disputeId: string; decisionId: string } | undefined {
  if (reason !== 'decision') return undefined;
  assertId(data.disputeId, 'disputeId');
  assertId(data.decisionId, 'decisionId');
  return { disputeId: data.disputeId, decisionId: data.decisionId };
}

/** Paying in is the payer's act, or the platform's when the gateway confirms a payment. */
export function assertMayFund(payerId: string, meta: CommandMeta): void {
  if (meta.actorRole !== 'system' && meta.actorId !== payerId) throw onlyPayer();
}

export function assertMayRelease(
  state: OpenedEscrowState,
  reason: ReleaseReason,
  meta: CommandMeta,
): void {
  switch (reason) {
    case 'accepted':
    case 'tranche_released':
      if (meta.actorId !== state.payerId) throw onlyPayer();
      return;
    case 'auto_accepted':
    case 'cancellation_fee':
      if (meta.actorRole !== 'system') throw onlySystem();
      return;
    case 'decision':
      if (!mayDecide(meta)) throw onlyMediator();
      return;
    default:
      assertNever(reason);
  }
}

/** Arbitration staff: the disputes context lets a mediator or an admin decide. */
function mayDecide(meta: CommandMeta): boolean {
  return meta.actorRole === 'mediator' || meta.actorRole === 'admin';
}

/** Refunds follow a cancellation or a decision; no party triggers one directly. */
export function assertMayRefund(reason: RefundReason, meta: CommandMeta): void {
  if (reason === 'decision') {
    if (!mayDecide(meta)) throw onlyMediator();
    return;
  }
  if (meta.actorRole !== 'system' && meta.actorRole !== 'mediator') throw onlySystemOrMediator();
}

/** Either party contests; the platform or a mediator may freeze on their behalf. */
export function assertMayFreeze(state: OpenedEscrowState, meta: CommandMeta): void {
  const isParty = meta.actorId === state.payerId || meta.actorId === state.payeeId;
  if (!isParty && meta.actorRole !== 'system' && meta.actorRole !== 'mediator') throw notAParty();
}

/** Unfreezing follows a withdrawal recorded on the dispute, so only the platform or a mediator sends it. */
export function assertMayUnfreeze(meta: CommandMeta): void {
  if (meta.actorRole !== 'system' && meta.actorRole !== 'mediator') throw onlySystemOrMediator();
}

/** Shared gate for release and refund: money moves only out of a funded, unfrozen escrow, or by decision. */
export function assertMayMoveMoney(
  state: OpenedEscrowState,
  decision: { disputeId: string } | undefined,
): void {
  switch (state.status) {
    case 'awaiting_funding':
      throw notFunded(state.status);
    case 'closed':
      throw escrowClosed(state.status);
    case 'frozen':
      // The arbitration decision is the only way to move frozen money.
      if (decision?.disputeId !== state.disputeId) throw frozen(state.disputeId);
      return;
    case 'held':
      if (decision) throw notFrozen(state.status);
      return;
    default:
      assertNever(state);
  }
}

/** A tranche's label, trimmed, kept only when given (orders and missions name none). */
export function trancheLabel(label: unknown): { label: string } | Record<string, never> {
  if (label === undefined) return {};
  if (typeof label !== 'string' || label.trim() === '' || label.length > 200)
    throw invalidField('label', label, 'a non-empty text of at most 200 characters');
  return { label: label.trim() };
}

/** A project's account is never funded beyond the agreed amount the application passes in. */
export function assertWithinCap(
  fundedCents: Cents,
  amountCents: Cents,
  maxFundedCents: number | undefined,
): void {
  if (maxFundedCents === undefined) return;
  if (!Number.isSafeInteger(maxFundedCents) || maxFundedCents < 0)
    throw invalidField('maxFundedCents', maxFundedCents, 'a non-negative integer of cents');
  if (fundedCents + amountCents > maxFundedCents)
    throw fundingCapExceeded(maxFundedCents, fundedCents, amountCents);
}

/** Releasing a named tranche pays exactly that tranche, and only by the client's tranche release. */
export function releasedTranche(
  state: OpenedEscrowState,
  reason: ReleaseReason,
  amountCents: Cents,
  trancheId: string | undefined,
): { trancheId: string } | Record<string, never> {
  if (trancheId === undefined) return {};
  assertId(trancheId, 'trancheId');
  if (reason !== 'tranche_released')
    throw invalidField('trancheId', trancheId, 'given only with reason tranche_released');
  if (!Object.hasOwn(state.tranches, trancheId)) throw trancheNotFound(trancheId);
  if (state.tranches[trancheId] !== amountCents)
    throw trancheAmountMismatch(trancheId, state.tranches[trancheId], amountCents);
  return { trancheId };
}
