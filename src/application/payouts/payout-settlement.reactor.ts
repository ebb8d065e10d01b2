import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { PayoutFailed, PayoutSent, WalletDebitedForPayout } from '../../domain/payouts';
import { CausationContext } from '../shared/command-handling';
import { RecordedEvent } from '../shared/event-store.port';
import { Reactor } from '../shared/reactor';
import { payoutIds } from './payout-ids';
import { PayoutCommandMessage } from './payout.messages';
import { WalletCommandMessage } from './wallet.messages';

/**
 * Keeps the wallet and the payout in step: money reserved always becomes a payout request (even if
 * the API process died between the two writes), a sent payout settles the reservation, a failed one
 * gives the money back.
 */
@Injectable()
export class PayoutSettlementReactor implements Reactor {
  readonly name = 'payouts.settlement';
  readonly filter = {
    categories: ['wallet', 'payout'],
    eventTypePrefixes: ['WalletDebitedForPayout', 'PayoutSent', 'PayoutFailed'],
  };

  constructor(private readonly commandBus: CommandBus) {}

  async handle(event: RecordedEvent): Promise<void> {
    const causation: CausationContext = {
      correlationId: String(event.metadata.correlationId ?? event.id),
      causationId: event.id,
    };
    const now = String(event.metadata.occurredAt ?? event.recordedAt.toISOString());
    const options = { eventIds: payoutIds.events(event.id) };
    switch (event.type) {
      case 'WalletDebitedForPayout': {
        const d = event.data as WalletDebitedForPayout['data'];
        // The request is the provider's own, completed on their behalf with the snapshot the wallet took.
        const meta = { now, actorId: d.providerId, actorRole: 'provider' as const };
        const data = {
          payoutId: d.payoutId,
          providerId: d.providerId,
          amountCents: d.amountCents,
          account: d.account,
        };
        await this.commandBus.execute(
          new PayoutCommandMessage(
            d.payoutId,
            { type: 'RequestPayout', data, meta },
            causation,
            options,
          ),
        );
        return;
      }
      case 'PayoutSent': {
        const d = event.data as PayoutSent['data'];
        const meta = { now, actorId: 'system', actorRole: 'system' as const };
        const data = { providerId: d.providerId, payoutId: d.payoutId };
        await this.commandBus.execute(
          new WalletCommandMessage(
            d.providerId,
            { type: 'ConfirmPayout', data, meta },
            causation,
            options,
          ),
        );
        return;
      }
      case 'PayoutFailed': {
        const d = event.data as PayoutFailed['data'];
        const meta = { now, actorId: 'system', actorRole: 'system' as const };
        const data = { providerId: d.providerId, payoutId: d.payoutId };
        await this.commandBus.execute(
          new WalletCommandMessage(
            d.providerId,
            { type: 'ReturnFailedPayout', data, meta },
            causation,
            options,
          ),
        );
        return;
      }
      default:
        return;
    }
  }
}
