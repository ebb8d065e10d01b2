import { CommandHandler } from '@nestjs/cqrs';
import { accountDecider, verificationDecider } from '../../domain/identity';
import { aggregateCommandHandler } from '../shared/aggregate-command';
import { AccountCommandMessage, accountStream } from './account.messages';
import { VerificationCommandMessage, verificationStream } from './verification.messages';

/** Other contexts act on identity aggregates only through these bus handlers. */
@CommandHandler(AccountCommandMessage)
export class AccountCommandHandler extends aggregateCommandHandler(accountDecider, accountStream) {}

@CommandHandler(VerificationCommandMessage)
export class VerificationCommandHandler extends aggregateCommandHandler(
  verificationDecider,
  verificationStream,
) {}
