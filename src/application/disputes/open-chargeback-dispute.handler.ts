import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { disputeDecider, DisputeSubject, OpenDispute } from '../../domain/disputes';
import { DisputeCause, DisputeEffects } from './dispute-effects';
import { DISPUTE_SETTINGS, DisputeSettings } from './dispute-settings';
import { ChargebackOpening, OpenChargebackDispute } from './dispute.messages';

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
  constructor(
    @Inject(DISPUTE_SETTINGS) private readonly settings: DisputeSettings,
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
    await this.effects.openAndFreeze(disputeId, open(orderStatus), causation, openedEventId, cause);
    return { opened: true, disputeId };
  }
}
