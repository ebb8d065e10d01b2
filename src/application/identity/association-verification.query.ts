import { Inject, Injectable } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  AssociationDocumentKind,
  AssociationRegistration,
  associationVerificationStatus,
  verificationDecider,
} from '../../domain/identity';
import { loadAggregate } from '../shared/command-handling';
import { EVENT_STORE, EventStore } from '../shared/event-store.port';
import { verificationStream } from './verification.messages';

/**
 * Published contract (issue 18): whether an association account is verified — its registration
 * details declared and its statutes and declaration receipt (or RNA extract) approved by staff —
 * with its public registration details. The contact person's name (personal data) is left out.
 */
export interface AssociationVerificationStatus {
  associationId: string;
  verified: boolean;
  registered: boolean;
  registration: AssociationRegistration | null;
  missing: AssociationDocumentKind[];
  expired: AssociationDocumentKind[];
}

export class GetAssociationVerificationQuery extends Query<AssociationVerificationStatus> {
  constructor(
    readonly associationId: string,
    /** ISO instant the status is read at. */
    readonly now: string,
  ) {
    super();
  }
}

@Injectable()
export class AssociationVerificationQuery {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async getStatus(associationId: string, now: string): Promise<AssociationVerificationStatus> {
    const { state } = await loadAggregate(
      this.store,
      verificationStream(associationId),
      verificationDecider,
    );
    return { associationId, ...associationVerificationStatus(state, now) };
  }
}

@QueryHandler(GetAssociationVerificationQuery)
export class GetAssociationVerificationHandler implements IQueryHandler<GetAssociationVerificationQuery> {
  constructor(private readonly query: AssociationVerificationQuery) {}

  execute(query: GetAssociationVerificationQuery): Promise<AssociationVerificationStatus> {
    return this.query.getStatus(query.associationId, query.now);
  }
}
