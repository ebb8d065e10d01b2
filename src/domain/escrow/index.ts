import { Decider } from '../shared';
import type { EscrowCommand } from './escrow.commands';
import { decide } from './escrow.decide';
import { EscrowEvent } from './escrow.events';
import { EscrowState, evolve, initialState } from './escrow.state';

export * from './escrow.events';
export * from './escrow.errors';
export * from './escrow.balance';
export type {
  EscrowCommand,
  FreezeEscrow,
  FundEscrow,
  OpenEscrow,
  RefundEscrow,
  ReleaseEscrow,
  UnfreezeEscrow,
} from './escrow.commands';
export { ESCROW_STATUS_LABELS } from './escrow.state';
export type { EscrowData, EscrowState, EscrowStatus, OpenedEscrowState } from './escrow.state';

export const escrowDecider: Decider<EscrowCommand, EscrowState, EscrowEvent> = {
  decide,
  evolve,
  initialState,
};
export { refundDraws } from './escrow.tranche-draws';
export type { TrancheDraw } from './escrow.tranche-draws';
