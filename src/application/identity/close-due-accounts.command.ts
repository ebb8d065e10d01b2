import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccountClosureService, CloseDueResult } from './account-closure.service';

/**
 * Published contract for the worker: close, then erase, every account whose closure
 * (requested 2 business days earlier and not withdrawn) is due. Idempotent.
 */
export class CloseDueAccountsCommand {
  constructor(readonly limit = 100) {}
}

@CommandHandler(CloseDueAccountsCommand)
export class CloseDueAccountsHandler implements ICommandHandler<
  CloseDueAccountsCommand,
  CloseDueResult
> {
  constructor(private readonly accounts: AccountClosureService) {}

  execute(command: CloseDueAccountsCommand): Promise<CloseDueResult> {
    return this.accounts.closeDueAccounts(command.limit);
  }
}
