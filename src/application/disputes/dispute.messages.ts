import { Command } from '@nestjs/cqrs';
import type { DisputeCommand, DisputeState } from '../../domain/disputes';
import type { CommandMeta } from '../../domain/shared';
import { AggregateCommandMessage } from '../shared/aggregate-command';
import type { CausationContext } from '../shared/command-handling';

/** Published contract: send a DisputeCommand to the `dispute-<id>` stream through the CommandBus. */
export class DisputeCommandMessage extends AggregateCommandMessage<DisputeCommand, DisputeState> {}

export const disputeStream = (id: string) => `dispute-${id}`;

/** What the bank reported: a card payment disputed, with the ids derived from the bank's dispute. */
export interface Chargeback {
  disputeId: string;
  /** The id of the DisputeOpened event, so a redelivered notification appends it once. */
  openedEventId: string;
  escrowId: string;
  gatewayDisputeId: string;
  amountCents: number;
  /** The bank's reason code (`fraudulent`, ...). */
  bankReason: string;
}

export type ChargebackOpening =
  { opened: true; disputeId: string } | { opened: false; unknownEscrow: string };

/**
 * Published contract: open a dispute as the system on the buyer's behalf for a chargeback.
 * The order decides first, as for a party's contest; its refusal is thrown and nothing is written.
 */
export class OpenChargebackDispute extends Command<ChargebackOpening> {
  constructor(
    readonly chargeback: Chargeback,
    readonly meta: CommandMeta,
    readonly causation: CausationContext,
  ) {
    super();
  }
}
