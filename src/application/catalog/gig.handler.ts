import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GigEvent, GigState, PublishGig, gigDecider } from '../../domain/catalog';
import { DomainError } from '../../domain/shared';
import { handleCommand, HandleResult } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { GigCommandMessage, gigStream } from './gig.messages';
import { ProviderVerificationPort } from './provider-verification.port';
import {
  loadSellerGigSlots,
  releaseSellerGigSlot,
  SellerGigSlots,
  takeSellerGigSlot,
} from './seller-gigs.index';

/**
 * Every GigCommandMessage lands here. Publishing fills in the seller's published-gig count and
 * verification itself, whoever sent the command, so the 5-gig limit and the document check hold.
 */
@CommandHandler(GigCommandMessage)
export class GigCommandHandler implements ICommandHandler<
  GigCommandMessage,
  HandleResult<GigState, GigEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly verification: ProviderVerificationPort,
  ) {}

  async execute(message: GigCommandMessage): Promise<HandleResult<GigState, GigEvent>> {
    const { command } = message;
    if (command.type === 'PublishGig') return this.publish(message, command);
    const result = await handleCommand(
      this.store,
      gigStream(message.aggregateId),
      gigDecider,
      command,
      message.causation,
      message.options,
    );
    if (
      (command.type === 'PauseGig' || command.type === 'ArchiveGig') &&
      result.events.length > 0 &&
      result.state.status !== 'none'
    ) {
      await releaseSellerGigSlot(
        this.store,
        result.state.sellerId,
        result.state.gigId,
        command.meta,
        message.causation,
      );
    }
    return result;
  }

  /**
   * Publishing takes a slot in the seller's index stream just before the gig's own append; a
   * publication that ends refused (or loses every retry) gives back the slot it took.
   */
  private async publish(
    message: GigCommandMessage,
    command: PublishGig,
  ): Promise<HandleResult<GigState, GigEvent>> {
    const { gigId } = command.data;
    // What the attempt being decided read about its seller; each retry reads it again.
    let read: { sellerId: string; slots: SellerGigSlots } | undefined;
    let slotTakenFor: string | null = null;
    try {
      return await handleCommand(
        this.store,
        gigStream(message.aggregateId),
        gigDecider,
        async (gig): Promise<PublishGig> => {
          const sellerId = gig.status === 'none' ? command.meta.actorId : gig.sellerId;
          const slots = await loadSellerGigSlots(this.store, sellerId);
          const verification = await this.verification.check(sellerId, command.meta.now);
          read = { sellerId, slots };
          return {
            ...command,
            data: {
              ...command.data,
              publishedGigCountOfSeller: [...slots.gigIds].filter((id) => id !== gigId).length,
              sellerVerified: verification.verified,
              missingDocuments: verification.missingDocuments,
            },
          };
        },
        message.causation,
        {
          ...message.options,
          beforeAppend: async () => {
            if (!read || read.slots.gigIds.has(gigId)) return;
            await takeSellerGigSlot(
              this.store,
              read.sellerId,
              gigId,
              read.slots,
              command.meta,
              message.causation,
            );
            slotTakenFor = read.sellerId;
          },
        },
      );
    } catch (error) {
      if (slotTakenFor !== null && error instanceof DomainError)
        await releaseSellerGigSlot(
          this.store,
          slotTakenFor,
          gigId,
          command.meta,
          message.causation,
        );
      throw error;
    }
  }
}
