import type { VerificationCommand } from '../../domain/identity';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/** Published contract: send a VerificationCommand to the `verification-<providerId>` stream. */
export class VerificationCommandMessage extends AggregateCommandMessage<VerificationCommand> {}

export const verificationStream = (providerId: string) => `verification-${providerId}`;
