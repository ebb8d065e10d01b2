import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { isProviderReference } from '../../domain/identity';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { loadAccount } from './account-commands';
import { AccountDirectory } from './identity.ports';

/** An open provider account found by the public reference printed on documents (seed 002). */
export interface ProviderByReference {
  providerId: string;
  /** Normalised (upper case). */
  providerReference: string;
}

/**
 * Published contract: the provider behind a reference, or null when the reference is malformed,
 * unknown, or names a closed account or one without the provider role. Case-insensitive. The
 * caller picks its own refusal (missions and offers answer in their own words).
 */
export class FindProviderByReferenceQuery extends Query<ProviderByReference | null> {
  constructor(readonly reference: string) {
    super();
  }
}

@Injectable()
export class ProviderReferenceQuery {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: AccountDirectory,
  ) {}

  async find(reference: string): Promise<ProviderByReference | null> {
    const normalised = typeof reference === 'string' ? reference.trim().toUpperCase() : '';
    if (!isProviderReference(normalised)) return null;
    const accountId = await this.directory.accountIdByProviderReference(normalised);
    if (accountId === null) return null;
    const { state } = await loadAccount(this.store, accountId);
    const open = state.status === 'open' || state.status === 'closing';
    if (!open || !state.roles.includes('provider')) return null;
    return { providerId: accountId, providerReference: normalised };
  }
}

@QueryHandler(FindProviderByReferenceQuery)
export class FindProviderByReferenceHandler implements IQueryHandler<FindProviderByReferenceQuery> {
  constructor(private readonly query: ProviderReferenceQuery) {}

  execute(query: FindProviderByReferenceQuery): Promise<ProviderByReference | null> {
    return this.query.find(query.reference);
  }
}
