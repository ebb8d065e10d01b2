import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetAssociationVerificationQuery } from '../identity/association-verification.query';
import { AssociationVerification } from './solidarity-mission-association.port';

/**
 * Asks identity through its published association verification query: registration details
 * declared, statutes and declaration receipt approved by staff (docs/solidarity.md).
 */
@Injectable()
export class QueryBusAssociationVerification extends AssociationVerification {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  async isVerified(associationId: string, now: string): Promise<boolean> {
    const status = await this.queryBus.execute(
      new GetAssociationVerificationQuery(associationId, now),
    );
    return status.verified;
  }
}
