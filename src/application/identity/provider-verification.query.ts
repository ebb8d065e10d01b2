import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  DocumentKind,
  providerNotVerified,
  verificationDecider,
  verificationStatus,
} from '../../domain/identity';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { verificationStream } from './verification.messages';

/**
 * Published contract: whether a provider's required verification documents are all approved
 * and in date. Catalog and orders ask it before publishing an offer or accepting work.
 */
export interface ProviderVerificationStatus {
  providerId: string;
  verified: boolean;
  /** Required kinds never approved (nothing sent, awaiting review, or rejected). */
  missing: DocumentKind[];
  /** Required kinds whose approved documents have all expired. */
  expired: DocumentKind[];
  expiringWithin15Days: DocumentKind[];
}

export class GetProviderVerificationQuery extends Query<ProviderVerificationStatus> {
  constructor(
    readonly providerId: string,
    /** ISO instant; a document past its date counts as expired even before the expiry job runs. */
    readonly now: string,
  ) {
    super();
  }
}

/**
 * For the refusing side: throws 403 `PROVIDER_NOT_VERIFIED` with `missingDocuments`
 * (missing and expired kinds) and `expiredDocuments`.
 */
export function assertProviderVerified(status: ProviderVerificationStatus): void {
  if (!status.verified) throw providerNotVerified(status.missing, status.expired);
}

@Injectable()
export class ProviderVerificationQuery {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async getStatus(providerId: string, now: Date | string): Promise<ProviderVerificationStatus> {
    const at = typeof now === 'string' ? now : now.toISOString();
    const { state } = await loadAggregate(
      this.store,
      verificationStream(providerId),
      verificationDecider,
    );
    const { verified, missing, expired, expiringWithin15Days } = verificationStatus(state, at);
    return { providerId, verified, missing, expired, expiringWithin15Days };
  }
}

@QueryHandler(GetProviderVerificationQuery)
export class GetProviderVerificationHandler implements IQueryHandler<GetProviderVerificationQuery> {
  constructor(private readonly query: ProviderVerificationQuery) {}

  execute(query: GetProviderVerificationQuery): Promise<ProviderVerificationStatus> {
    return this.query.getStatus(query.providerId, query.now);
  }
}
