/** The escrow behind each gateway payment reference, so a refund or chargeback notification finds its escrow. */
export abstract class PaymentReferences {
  /** Null when no funded escrow was paid under this reference. */
  abstract escrowOf(paymentRef: string): Promise<string | null>;
  /** Keeps the first escrow a reference was seen with; a repeat changes nothing. */
  abstract remember(refs: readonly { paymentRef: string; escrowId: string }[]): Promise<void>;
}
