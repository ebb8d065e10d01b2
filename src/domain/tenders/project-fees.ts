import { type Cents, percentOf } from '../shared';
import type { ProjectFees, ProjectFormula } from './project.events';

/**
 * What the platform charges on a project's agreed amount (TTC, VAT included; docs/tenders.md):
 * - the finder's fee ("commission de mise en relation"): 5 % of the amount, at least 20,00 €,
 *   never more than the amount itself;
 * - the R0 option ("formule risque 0"), under the R0 formula only: 2 % of the amount, at least 10,00 €.
 * Percentages round half to even on the cent (`percentOf`). The fees follow the amount finally
 * agreed: an accepted lower revision computes them again on the new amount (the difference is
 * refunded by the fees context).
 */
export const PROJECT_FEE_RULES = {
  finderFeeBasisPoints: 500,
  finderFeeMinimumCents: 2_000,
  r0OptionBasisPoints: 200,
  r0OptionMinimumCents: 1_000,
} as const;

export function finderFee(amountCents: Cents): Cents {
  const fee = Math.max(
    percentOf(amountCents, PROJECT_FEE_RULES.finderFeeBasisPoints),
    PROJECT_FEE_RULES.finderFeeMinimumCents,
  );
  return Math.min(fee, amountCents);
}

export function r0Option(amountCents: Cents, formula: ProjectFormula): Cents {
  if (formula !== 'r0') return 0;
  return Math.max(
    percentOf(amountCents, PROJECT_FEE_RULES.r0OptionBasisPoints),
    PROJECT_FEE_RULES.r0OptionMinimumCents,
  );
}

export function projectFees(amountCents: Cents, formula: ProjectFormula): ProjectFees {
  return { finderFeeCents: finderFee(amountCents), r0OptionCents: r0Option(amountCents, formula) };
}
