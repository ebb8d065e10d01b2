import type { WalletCommand } from '../../domain/payouts';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a WalletCommand to the `wallet-<id>` stream through the CommandBus. */
export class WalletCommandMessage extends AggregateCommandMessage<WalletCommand> {}

export const walletStream = (id: string) => `wallet-${id}`;
