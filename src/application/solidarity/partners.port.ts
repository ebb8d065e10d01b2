/** A partner association of the solidarity pot, as other contexts see it. */
export interface Partner {
  associationId: string;
  /** The official name as verified when the partnership was granted. */
  name: string;
  /** Its object, from its registration details (empty when unknown). */
  purpose: string;
  /** When the partnership running at the instant asked began. */
  partnerSince: string;
}

/** The solidarity partners read model, as the partners query reads it. */
export abstract class PartnersReader {
  /** The associations that were partners at `at` (ISO instant), by name. */
  abstract partnersAt(at: string): Promise<Partner[]>;
}
