import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { EscrowReleased } from '../../domain/escrow';
import { deterministicId, eventIdsFrom } from '../shared/deterministic-id';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { WalletCommandMessage } from './wallet.messages';

/** Each release out of an escrow credits the payee's wallet with its net amount, exactly once. */
@Injectable()
export class WalletCreditingReactor implements Reactor {
  readonly name = 'payouts.wallet-crediting';
  readonly filter = { categories: ['escrow'], eventTypePrefixes: ['EscrowReleased'] };

  constructor(private readonly commandBus: CommandBus) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'EscrowReleased') return;
    const data = event.data as EscrowReleased['data'];
    // A release entirely kept as commission leaves nothing to credit.
    if (data.payeeNetCents <= 0) return;
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
