import type { PayoutCommand } from '../../domain/payouts';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a PayoutCommand to the `payout-<id>` stream through the CommandBus. */
export class PayoutCommandMessage extends AggregateCommandMessage<PayoutCommand> {}

export const payoutStream = (id: string) => `payout-${id}`;
