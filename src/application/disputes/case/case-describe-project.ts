import { formatEuros } from '../../../domain/disputes';
import type { ProjectEvent } from '../../../domain/tenders';

/** A tender project's events in a case timeline, in plain words (mediation reads them). */
export function describeProjectEvent(
  raw: { type: string; data: unknown },
  roleOf: (accountId: string) => string,
): string {
  const event = raw as ProjectEvent;
  switch (event.type) {
    case 'ProjectPosted':
      return `Client posted the project "${event.data.title}"`;
    case 'ProjectProviderSelected':
      return `Client selected a provider (${formatEuros(event.data.terms.amountCents)}, formula ${event.data.terms.formula})`;
    case 'ProjectTermsConfirmed':
      return `${roleOf(event.data.providerId)} confirmed the terms: ${formatEuros(event.data.terms.amountCents)} in ${event.data.terms.delayDays} days, formula ${event.data.terms.formula}`;
    case 'ProjectTermsDeclined':
      return 'The selected provider declined the terms';
    case 'ProjectAmountRevisionProposed':
      return `${roleOf(event.data.proposedBy)} proposed to revise the amount from ${formatEuros(event.data.fromCents)} to ${formatEuros(event.data.toCents)}`;
    case 'ProjectAmountRevised':
      return `Amount revised from ${formatEuros(event.data.fromCents)} to ${formatEuros(event.data.toCents)}`;
    case 'ProjectAmountRevisionRejected':
      return `${roleOf(event.data.rejectedBy)} rejected the amount revision`;
    case 'ProjectWithdrawn':
      return 'Client withdrew the project';
    case 'ProjectFinished':
      return 'Project finished';
    default:
      event satisfies never;
      return `Project event ${(raw as { type: string }).type}`;
  }
}
