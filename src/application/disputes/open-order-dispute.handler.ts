import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  disputeDecider,
  DisputeEvent,
  DisputeReason,
  isClosed,
  OpenDispute,
} from '../../domain/disputes';
import { CommandMeta, DomainError, IllegalStateError, NotFoundError } from '../../domain/shared';
import { FileReferences } from '../files/file-references.contract';
import { CausationContext } from '../shared/command-handling';
import { EVENT_STORE, EventStore, IdempotencyConflictError } from '../shared/event-store.port';
import {
  nextDisputeOrdinal,
  readKnownDisputes,
  readOrderDisputes,
  storeReader,
} from './case/case-streams';
import { isOrderParty } from './case/order.view';
import { disputeEffectIds } from './deterministic-id';
import { caseResult, DisputeCaseResult } from './dispute-case.result';
import { DisputeCause, DisputeEffects } from './dispute-effects';
import { openWithEvidence } from './open-dispute.support';
import { DISPUTE_SETTINGS, DisputeSettings } from './dispute-settings';

/** A buyer or seller contests an order: the order takes the contest, then the dispute opens and the escrow freezes. */
export class OpenOrderDispute {
  constructor(
    readonly orderId: string,
    readonly input: { reason: DisputeReason; statement: string; evidenceRefs?: string[] },
    readonly meta: CommandMeta,
    readonly causation: CausationContext,
  ) {}
}

export const orderNotFound = (orderId: string) =>
  new NotFoundError('ORDER_NOT_FOUND', 'Order not found', { orderId });

const alreadyDisputed = (disputeId: string, currentStatus: string) =>
  new IllegalStateError('DISPUTE_ALREADY_OPENED', 'This order already has a dispute in progress', {
    currentStatus,
    disputeId,
  });

@CommandHandler(OpenOrderDispute)
export class OpenOrderDisputeHandler implements ICommandHandler<
  OpenOrderDispute,
  DisputeCaseResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DISPUTE_SETTINGS) private readonly settings: DisputeSettings,
    private readonly effects: DisputeEffects,
    private readonly files: FileReferences,
  ) {}

  async execute({ orderId, input, meta, causation }: OpenOrderDispute): Promise<DisputeCaseResult> {
    const order = await this.effects.orderView(orderId);
    // An outsider learns nothing, not even that the order exists.
    if (!isOrderParty(order, meta.actorId)) throw orderNotFound(orderId);

    const read = storeReader(this.store);
    const probed = await readOrderDisputes(read, orderId);
    const disputes = [...probed, ...(await readKnownDisputes(read, order.disputeIds, probed))];
    for (const { disputeId, events } of disputes) {
      const state = events.reduce(
        (s, e) => disputeDecider.evolve(s, { type: e.type, data: e.data } as DisputeEvent),
        disputeDecider.initialState(),
      );
      if (state.status !== 'none' && !isClosed(state))
        throw alreadyDisputed(disputeId, state.status);
    }
    // Buyer and seller opening at the same moment get the same id: the order takes only one contest.
    const disputeId = disputeEffectIds.dispute(orderId, nextDisputeOrdinal(orderId, disputes));
    // The same party's retry finishes an opening whose process stopped after contesting the order.
    const resumed =
      order.contest?.disputeId === disputeId && order.contest.contestedBy === meta.actorId
        ? order.contest.previousStatus
        : null;
    if (order.contest && resumed === null)
      throw alreadyDisputed(order.contest.disputeId, order.status);

    const escrow = await this.effects.escrowView(order.escrowId);
    const open = (orderStatus: string): OpenDispute => ({
      type: 'OpenDispute',
      data: {
        disputeId,
        subject: { kind: 'order', id: orderId },
        buyerId: order.buyerId,
        sellerId: order.sellerId,
        escrowId: order.escrowId,
        reason: input.reason,
        statement: input.statement,
        evidenceRefs: input.evidenceRefs ?? [],
        orderStatus,
        heldCents: escrow.heldCents,
        responseDeadlineDays: this.settings.responseDeadlineDays,
      },
      meta,
    });
    // Decided once without writing, so bad input is refused before the order is touched.
    disputeDecider.decide(open(resumed ?? order.status), disputeDecider.initialState());
    // Evidence must be the opener's own uploads; refused before the order is touched.
    return openWithEvidence(this.files, this.effects, {
      disputeId,
      meta,
      causation,
      evidenceRefs: input.evidenceRefs ?? [],
      takeIt: async (cause) =>
        resumed ?? (await this.contestOrder(orderId, disputeId, input, meta, cause)),
      command: open,
      answer: async (result) => {
        const [orderNow, escrowNow] = await Promise.all([
          this.effects.orderView(orderId),
          this.effects.escrowView(order.escrowId),
        ]);
        return caseResult(
          disputeId,
          result.state,
          result.nextExpectedRevision,
          result.events,
          orderNow,
          escrowNow,
        );
      },
    });
  }

  /** The order's refusal is the answer; losing to a concurrent opening reads as that opening. */
  private async contestOrder(
    orderId: string,
    disputeId: string,
    input: OpenOrderDispute['input'],
    meta: CommandMeta,
    cause: DisputeCause,
  ): Promise<string> {
    try {
      return await this.effects.contest(orderId, disputeId, input.reason, meta, cause);
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof IdempotencyConflictError))
        throw error;
      const now = await this.effects.orderView(orderId);
      if (now.contest) throw alreadyDisputed(now.contest.disputeId, now.status);
      throw error;
    }
  }
}
