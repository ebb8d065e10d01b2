/** What the marketplace needs to know about a provider's documents before publishing or starting work. */
export interface ProviderVerificationResult {
  verified: boolean;
  /** Kinds missing or expired, named to the provider in the refusal. */
  missingDocuments: string[];
}

/**
 * The identity context answers this (its `GetProviderVerificationQuery`); catalog and orders depend
 * only on this port so that tests and the wiring stay on one side of the boundary.
 */
export abstract class ProviderVerificationPort {
  abstract check(providerId: string, now: string): Promise<ProviderVerificationResult>;
}
