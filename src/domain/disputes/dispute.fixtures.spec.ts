// Shared builders for the dispute specs; the `.spec.ts` suffix keeps them out of the production build.
import type { ActorRole, CommandMeta } from '../shared';
import type { DisputeCommand } from './dispute.commands';
import type {
  DisputeAssigned,
  DisputeDecided,
  DisputeOpened,
  DisputeSettlementAccepted,
  DisputeSettlementProposed,
  DisputeStatementAdded,
  DisputeWithdrawn,
} from './dispute.events';

export const NOW = '2025-03-10T09:00:00.000Z';
export const RESPONSE_DUE = '2025-03-15T09:00:00.000Z';
export const DISPUTE_ID = 'dsp-1';
export const ORDER_ID = 'ord-1';
export const ESCROW_ID = 'esc-1';
export const BUYER = 'acc-buyer';
export const SELLER = 'acc-seller';
export const MEDIATOR = 'acc-mediator';
export const OTHER_MEDIATOR = 'acc-mediator-2';
export const ADMIN = 'acc-admin';
export const STRANGER = 'acc-stranger';
export const HELD = 10_000;

const meta = (actorId: string, actorRole: ActorRole, now = NOW): CommandMeta => ({
  now,
  actorId,
  actorRole,
});

export const as = {
  buyer: meta(BUYER, 'client'),
  seller: meta(SELLER, 'provider'),
  mediator: meta(MEDIATOR, 'mediator'),
  otherMediator: meta(OTHER_MEDIATOR, 'mediator'),
  admin: meta(ADMIN, 'admin'),
  finance: meta('acc-finance', 'finance'),
  stranger: meta(STRANGER, 'client'),
  system: meta('sys-scheduler', 'system'),
};

/** The same actor at another instant. */
export const at = (actor: CommandMeta, now: string): CommandMeta => ({ ...actor, now });

type CommandOf<T extends DisputeCommand['type']> = Extract<DisputeCommand, { type: T }>;

export function command<T extends DisputeCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  by: CommandMeta,
): CommandOf<T> {
  return { type, data, meta: by } as CommandOf<T>;
}

export const openCommand = (
  data: Partial<CommandOf<'OpenDispute'>['data']> = {},
  by: CommandMeta = as.buyer,
): CommandOf<'OpenDispute'> =>
  command(
    'OpenDispute',
    {
      disputeId: DISPUTE_ID,
      subject: { kind: 'order', id: ORDER_ID },
      buyerId: BUYER,
      sellerId: SELLER,
      escrowId: ESCROW_ID,
      reason: 'late_delivery',
      statement: 'Nothing delivered after the agreed 3 days.',
      orderStatus: 'active',
      heldCents: HELD,
      ...data,
    },
    by,
  );

export const opened = (data: Partial<DisputeOpened['data']> = {}): DisputeOpened => ({
  type: 'DisputeOpened',
  data: {
    disputeId: DISPUTE_ID,
    subject: { kind: 'order', id: ORDER_ID },
    buyerId: BUYER,
    sellerId: SELLER,
    escrowId: ESCROW_ID,
    reason: 'late_delivery',
    statement: 'Nothing delivered after the agreed 3 days.',
    evidenceRefs: [],
    openedBy: BUYER,
    openerRole: 'buyer',
    respondentId: SELLER,
    respondentRole: 'seller',
    openedAt: NOW,
    responseDeadlineDays: 5,
    responseDueAt: RESPONSE_DUE,
    heldCents: HELD,
    orderStatusAtOpening: 'active',
    ...data,
  },
});

export const statementAdded = (
  data: Partial<DisputeStatementAdded['data']> = {},
): DisputeStatementAdded => ({
  type: 'DisputeStatementAdded',
  data: {
    disputeId: DISPUTE_ID,
    statementId: 'stm-1',
    authorId: SELLER,
    authorRole: 'seller',
    text: 'The buyer never sent the brief.',
    evidenceRefs: [],
    addedAt: '2025-03-11T09:00:00.000Z',
    isResponse: true,
    ...data,
  },
});

export const assigned = (data: Partial<DisputeAssigned['data']> = {}): DisputeAssigned => ({
  type: 'DisputeAssigned',
  data: {
    disputeId: DISPUTE_ID,
    mediatorId: MEDIATOR,
    assignedBy: MEDIATOR,
    assignedByRole: 'mediator',
    previousMediatorId: null,
    ...data,
  },
});

export const proposed = (
  data: Partial<DisputeSettlementProposed['data']> = {},
): DisputeSettlementProposed => ({
  type: 'DisputeSettlementProposed',
  data: {
    disputeId: DISPUTE_ID,
    settlementId: 'stl-1',
    proposedBy: MEDIATOR,
    proposedByRole: 'mediator',
    refundCents: 4_000,
    releaseCents: 6_000,
    heldCents: HELD,
    replacesSettlementId: null,
    ...data,
  },
});

export const acceptedBy = (
  byRole: 'buyer' | 'seller',
  settlementId = 'stl-1',
): DisputeSettlementAccepted => ({
  type: 'DisputeSettlementAccepted',
  data: { disputeId: DISPUTE_ID, settlementId, by: byRole === 'buyer' ? BUYER : SELLER, byRole },
});

export const decided = (data: Partial<DisputeDecided['data']> = {}): DisputeDecided => ({
  type: 'DisputeDecided',
  data: {
    disputeId: DISPUTE_ID,
    decisionId: 'dec-1',
    decidedBy: MEDIATOR,
    decidedByRole: 'mediator',
    outcome: 'full_refund',
    refundCents: HELD,
    releaseCents: 0,
    reasoning: 'Nothing was delivered.',
    heldCents: HELD,
    subject: { kind: 'order', id: ORDER_ID },
    escrowId: ESCROW_ID,
    buyerId: BUYER,
    sellerId: SELLER,
    ...data,
  },
});

export const withdrawn = (data: Partial<DisputeWithdrawn['data']> = {}): DisputeWithdrawn => ({
  type: 'DisputeWithdrawn',
  data: {
    disputeId: DISPUTE_ID,
    withdrawnBy: BUYER,
    withdrawnByRole: 'buyer',
    subject: { kind: 'order', id: ORDER_ID },
    escrowId: ESCROW_ID,
    orderStatusToRestore: 'active',
    ...data,
  },
});

/** One valid command of every kind but OpenDispute, for "refused in this state" tables. */
export const everyFollowUpCommand = (): [string, DisputeCommand][] => [
  [
    'AddStatement',
    command('AddStatement', { statementId: 'stm-9', text: 'More.', evidenceRefs: [] }, as.buyer),
  ],
  ['AssignMediator', command('AssignMediator', { mediatorId: MEDIATOR }, as.mediator)],
  [
    'AddInternalNote',
    command('AddInternalNote', { noteId: 'note-9', text: 'Check chat.' }, as.mediator),
  ],
  [
    'ProposeSettlement',
    command(
      'ProposeSettlement',
      { settlementId: 'stl-9', refundCents: 5_000, releaseCents: 5_000 },
      as.admin,
    ),
  ],
  ['AcceptSettlement', command('AcceptSettlement', { settlementId: 'stl-1' }, as.buyer)],
  ['RejectSettlement', command('RejectSettlement', { settlementId: 'stl-1' }, as.seller)],
  ['WithdrawDispute', command('WithdrawDispute', {}, as.buyer)],
  [
    'DecideDispute',
    command(
      'DecideDispute',
      { decisionId: 'dec-9', outcome: 'pay_seller', reasoning: 'Delivered.', heldCents: HELD },
      as.admin,
    ),
  ],
];
