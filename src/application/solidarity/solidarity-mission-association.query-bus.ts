import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetProviderVerificationQuery } from '../identity/provider-verification.query';
import { AssociationVerification } from './solidarity-mission-association.port';

/**
 * Asks identity through its published verification query, by account id: the verification
 * stream is per account, and an association's documents are reviewed in it as a provider's are.
 * When identity publishes a query of its own for associations, this adapter is the one line to
 * change.
 */
@Injectable()
export class QueryBusAssociationVerification extends AssociationVerification {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  async isVerified(associationId: string, now: string): Promise<boolean> {
    const status = await this.queryBus.execute(
      new GetProviderVerificationQuery(associationId, now),
    );
    return status.verified;
  }
}
