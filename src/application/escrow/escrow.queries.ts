import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ESCROW_STATUS_LABELS, escrowDecider } from '../../domain/escrow';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { escrowStream } from './escrow.messages';
import { EscrowView, GetEscrowQuery } from './escrow.query';

@QueryHandler(GetEscrowQuery)
export class GetEscrowHandler implements IQueryHandler<GetEscrowQuery, EscrowView | null> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ escrowId }: GetEscrowQuery): Promise<EscrowView | null> {
    const { state, revision } = await loadAggregate(
      this.store,
      escrowStream(escrowId),
      escrowDecider,
    );
    if (state.status === 'none') return null;
    return {
      escrowId: state.escrowId,
      subject: state.subject,
      payerId: state.payerId,
      payeeId: state.payeeId,
      status: state.status,
      statusLabel: ESCROW_STATUS_LABELS[state.status],
      commissionRateBp: state.commissionRateBp,
      fundedCents: state.fundedCents,
      releasedCents: state.releasedCents,
      refundedCents: state.refundedCents,
      heldCents: state.heldCents,
      commissionCents: state.commissionCents,
      payeeNetCents: state.payeeNetCents,
      frozenByDisputeId: state.status === 'frozen' ? state.disputeId : null,
      revision: String(revision),
    };
  }
}
