import type { AccountCommand } from '../../domain/identity';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a AccountCommand to the `account-<id>` stream through the CommandBus. */
export class AccountCommandMessage extends AggregateCommandMessage<AccountCommand> {}

export const accountStream = (id: string) => `account-${id}`;
