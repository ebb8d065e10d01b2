import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import {
  partnershipDecider,
  type PartnershipCommand,
  type PartnershipEvent,
  type PartnershipState,
} from '../../domain/solidarity';
import {
  AssociationVerificationStatus,
  GetAssociationVerificationQuery,
} from '../identity/association-verification.query';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { handleCommand, HandleResult } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { PartnershipCommandMessage, partnershipStream } from './partnership.messages';

/**
 * Every PartnershipCommandMessage lands here. A grant is decided on the association's standing as
 * the identity context reads it at that instant (verified, official name), asked again at each retry.
 */
@CommandHandler(PartnershipCommandMessage)
export class PartnershipCommandHandler implements ICommandHandler<
  PartnershipCommandMessage,
  HandleResult<PartnershipState, PartnershipEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: QueryBus,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  execute(
    message: PartnershipCommandMessage,
  ): Promise<HandleResult<PartnershipState, PartnershipEvent>> {
    const command = message.command as PartnershipCommand;
    return handleCommand(
      this.store,
      partnershipStream(message.aggregateId),
      partnershipDecider,
      () => this.complete(command),
      message.causation,
      { cache: this.cache, ...message.options },
    );
  }

  private async complete(command: PartnershipCommand): Promise<PartnershipCommand> {
    if (command.type !== 'GrantPartnership') return command;
    const status = await this.queries.execute<
      GetAssociationVerificationQuery,
      AssociationVerificationStatus
    >(new GetAssociationVerificationQuery(command.data.associationId, command.meta.now));
    const standing = {
      verified: status.verified,
      officialName: status.registration?.officialName ?? null,
    };
    return { ...command, data: { ...command.data, standing } };
  }
}
