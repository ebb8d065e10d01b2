import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { GigEvent, GigState, PublishGig, gigDecider } from '../../domain/catalog';
import { ConcurrencyError } from '../../domain/shared';
import {
  eventMetadata,
  handleCommand,
  HandleResult,
  loadAggregate,
} from '../shared/command-handling';
import { EVENT_STORE, EventStore, WrongExpectedVersionError } from '../shared/event-store.port';
import { GigCommandMessage, gigStream } from './gig.messages';
import { ProviderVerificationPort } from './provider-verification.port';
import { loadSellerGigSlots, releaseSellerGigSlot, takeSellerGigSlot } from './seller-gigs.index';

const MAX_ATTEMPTS = 6;

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

  private async publish(
    message: GigCommandMessage,
    command: PublishGig,
  ): Promise<HandleResult<GigState, GigEvent>> {
    const stream = gigStream(message.aggregateId);
    let slotTakenHere = false;
    for (let attempt = 1; ; attempt++) {
      const gig = await loadAggregate(this.store, stream, gigDecider);
      if (
        message.options.expectedRevision !== undefined &&
        gig.revision !== message.options.expectedRevision
      ) {
        throw new ConcurrencyError(
          'CONCURRENT_MODIFICATION',
          `${stream} was modified concurrently; reload and retry`,
          {
            expectedRevision: String(message.options.expectedRevision),
            actualRevision: gig.revision === null ? null : String(gig.revision),
          },
        );
      }
      const sellerId = gig.state.status === 'none' ? command.meta.actorId : gig.state.sellerId;
      const slots = await loadSellerGigSlots(this.store, sellerId);
      const verification = await this.verification.check(sellerId, command.meta.now);
      const filled: PublishGig = {
        ...command,
        data: {
          ...command.data,
          publishedGigCountOfSeller: [...slots.gigIds].filter((id) => id !== command.data.gigId)
            .length,
          sellerVerified: verification.verified,
          missingDocuments: verification.missingDocuments,
        },
      };
      let events: GigEvent[];
      try {
        events = gigDecider.decide(filled, gig.state);
      } catch (refusal) {
        if (slotTakenHere)
          await releaseSellerGigSlot(
            this.store,
            sellerId,
            command.data.gigId,
            command.meta,
            message.causation,
          );
        throw refusal;
      }
      try {
        if (!slots.gigIds.has(command.data.gigId)) {
          await takeSellerGigSlot(
            this.store,
            sellerId,
            command.data.gigId,
            slots,
            command.meta,
            message.causation,
          );
          slotTakenHere = true;
        }
        const appended = await this.store.appendToStream(
          stream,
          events.map((e, i) => {
            const id = message.options.eventIds?.(i) ?? randomUUID();
            return {
              id,
              type: e.type,
              data: e.data,
              metadata: eventMetadata(command.meta, message.causation, id),
            };
          }),
          { expectedRevision: gig.revision ?? 'no_stream' },
        );
        return {
          events,
          state: events.reduce(gigDecider.evolve, gig.state),
          nextExpectedRevision: appended.nextExpectedRevision,
          position: appended.position,
        };
      } catch (error) {
        if (
          !(error instanceof WrongExpectedVersionError) ||
          attempt >= MAX_ATTEMPTS ||
          message.options.expectedRevision !== undefined
        ) {
          if (error instanceof WrongExpectedVersionError) {
            if (slotTakenHere)
              await releaseSellerGigSlot(
                this.store,
                sellerId,
                command.data.gigId,
                command.meta,
                message.causation,
              );
            throw new ConcurrencyError(
              'CONCURRENT_MODIFICATION',
              `${error.streamName} was modified concurrently; reload and retry`,
              {
                actualRevision: error.actual === null ? null : String(error.actual),
              },
            );
          }
          throw error;
        }
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      }
    }
  }
}
