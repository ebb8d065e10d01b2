import type { PlanChargeSubject } from '../../domain/payments';

/**
 * The plan sale behind each plan charge reference (fed from the plans' events), so a notification
 * that carries no metadata, such as a card dispute, still finds its subscription or hour pack.
 */
export abstract class PlanChargeReferences {
  /** Null when no plan charge was made under this reference. */
  abstract subjectOf(paymentRef: string): Promise<PlanChargeSubject | null>;
  /** Keeps the first subject a reference was seen with; a repeat changes nothing. */
  abstract remember(
    refs: readonly { paymentRef: string; subject: PlanChargeSubject }[],
  ): Promise<void>;
}
