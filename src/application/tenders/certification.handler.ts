import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  certificationDecider,
  type CertificationCommand,
  type CertificationEvent,
  type CertificationState,
} from '../../domain/tenders';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { AGGREGATE_CACHE, AggregateCache } from '../shared/aggregate-cache';
import { handleCommand, HandleResult } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { CertificationCommandMessage, certificationStream } from './certification.messages';

export type CertificationResult = HandleResult<CertificationState, CertificationEvent>;

/**
 * Every CertificationCommandMessage lands here. After the append, the reference gets the link
 * (a new reference, a resend) and the provider is told of a refusal, a certification and a
 * withdrawal; each e-mail's key derives from the event, so a retry never sends twice.
 */
@CommandHandler(CertificationCommandMessage)
export class CertificationCommandHandler implements ICommandHandler<
  CertificationCommandMessage,
  CertificationResult
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() private readonly notifications?: Notifications,
    @Optional() @Inject(AGGREGATE_CACHE) private readonly cache?: AggregateCache,
  ) {}

  async execute(message: CertificationCommandMessage): Promise<CertificationResult> {
    const result = await handleCommand(
      this.store,
      certificationStream(message.aggregateId),
      certificationDecider,
      message.command as CertificationCommand,
      message.causation,
      { cache: this.cache, ...message.options },
    );
    for (const [i, event] of result.events.entries()) {
      try {
        await this.tell(event, result.eventIds[i], result.state, message.linkToken);
      } catch (error) {
        // The fact is in the log; an account without an e-mail address is simply not written to.
        if (!(error instanceof NoRecipientError)) throw error;
      }
    }
    return result;
  }

  private async tell(
    event: CertificationEvent,
    eventId: string,
    state: CertificationState,
    linkToken: string | undefined,
  ): Promise<void> {
    if (!this.notifications) return;
    const send = (template: string, to: { accountId?: string; email?: string }, data: object) =>
      this.notifications!.send({
        to,
        template,
        data: data as Record<string, unknown>,
        idempotencyKey: `${template}:${eventId}`,
        ...(linkToken && template === 'tenders.certification_reference_request'
          ? { secrets: { token: linkToken } }
          : {}),
      });
    switch (event.type) {
      case 'CertificationReferenceAdded':
      case 'CertificationReferenceLinkResent': {
        const reference = state.references.find((r) => r.referenceId === event.data.referenceId);
        if (!reference || !linkToken) return;
        await send(
          'tenders.certification_reference_request',
          { email: reference.contact.email, accountId: event.data.providerId },
          {
            referenceName: reference.contact.name,
            company: reference.company,
            work: reference.work,
            year: reference.year,
            linkExpiresAt: event.data.linkExpiresAt,
          },
        );
        return;
      }
      case 'CertificationReferenceRefused': {
        const reference = state.references.find((r) => r.referenceId === event.data.referenceId);
        await send(
          'tenders.certification_reference_refused',
          { accountId: event.data.providerId },
          { company: reference?.company ?? '', reason: event.data.reason },
        );
        return;
      }
      case 'ProviderCertified':
        await send(
          'tenders.provider_certified',
          { accountId: event.data.providerId },
          { basis: event.data.basis },
        );
        return;
      case 'ProviderCertificationWithdrawn':
        await send(
          'tenders.certification_withdrawn',
          { accountId: event.data.providerId },
          { reason: event.data.reason },
        );
        return;
      default:
        return;
    }
  }
}
