import { formatEuros } from '../../../domain/disputes';
import type { MissionEvent } from '../../../domain/missions/mission.events';
import type { CaseRoleOf } from './case-describe';

const QUOTE_MAX = 120;

/** A shredded text reads as the store's placeholder; one missing altogether reads the same way. */
function quote(text: string | undefined): string {
  const flat = (typeof text === 'string' ? text : '[erased]').replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `“${flat.slice(0, QUOTE_MAX - 1)}…”` : `“${flat}”`;
}

/** Dates in the lines stay UTC and to the minute: the raw event keeps the exact instant. */
const day = (instant: string) => `${instant.slice(0, 16).replace('T', ' ')} UTC`;

/** One plain-English line per mission event, for a mission's case history. */
export function describeMissionEvent(
  raw: { type: string; data: unknown },
  roleOf: CaseRoleOf,
): string {
  const event = raw as MissionEvent;
  switch (event.type) {
    case 'MissionRequested': {
      const d = event.data;
      const to =
        d.targeting === 'direct' ? 'one chosen provider' : `${d.candidates.length} provider(s)`;
      return `Client requested “${d.serviceTypeLabel}” on ${day(d.startsAt)} from ${to}; ${formatEuros(d.reservedCents)} reserved`;
    }
    case 'MissionRefusedByProvider':
      return `${roleOf(event.data.providerId)} refused the request (${event.data.reason})`;
    case 'MissionConfirmed':
      return `${roleOf(event.data.providerId)} accepted: mission confirmed for ${formatEuros(event.data.priceCents)} (commission ${formatEuros(event.data.commissionCents)})`;
    case 'MissionRequestChanged':
      return `Client changed the request: ${day(event.data.startsAt)}, ${formatEuros(event.data.reservedCents)} reserved`;
    case 'MissionChangeProposed':
      return `${roleOf(event.data.proposedBy)} proposed a change: ${day(event.data.proposed.startsAt)}, ${formatEuros(event.data.priceCents)}`;
    case 'MissionChangeAccepted':
      return `Change accepted: ${day(event.data.startsAt)}, ${formatEuros(event.data.priceCents)}`;
    case 'MissionChangeRefused':
      return 'Change refused';
    case 'MissionChangeWithdrawn':
      return 'Change withdrawn';
    case 'MissionPaymentAuthorised':
      return `Card authorised for ${formatEuros(event.data.amountCents)} (not charged before validation)`;
    case 'MissionPaymentAuthorisationFailed':
      return `Card authorisation failed (attempt ${event.data.attempt}: ${event.data.reason})`;
    case 'MissionPaymentMethodReplaced':
      return 'Client gave another payment method';
    case 'MissionMessagePosted':
      return `${roleOf(event.data.authorId)} wrote: ${quote(event.data.text)}`;
    case 'MissionCancelled':
      return `Mission cancelled by the ${event.data.cancelledBy}${event.data.late ? ' (late)' : ''}; ${formatEuros(event.data.refundCents)} back to the client, fee ${formatEuros(event.data.feeCents)}`;
    case 'MissionExpired':
      return 'Request expired: no provider accepted in time';
    case 'MissionValidated':
      return event.data.validatedBy === 'system'
        ? `Mission validated automatically; ${formatEuros(event.data.priceCents)} charged`
        : `Client validated the mission (Mission terminée); ${formatEuros(event.data.priceCents)} charged`;
    case 'MissionProblemReported':
      return `${roleOf(event.data.reportedBy)} reported a problem; the mission is frozen until the dispute ends`;
    case 'MissionDisputeClosed':
      return event.data.outcome === 'withdrawn'
        ? 'Dispute withdrawn; the mission is confirmed again'
        : `Mission resolved: ${formatEuros(event.data.refundedToClientCents)} refunded to the client, ${formatEuros(event.data.releasedToProviderCents)} released to the provider`;
    case 'MissionAppreciated':
      return `Client rated the intervention ${event.data.appreciation}`;
    case 'MissionRecommended':
      return 'Client recommended the provider';
    default:
      event satisfies never;
      return `Mission event ${(raw as { type: string }).type}`;
  }
}
