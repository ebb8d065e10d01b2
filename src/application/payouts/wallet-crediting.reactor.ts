import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EscrowOpened, EscrowReleased } from '../../domain/escrow';
import { deterministicId, eventIdsFrom } from '../shared/deterministic-id';
import { escrowStream } from '../escrow/escrow.messages';
import { EVENT_STORE, EventStore, RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { WalletCommandMessage } from './wallet.messages';

/**
 * Each release out of an escrow credits the payee's wallet with its net amount, exactly once.
 * A mission's release is paid out instantly by the missions money process instead (it credits the
 * wallet only when that payout fails), so it is not credited here. Nor is a tender project's
 * release: it becomes withdrawable only once finance accepts the provider's invoice for it (the
 * payment request credits the wallet then, docs/tenders-payment-requests.md).
 */
@Injectable()
export class WalletCreditingReactor implements Reactor {
  readonly name = 'payouts.wallet-crediting';
  readonly filter = { categories: ['escrow'], eventTypePrefixes: ['EscrowReleased'] };

  constructor(
    private readonly commandBus: CommandBus,
    /** Absent in unit set-ups without missions: every release is then credited. */
    @Optional() @Inject(EVENT_STORE) private readonly store?: EventStore,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'EscrowReleased') return;
    const data = event.data as EscrowReleased['data'];
    // A release entirely kept as commission leaves nothing to credit.
    if (data.payeeNetCents <= 0) return;
    const first = await this.store?.readStream(escrowStream(data.escrowId), { maxCount: 1 });
    const opened = first?.[0];
    const kind = (opened?.data as EscrowOpened['data'] | undefined)?.subject.kind;
    if (kind === 'mission' || kind === 'project') return;
    const now = String(event.metadata.occurredAt ?? event.recordedAt.toISOString());
    await this.commandBus.execute(
      new WalletCommandMessage(
        data.payeeId,
        {
          type: 'CreditWallet',
          // The credit id is the release event's: the wallet ignores a second credit under it.
          data: {
            providerId: data.payeeId,
            creditId: deterministicId('credit', event.id),
            escrowId: data.escrowId,
            amountCents: data.payeeNetCents,
          },
          meta: { now, actorId: 'system', actorRole: 'system' },
        },
        { correlationId: String(event.metadata.correlationId ?? event.id), causationId: event.id },
        { eventIds: eventIdsFrom(event.id, 'wallet-credit') },
      ),
    );
  }
}
