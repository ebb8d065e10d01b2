import { Inject, Injectable } from '@nestjs/common';
import { RecipientDirectory } from '../notifications/notifications.port';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { loadAccount } from './account-commands';

/** An account's address as of now, read from its (decrypted) stream; none once closed or erased. */
@Injectable()
export class AccountRecipients extends RecipientDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async emailOf(accountId: string): Promise<string | null> {
    const { state } = await loadAccount(this.store, accountId);
    return state.status === 'open' || state.status === 'closing' ? state.personal.email : null;
  }
}
