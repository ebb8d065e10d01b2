import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateGig, GigCommand, GigEvent, GigState, gigDecider } from '../../domain/catalog';
import { DomainError } from '../../domain/shared';
import { handleCommand, HandleResult } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { GigCommandMessage, gigStream } from './gig.messages';
import { OwnGigsPort } from './own-gigs.port';
import { ProviderVerificationPort } from './provider-verification.port';
import {
  loadSellerGigSlots,
  releaseSellerGigSlot,
  SellerGigSlots,
  takeSellerGigSlot,
} from './seller-gigs.index';

/**
 * Every GigCommandMessage lands here. It fills in what the decider needs about the seller's other
 * gigs, whoever sent the command: creation takes a slot in the seller index (the exact 5-gig
 * limit) and, with edits, asks the read model for the closest own gig (the near-duplicate rule);
 * publishing reads the seller's verification and published count.
 */
@CommandHandler(GigCommandMessage)
export class GigCommandHandler implements ICommandHandler<
  GigCommandMessage,
  HandleResult<GigState, GigEvent>
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly verification: ProviderVerificationPort,
    private readonly ownGigs: OwnGigsPort,
  ) {}

  async execute(message: GigCommandMessage): Promise<HandleResult<GigState, GigEvent>> {
    const { command } = message;
    if (command.type === 'CreateGig') return this.create(message, command);
    const result = await handleCommand(
      this.store,
      gigStream(message.aggregateId),
      gigDecider,
      (gig) => this.complete(command, gig),
      message.causation,
      message.options,
    );
    if (
      command.type === 'ArchiveGig' &&
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

  /** Fills in, at each attempt, what an edit or a publication needs to know. */
  private async complete(command: GigCommand, gig: GigState): Promise<GigCommand> {
    if (gig.status === 'none') return command;
    if (command.type === 'UpdateGig') {
      const changes = command.data.changes ?? {};
      const title = changes.title ?? gig.details.title;
      const description = changes.description ?? gig.details.description;
      const changed = title !== gig.details.title || description !== gig.details.description;
      const similarOwnGig =
        changed && typeof title === 'string' && typeof description === 'string'
          ? await this.ownGigs.mostSimilar(gig.sellerId, { title, description }, gig.gigId)
          : null;
      return { ...command, data: { ...command.data, similarOwnGig } };
    }
    if (command.type === 'PublishGig') {
      const verification = await this.verification.check(gig.sellerId, command.meta.now);
      return {
        ...command,
        data: {
          ...command.data,
          // Best-effort from the read model: the exact limit is the 5 non-archived gigs at creation.
          publishedGigCountOfSeller: await this.ownGigs.publishedGigCount(gig.sellerId, gig.gigId),
          sellerVerified: verification.verified,
          missingDocuments: verification.missingDocuments,
        },
      };
    }
    return command;
  }

  /**
   * Creation takes a slot in the seller's index stream just before the gig's own append; a
   * creation that ends refused (or loses every retry) gives back the slot it took.
   */
  private async create(
    message: GigCommandMessage,
    command: CreateGig,
  ): Promise<HandleResult<GigState, GigEvent>> {
    const { gigId, title, description } = command.data;
    const sellerId = command.meta.actorId;
    // What the attempt being decided read about its seller; each retry reads it again.
    let slots: SellerGigSlots | undefined;
    let slotTaken = false;
    try {
      return await handleCommand(
        this.store,
        gigStream(message.aggregateId),
        gigDecider,
        async (): Promise<CreateGig> => {
          slots = await loadSellerGigSlots(this.store, sellerId, () =>
            this.ownGigs.nonArchivedGigIds(sellerId),
          );
          const similarOwnGig =
            typeof title === 'string' && typeof description === 'string'
              ? await this.ownGigs.mostSimilar(sellerId, { title, description }, gigId)
              : null;
          return {
            ...command,
            data: {
              ...command.data,
              gigCountOfSeller: [...slots.gigIds].filter((id) => id !== gigId).length,
              similarOwnGig,
            },
          };
        },
        message.causation,
        {
          ...message.options,
          beforeAppend: async () => {
            if (!slots || slots.gigIds.has(gigId)) return;
            await takeSellerGigSlot(
              this.store,
              sellerId,
              gigId,
              slots,
              command.meta,
              message.causation,
            );
            slotTaken = true;
          },
        },
      );
    } catch (error) {
      if (slotTaken && error instanceof DomainError)
        await releaseSellerGigSlot(this.store, sellerId, gigId, command.meta, message.causation);
      throw error;
    }
  }
}
