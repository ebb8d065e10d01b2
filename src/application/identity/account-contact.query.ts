import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { loadAccount } from './account-commands';

/** An account's contact details as of now; `erased` or `closed` accounts give none. */
export type AccountContact =
  | {
      status: 'open';
      displayName: string;
      email: string;
      phone: string | null;
    }
  | { status: 'none' | 'closed' | 'erased' };

/**
 * Published contract: the name, e-mail and phone of an account, read from its (decrypted) stream
 * at the time of the call, so nobody has to copy personal data into their own events or read
 * models (the tenders' "contact direct"). An account that is closing still answers.
 */
export class GetAccountContactQuery extends Query<AccountContact> {
  constructor(readonly accountId: string) {
    super();
  }
}

@Injectable()
@QueryHandler(GetAccountContactQuery)
export class GetAccountContactHandler implements IQueryHandler<GetAccountContactQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(query: GetAccountContactQuery): Promise<AccountContact> {
    const { state } = await loadAccount(this.store, query.accountId);
    if (state.status === 'open' || state.status === 'closing')
      return {
        status: 'open',
        displayName: state.personal.displayName,
        email: state.personal.email,
        phone: state.personal.phone,
      };
    return { status: state.status };
  }
}
