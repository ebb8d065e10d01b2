import { Inject, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  disputeDecider,
  DisputeEvent,
  DisputeOpened,
  DisputeState,
  DisputeSubject,
  OpenDispute,
} from '../../domain/disputes';
import { ConcurrencyError, DomainError } from '../../domain/shared';
import { HandleResult } from '../shared/command-handling';
import { DisputeCause, DisputeEffects } from './dispute-effects';
import { DISPUTE_SETTINGS, DisputeSettings } from './dispute-settings';
import {
  ChargebackOpening,
  DisputeCommandMessage,
  OpenChargebackDispute,
} from './dispute.messages';

/**
 * A card dispute at the bank opens a case as the system on the buyer's behalf. As for a party's
 * contest, the order decides first: a refusal (the order completed, or another dispute froze it)
 * is thrown before any dispute stream exists, so a refused chargeback leaves no trace.
 */
@CommandHandler(OpenChargebackDispute)
export class OpenChargebackDisputeHandler implements ICommandHandler<
  OpenChargebackDispute,
  ChargebackOpening
> {
  private readonly logger = new Logger('OpenChargebackDispute');

  constructor(
    @Inject(DISPUTE_SETTINGS) private readonly settings: DisputeSettings,
    private readonly commandBus: CommandBus,
    private readonly effects: DisputeEffects,
  ) {}

  async execute({
    chargeback,
    meta,
    causation,
  }: OpenChargebackDispute): Promise<ChargebackOpening> {
    const { disputeId, openedEventId, escrowId } = chargeback;
    const escrow = await this.effects.escrowView(escrowId);
    if (escrow.status === 'none' || escrow.subject === null)
      return { opened: false, unknownEscrow: escrowId };
    const subject = escrow.subject as DisputeSubject;
    const order = subject.kind === 'order' ? await this.effects.orderView(subject.id) : null;
    // A redelivery finishes an opening whose process stopped after contesting the order.
    const resumed = order?.contest?.disputeId === disputeId ? order.contest.previousStatus : null;
    const open = (orderStatus: string): OpenDispute => ({
      type: 'OpenDispute',
      data: {
        disputeId,
        subject: { kind: subject.kind, id: subject.id },
        buyerId: escrow.payerId,
        sellerId: escrow.payeeId,
        escrowId,
        reason: 'chargeback',
        statement: `Card payment disputed at the bank (${chargeback.bankReason}), ${chargeback.amountCents} cents, reference ${chargeback.gatewayDisputeId}.`,
        evidenceRefs: [],
        orderStatus,
        heldCents: escrow.heldCents,
        responseDeadlineDays: this.settings.responseDeadlineDays,
      },
      meta,
    });
    // Decided once without writing, so what the dispute refuses never reaches the order.
    disputeDecider.decide(
      open(resumed ?? order?.status ?? 'active'),
      disputeDecider.initialState(),
    );

    const cause: DisputeCause = {
      disputeId,
      eventId: openedEventId,
      occurredAt: meta.now,
      actorId: meta.actorId,
      actorRole: meta.actorRole,
      correlationId: causation.correlationId,
    };
    // The order names its contester and only a party may contest: the system acts for the buyer.
    const orderStatus =
      order === null
        ? 'active'
        : (resumed ??
          (await this.effects.contest(
            subject.id,
            disputeId,
            'chargeback',
            { now: meta.now, actorId: escrow.payerId, actorRole: meta.actorRole },
            cause,
          )));
    const result: HandleResult<DisputeState, DisputeEvent> = await this.commandBus.execute(
      new DisputeCommandMessage(disputeId, open(orderStatus), causation, {
        eventIds: () => openedEventId,
      }),
    );
    const opened = result.events.find((e): e is DisputeOpened => e.type === 'DisputeOpened');
    if (opened) {
      try {
        await this.effects.freeze(opened.data, cause);
      } catch (error) {
        if (error instanceof DomainError && !(error instanceof ConcurrencyError)) throw error;
        // The dispute reactor freezes the escrow on DisputeOpened if this attempt did not.
        this.logger.warn(
          `Freezing for chargeback ${disputeId} left to the reactor: ${String(error)}`,
        );
      }
    }
    return { opened: true, disputeId };
  }
}
