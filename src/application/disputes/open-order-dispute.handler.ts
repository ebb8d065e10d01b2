import { Inject, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  disputeDecider,
  DisputeEvent,
  DisputeOpened,
  DisputeReason,
  DisputeState,
  isClosed,
} from '../../domain/disputes';
import {
  CommandMeta,
  ConcurrencyError,
  DomainError,
  IllegalStateError,
  NotFoundError,
} from '../../domain/shared';
import { CausationContext, HandleResult } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import {
  nextDisputeOrdinal,
  readKnownDisputes,
  readOrderDisputes,
  storeReader,
} from './case/case-streams';
import { isOrderParty } from './case/order.view';
import { disputeEffectIds } from './deterministic-id';
import { caseResult, DisputeCaseResult } from './dispute-case.result';
import { DisputeEffects } from './dispute-effects';
import { DISPUTE_SETTINGS, DisputeSettings } from './dispute-settings';
import { DisputeCommandMessage } from './dispute.messages';

/** A buyer or seller contests an order: the dispute opens, then the order and its escrow freeze. */
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
  private readonly logger = new Logger('OpenOrderDispute');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DISPUTE_SETTINGS) private readonly settings: DisputeSettings,
    private readonly commandBus: CommandBus,
    private readonly effects: DisputeEffects,
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
    if (order.contest) throw alreadyDisputed(order.contest.disputeId, order.status);

    // Buyer and seller opening at the same moment get the same id: the second is refused by the log.
    const disputeId = disputeEffectIds.dispute(orderId, nextDisputeOrdinal(orderId, disputes));
    const escrow = await this.effects.escrowView(order.escrowId);
    const openedId = disputeEffectIds.opened(disputeId);
    const result: HandleResult<DisputeState, DisputeEvent> = await this.commandBus.execute(
      new DisputeCommandMessage(
        disputeId,
        {
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
            orderStatus: order.status,
            heldCents: escrow.heldCents,
            responseDeadlineDays: this.settings.responseDeadlineDays,
          },
          meta,
        },
        causation,
        { eventIds: () => openedId },
      ),
    );
    const opened = result.events.find((e): e is DisputeOpened => e.type === 'DisputeOpened');
    if (opened) {
      try {
        await this.effects.freeze(opened.data, {
          disputeId,
          eventId: openedId,
          occurredAt: meta.now,
          actorId: meta.actorId,
          actorRole: meta.actorRole,
          correlationId: causation.correlationId,
        });
      } catch (error) {
        // A refusal was compensated (the dispute withdrawn) and is the caller's answer; anything else the reactor retries.
        if (error instanceof DomainError && !(error instanceof ConcurrencyError)) throw error;
        this.logger.warn(`Freezing for dispute ${disputeId} left to the reactor: ${String(error)}`);
      }
    }
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
  }
}
