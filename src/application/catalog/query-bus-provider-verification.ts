import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetProviderVerificationQuery } from '../identity/provider-verification.query';
import { ProviderVerificationPort, ProviderVerificationResult } from './provider-verification.port';

/** Asks the identity context through its published query; missing and expired kinds are both named. */
@Injectable()
export class QueryBusProviderVerification extends ProviderVerificationPort {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  async check(providerId: string, now: string): Promise<ProviderVerificationResult> {
    const status = await this.queryBus.execute(new GetProviderVerificationQuery(providerId, now));
    return { verified: status.verified, missingDocuments: [...status.missing, ...status.expired] };
  }
}
