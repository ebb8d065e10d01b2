import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { VerificationEvent } from '../../domain/identity';
import type { MissionEvent } from '../../domain/missions/mission.events';
import type { ProviderOfferEvent } from '../../domain/missions/provider-offer.events';
import type { ServiceTypeEvent } from '../../domain/missions/service-type.events';
import {
  isProSubscriptionEvent,
  PRO_SUBSCRIPTION_EVENT_TYPES,
  proSubscriptionAccountOf,
} from '../profiles/pro-status';
import { Projection, ProjectionSession, occurredAt } from '../runner/projection';
import { isNewer, RowBuffer } from '../runner/row-buffer';
import {
  emptyProvider,
  evolveProviderOffer,
  evolveProviderPro,
  evolveServiceType,
  evolveVerification,
  isSlot,
  offerRows,
  slotRange,
} from './dispatch.evolve';
import {
  DISPATCH_BOOKINGS,
  DISPATCH_OFFER_COLUMNS,
  DISPATCH_PROVIDERS,
  DISPATCH_SERVICE_TYPES,
  DISPATCH_TABLES,
  DispatchBookingRow,
  DispatchProviderRow,
} from './dispatch.tables';

export const SERVICE_TYPE_EVENT_TYPES = [
  'ServiceTypeCreated',
  'ServiceTypeUpdated',
  'ServiceTypeRetired',
] as const;
export const PROVIDER_OFFER_EVENT_TYPES = [
  'ProviderServiceOffered',
  'ProviderServiceWithdrawn',
  'ProviderZoneSet',
  'ProviderWeeklyHoursSet',
  'ProviderAvailabilityExceptionAdded',
  'ProviderAvailabilityExceptionRemoved',
] as const;
export const VERIFICATION_EVENT_TYPES = [
  'DocumentSubmitted',
  'DocumentApproved',
  'DocumentRejected',
  'DocumentExpired',
  'SalaryPortageDeclared',
] as const;
export const ACCOUNT_END_EVENT_TYPES = ['AccountClosed', 'AccountErased'] as const;
/** The mission events that hold or free a provider's slot. */
export const BOOKING_EVENT_TYPES = [
  'MissionRequested',
  'MissionRequestChanged',
  'MissionConfirmed',
  'MissionChangeAccepted',
  'MissionCancelled',
  'MissionExpired',
  'MissionDisputeClosed',
] as const;

const SERVICE_TYPES = new Set<string>(SERVICE_TYPE_EVENT_TYPES);
const OFFERS = new Set<string>(PROVIDER_OFFER_EVENT_TYPES);
const VERIFICATIONS = new Set<string>(VERIFICATION_EVENT_TYPES);
const ACCOUNT_ENDS = new Set<string>(ACCOUNT_END_EVENT_TYPES);
const BOOKINGS = new Set<string>(BOOKING_EVENT_TYPES);

const str = (e: RecordedEvent, field: string): string | undefined => {
  const v = (e.data as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : undefined;
};

/** The provider a provider-side event is about (a subscription's account is its provider). */
function providerOf(e: RecordedEvent): string | undefined {
  if (isProSubscriptionEvent(e)) return proSubscriptionAccountOf(e);
  return ACCOUNT_ENDS.has(e.type) ? str(e, 'accountId') : str(e, 'providerId');
}

/**
 * The dispatch index of the missions context (docs/missions-dispatch.md): which providers a
 * request goes to. Folds the service types, the providers' offers (types and pricing, zone,
 * weekly hours, exceptions), their verification and account closure, their Pro subscription (a
 * bounded ranking boost, docs/plans-pro.md), and the missions' bookings.
 */
export class DispatchProjection implements Projection {
  readonly name = 'mission_dispatch';
  /** 2: the Pro subscription (`pro_subscriptions`, `pro`). */
  readonly version = 2;
  readonly handles = [
    ...SERVICE_TYPE_EVENT_TYPES,
    ...PROVIDER_OFFER_EVENT_TYPES,
    ...VERIFICATION_EVENT_TYPES,
    ...ACCOUNT_END_EVENT_TYPES,
    ...PRO_SUBSCRIPTION_EVENT_TYPES,
    ...BOOKING_EVENT_TYPES,
  ];
  readonly tables = DISPATCH_TABLES;

  async handle(
    events: RecordedEvent[],
    tx: PoolClient,
    session?: ProjectionSession,
  ): Promise<void> {
    const types = new RowBuffer(DISPATCH_SERVICE_TYPES, tx, false, session);
    const providers = new RowBuffer(DISPATCH_PROVIDERS, tx, false, session);
    const bookings = new RowBuffer(DISPATCH_BOOKINGS, tx, false, session);
    await types.prefetch(
      events.filter((e) => SERVICE_TYPES.has(e.type)).map((e) => str(e, 'serviceTypeId')),
    );
    await providers.prefetch(
      events.filter((e) => !SERVICE_TYPES.has(e.type) && !BOOKINGS.has(e.type)).map(providerOf),
    );
    await bookings.prefetch(
      events.filter((e) => BOOKINGS.has(e.type)).map((e) => str(e, 'missionId')),
    );
    const changed = new Set<string>();
    for (const event of events) {
      const rev = Number(event.revision);
      if (SERVICE_TYPES.has(event.type)) {
        const id = str(event, 'serviceTypeId');
        if (!id) continue;
        const row = types.peek(id);
        if (row && !isNewer(event.revision, row.rev)) continue;
        const next = evolveServiceType(row, event as unknown as ServiceTypeEvent, rev);
        if (next) types.put(next);
      } else if (BOOKINGS.has(event.type)) {
        const id = str(event, 'missionId');
        if (!id) continue;
        const row = bookings.peek(id);
        if (row && !isNewer(event.revision, row.rev)) continue;
        const next = evolveBooking(row, event as unknown as BookingEvent, rev);
        if (next) bookings.put(next);
      } else {
        const id = providerOf(event);
        if (!id) continue;
        const current = providers.peek(id);
        const next = this.applyProviderEvent(current, id, event, rev);
        if (next) {
          providers.put(next);
          changed.add(id);
        }
      }
    }
    await types.flush();
    await bookings.flush();
    await providers.flush();
    if (changed.size > 0)
      await writeOffers(
        tx,
        [...changed].map((id) => providers.peek(id)!),
      );
  }

  private applyProviderEvent(
    row: DispatchProviderRow | undefined,
    providerId: string,
    event: RecordedEvent,
    rev: number,
  ): DispatchProviderRow | undefined {
    if (OFFERS.has(event.type)) {
      if (row && !isNewer(event.revision, row.offer_rev)) return undefined;
      const next = evolveProviderOffer(
        row ?? emptyProvider(providerId),
        event as unknown as ProviderOfferEvent,
      );
      return { ...next, offer_rev: rev };
    }
    if (isProSubscriptionEvent(event))
      return evolveProviderPro(row ?? emptyProvider(providerId), event);
    if (VERIFICATIONS.has(event.type)) {
      if (row && !isNewer(event.revision, row.verification_rev)) return undefined;
      const next = evolveVerification(
        row ?? emptyProvider(providerId),
        event as unknown as VerificationEvent,
        occurredAt(event),
      );
      return { ...next, verification_rev: rev };
    }
    // An account closed or erased: only providers the index knows are concerned.
    if (!row || !isNewer(event.revision, row.account_rev)) return undefined;
    return { ...row, closed: true, account_rev: rev };
  }
}

/** A provider's offer rows follow their provider row: replaced as a whole. */
async function writeOffers(tx: PoolClient, rows: DispatchProviderRow[]): Promise<void> {
  await tx.query('DELETE FROM dispatch_offers WHERE provider_id = ANY($1::text[])', [
    rows.map((r) => r.provider_id),
  ]);
  const offers = rows.flatMap(offerRows);
  if (offers.length === 0) return;
  const cols = DISPATCH_OFFER_COLUMNS.join(', ');
  await tx.query(
    `INSERT INTO dispatch_offers (${cols})
     SELECT ${cols} FROM json_populate_recordset(NULL::dispatch_offers, $1::json)`,
    [JSON.stringify(offers)],
  );
}

/**
 * MissionConfirmed books `[startsAt, startsAt + duration)` for the provider, an accepted change
 * moves it; a cancellation, an expiry or a decided dispute frees it. A validated mission keeps
 * its slot (it took place).
 */
export type BookingEvent = Extract<MissionEvent, { type: (typeof BOOKING_EVENT_TYPES)[number] }>;

export function evolveBooking(
  row: DispatchBookingRow | undefined,
  event: BookingEvent,
  rev: number,
): DispatchBookingRow | undefined {
  const book = (r: DispatchBookingRow): DispatchBookingRow => ({
    ...r,
    period: r.booked ? slotRange(r.starts_at, r.duration_minutes) : null,
  });
  const terms = (e: { data: { startsAt: string; durationMinutes: number } }) =>
    isSlot(e.data.startsAt, e.data.durationMinutes);
  switch (event.type) {
    case 'MissionRequested': {
      const d = event.data;
      if (!terms(event)) return row;
      return {
        mission_id: d.missionId,
        rev,
        provider_id: null,
        starts_at: d.startsAt,
        duration_minutes: d.durationMinutes,
        booked: false,
        period: null,
      };
    }
    case 'MissionRequestChanged':
      if (!row || !terms(event)) return row;
      return book({
        ...row,
        rev,
        starts_at: event.data.startsAt,
        duration_minutes: event.data.durationMinutes,
      });
    case 'MissionConfirmed':
      if (!row || typeof event.data.providerId !== 'string') return row;
      return book({ ...row, rev, provider_id: event.data.providerId, booked: true });
    case 'MissionChangeAccepted':
      if (!row || !terms(event)) return row;
      return book({
        ...row,
        rev,
        starts_at: event.data.startsAt,
        duration_minutes: event.data.durationMinutes,
      });
    case 'MissionCancelled':
    case 'MissionExpired':
      return row ? { ...row, rev, booked: false, period: null } : undefined;
    case 'MissionDisputeClosed':
      if (!row) return undefined;
      if (event.data.outcome !== 'decided') return { ...row, rev };
      return { ...row, rev, booked: false, period: null };
    default:
      event satisfies never;
      return row;
  }
}
