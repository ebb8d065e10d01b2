import { Query } from '@nestjs/cqrs';
import type { EscrowStatus, EscrowSubject } from '../../domain/escrow';

export interface EscrowView {
  escrowId: string;
  subject: EscrowSubject;
  payerId: string;
  payeeId: string;
  status: EscrowStatus;
  statusLabel: string;
  commissionRateBp: number;
  fundedCents: number;
  releasedCents: number;
  refundedCents: number;
  heldCents: number;
  commissionCents: number;
  payeeNetCents: number;
  frozenByDisputeId: string | null;
  revision: string;
}

/** Published contract: an escrow's balance from its stream; the caller checks who may see it. */
export class GetEscrowQuery extends Query<EscrowView | null> {
  constructor(readonly escrowId: string) {
    super();
  }
}
