import { creditsStream, type CreditsCommand, type CreditsState } from '../../domain/plans';
import { AggregateCommandMessage } from '../shared/aggregate-command';

/**
 * Published contract: send a CreditsCommand to `credits-<accountId>` through the CommandBus
 * (staff's bonus and refunds, the credits reactor). Spending goes through `CREDIT_SPENDING`.
 */
export class CreditsCommandMessage extends AggregateCommandMessage<CreditsCommand, CreditsState> {}

export const creditsStreamOf = creditsStream;
