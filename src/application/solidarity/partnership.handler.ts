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
import { Notifications } from '../notifications/notifications.port';
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
    @Optional() private readonly notifications?: Notifications,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  async execute(
    message: PartnershipCommandMessage,
  ): Promise<HandleResult<PartnershipState, PartnershipEvent>> {
    const command = message.command as PartnershipCommand;
    const result = await handleCommand(
      this.store,
      partnershipStream(message.aggregateId),
      partnershipDecider,
      () => this.complete(command),
      message.causation,
      { cache: this.cache, ...message.options },
    );
    await this.tell(result);
    return result;
  }

  /** The association is told by e-mail when it becomes a partner and when it stops being one. */
  private async tell(result: HandleResult<PartnershipState, PartnershipEvent>): Promise<void> {
    const event = result.events[0];
    const eventId = result.eventIds[0];
    if (!this.notifications || !event || !eventId) return;
    const template =
      event.type === 'AssociationPartnershipGranted'
        ? 'solidarity.partnership_granted'
        : 'solidarity.partnership_ended';
    const name = result.state.status === 'none' ? '' : result.state.name;
    await this.notifications.send({
      to: { accountId: event.data.associationId },
      template,
      data:
        event.type === 'AssociationPartnershipEnded'
          ? { name, reason: event.data.reason }
          : { name },
      idempotencyKey: `${template}:${eventId}`,
    });
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
