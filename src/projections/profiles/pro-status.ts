import type { SubscriptionEvent } from '../../domain/plans';

/**
 * Whether a provider's Pro subscription runs (docs/plans-pro.md), folded from the subscription
 * events by every read model that shows it: the dispatch index (ranking boost), the profiles
 * (badge, featured) and, through the profiles, gig search. Pure and total: an unknown or
 * malformed event changes nothing.
 */
export const PRO_SUBSCRIPTION_EVENT_TYPES = [
  'SubscriptionStarted',
  'SubscriptionRenewed',
  'SubscriptionReinstated',
  'SubscriptionPaused',
  'SubscriptionSuspended',
  'SubscriptionCancelled',
] as const satisfies readonly SubscriptionEvent['type'][];

export type ProSubscriptionEventType = (typeof PRO_SUBSCRIPTION_EVENT_TYPES)[number];

const PRO_TYPES = new Set<string>(PRO_SUBSCRIPTION_EVENT_TYPES);

export const isProSubscriptionEvent = (event: { type: string }): boolean =>
  PRO_TYPES.has(event.type);

/**
 * `running` from its start, its renewals and a reinstatement; `paused` while a scheduled pause
 * skips its renewals (nothing is paid meanwhile); `suspended` after a payment incident; `ended`
 * once cancelled (a Pro cancellation is immediate), for good.
 */
export type ProSubscriptionStatus = 'running' | 'paused' | 'suspended' | 'ended';

export interface ProSubscriptionState {
  status: ProSubscriptionStatus;
  /** The stream revision last applied, so a redelivered event changes nothing. */
  rev: number;
}

/** A provider's Pro subscriptions by id (`credits` subscriptions are never kept). */
export type ProSubscriptions = Record<string, ProSubscriptionState>;

const field = (data: unknown, name: string): unknown =>
  data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[name] : undefined;

/** The account (provider) a subscription event is about, when it names one. */
export function proSubscriptionAccountOf(event: { data: unknown }): string | undefined {
  const accountId = field(event.data, 'accountId');
  return typeof accountId === 'string' && accountId !== '' ? accountId : undefined;
}

/**
 * The provider's Pro subscriptions after one event of their stream, or null when it changes
 * nothing: a `credits` plan's subscription, a subscription never seen started, an event already
 * applied, or an event of another kind. Only `SubscriptionStarted` of a `pro` plan makes one
 * known; an ended subscription stays ended (kept, so a redelivered start is recognised).
 */
export function evolveProSubscriptions(
  subscriptions: ProSubscriptions,
  event: { type: string; data: unknown; revision: bigint },
): ProSubscriptions | null {
  if (!isProSubscriptionEvent(event)) return null;
  const subscriptionId = field(event.data, 'subscriptionId');
  if (typeof subscriptionId !== 'string' || subscriptionId === '') return null;
  const current = Object.prototype.hasOwnProperty.call(subscriptions, subscriptionId)
    ? subscriptions[subscriptionId]
    : undefined;
  if (current && event.revision <= BigInt(current.rev)) return null;
  const rev = Number(event.revision);
  const kind = event.type as ProSubscriptionEventType;
  let status: ProSubscriptionStatus;
  if (kind === 'SubscriptionStarted') {
    if (!current && field(event.data, 'planKind') !== 'pro') return null;
    status = current?.status ?? 'running';
  } else {
    if (!current) return null;
    status = nextStatus(current.status, kind);
  }
  return { ...subscriptions, [subscriptionId]: { status, rev } };
}

function nextStatus(
  status: ProSubscriptionStatus,
  kind: Exclude<ProSubscriptionEventType, 'SubscriptionStarted'>,
): ProSubscriptionStatus {
  if (status === 'ended') return 'ended';
  switch (kind) {
    case 'SubscriptionRenewed':
    case 'SubscriptionReinstated':
      return 'running';
    case 'SubscriptionPaused':
      return 'paused';
    case 'SubscriptionSuspended':
      return 'suspended';
    case 'SubscriptionCancelled':
      return 'ended';
    default:
      kind satisfies never;
      return status;
  }
}

/** Pro benefits apply while at least one of the provider's Pro subscriptions runs. */
export function isPro(subscriptions: ProSubscriptions | null | undefined): boolean {
  if (!subscriptions || typeof subscriptions !== 'object') return false;
  return Object.values(subscriptions).some((s) => s?.status === 'running');
}
