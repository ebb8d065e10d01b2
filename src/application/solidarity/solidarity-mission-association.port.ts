/**
 * Whether an association account's verification is approved (issue 18 point 1), asked of the
 * identity context. See `query-bus-association-verification` for the wiring.
 */
export abstract class AssociationVerification {
  abstract isVerified(associationId: string, now: string): Promise<boolean>;
}
