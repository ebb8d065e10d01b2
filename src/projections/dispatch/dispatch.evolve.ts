import {
  requiredDocumentKinds,
  verificationDecider,
  verificationStatus,
  type VerificationEvent,
  type VerificationState,
} from '../../domain/identity';
import type { ServiceTypeEvent } from '../../domain/missions/service-type.events';
import type { ProviderOfferEvent, ProviderZone } from '../../domain/missions/provider-offer.events';
import { evolveProSubscriptions, isPro } from '../profiles/pro-status';
import { int4Multirange, weeklySlotRange } from './paris-time';
import type {
  DispatchOfferRow,
  DispatchProviderRow,
  DispatchServiceTypeRow,
} from './dispatch.tables';

/** `earth()` of the earthdistance extension: the Earth's radius in metres. */
export const EARTH_RADIUS_M = 6_378_168;

/** `ll_to_earth(lat, lng)`, computed here so the row is written without calling the extension. */
export function earthCube(lat: number, lng: number): string {
  const φ = (lat * Math.PI) / 180;
  const λ = (lng * Math.PI) / 180;
  const x = EARTH_RADIUS_M * Math.cos(φ) * Math.cos(λ);
  const y = EARTH_RADIUS_M * Math.cos(φ) * Math.sin(λ);
  const z = EARTH_RADIUS_M * Math.sin(φ);
  return `(${x}, ${y}, ${z})`;
}

/**
 * `earth_box(ll_to_earth(lat, lng), radiusKm * 1000)`: the cube around the zone's circle (its
 * half-side is the chord of the radius, as `gc_to_sec`), which the GiST index searches for the
 * zones containing a place.
 */
export function zoneBox(lat: number, lng: number, radiusKm: number): string {
  const φ = (lat * Math.PI) / 180;
  const λ = (lng * Math.PI) / 180;
  const x = EARTH_RADIUS_M * Math.cos(φ) * Math.cos(λ);
  const y = EARTH_RADIUS_M * Math.cos(φ) * Math.sin(λ);
  const z = EARTH_RADIUS_M * Math.sin(φ);
  const d = radiusKm * 1000;
  const c =
    d / EARTH_RADIUS_M > Math.PI
      ? 2 * EARTH_RADIUS_M
      : 2 * EARTH_RADIUS_M * Math.sin(d / (2 * EARTH_RADIUS_M));
  return `(${x - c}, ${y - c}, ${z - c}),(${x + c}, ${y + c}, ${z + c})`;
}

export function evolveServiceType(
  row: DispatchServiceTypeRow | undefined,
  event: ServiceTypeEvent,
  rev: number,
): DispatchServiceTypeRow | undefined {
  switch (event.type) {
    case 'ServiceTypeCreated':
    case 'ServiceTypeUpdated': {
      const d = event.data;
      return {
        service_type_id: d.serviceTypeId,
        rev,
        label: typeof d.label === 'string' ? d.label : (row?.label ?? ''),
        category: typeof d.category === 'string' ? d.category : (row?.category ?? ''),
        retired: row?.retired ?? false,
      };
    }
    case 'ServiceTypeRetired':
      return row ? { ...row, rev, retired: true } : undefined;
    default:
      event satisfies never;
      return row;
  }
}

export function emptyProvider(providerId: string): DispatchProviderRow {
  return {
    provider_id: providerId,
    offer_rev: null,
    verification_rev: null,
    account_rev: null,
    closed: false,
    services: {},
    zone: null,
    slots: [],
    exceptions: [],
    verification: verificationDecider.initialState(),
    verified: false,
    verified_until: null,
    rank_boost: 0,
    pro_subscriptions: {},
    pro: false,
  };
}

export function evolveProviderOffer(
  row: DispatchProviderRow,
  event: ProviderOfferEvent,
): DispatchProviderRow {
  switch (event.type) {
    case 'ProviderServiceOffered':
      return {
        ...row,
        services: { ...row.services, [event.data.serviceTypeId]: event.data.pricing },
      };
    case 'ProviderServiceWithdrawn': {
      const services = { ...row.services };
      delete services[event.data.serviceTypeId];
      return { ...row, services };
    }
    case 'ProviderZoneSet':
      return { ...row, zone: event.data.zone };
    case 'ProviderWeeklyHoursSet':
      return { ...row, slots: Array.isArray(event.data.slots) ? event.data.slots : [] };
    case 'ProviderAvailabilityExceptionAdded': {
      const { exceptionId, kind, from, to } = event.data;
      const others = row.exceptions.filter((x) => x.exceptionId !== exceptionId);
      return { ...row, exceptions: [...others, { exceptionId, kind, from, to }] };
    }
    case 'ProviderAvailabilityExceptionRemoved':
      return {
        ...row,
        exceptions: row.exceptions.filter((x) => x.exceptionId !== event.data.exceptionId),
      };
    default:
      event satisfies never;
      return row;
  }
}

/**
 * A subscription event of the provider: a running Pro subscription gives the ranking boost
 * (docs/plans-pro.md); a cancellation or a suspension takes it away at once, a reinstatement or a
 * renewal brings it back. Undefined when the event changes nothing (a `credits` plan, a redelivery).
 */
export function evolveProviderPro(
  row: DispatchProviderRow,
  event: { type: string; data: unknown; revision: bigint },
): DispatchProviderRow | undefined {
  const subscriptions = evolveProSubscriptions(row.pro_subscriptions ?? {}, event);
  if (!subscriptions) return undefined;
  return { ...row, pro_subscriptions: subscriptions, pro: isPro(subscriptions) };
}

/**
 * Verified as the identity context says at the event's time; `verified_until` is when the first
 * required document lapses, so a lapse counts before the worker records `DocumentExpired`.
 */
export function evolveVerification(
  row: DispatchProviderRow,
  event: VerificationEvent,
  at: string,
): DispatchProviderRow {
  const verification = verificationDecider.evolve(row.verification, event);
  const status = verificationStatus(verification, at);
  return {
    ...row,
    verification,
    verified: status.verified,
    verified_until: status.verified ? lapsesAt(verification) : null,
  };
}

function lapsesAt(state: VerificationState): string | null {
  if (state.status !== 'tracking') return null;
  let first: number | null = null;
  for (const kind of requiredDocumentKinds(state.salaryPortage)) {
    const approved = Object.values(state.documents).filter(
      (d) => d.kind === kind && d.status === 'approved',
    );
    if (approved.some((d) => d.expiresAt === null)) continue;
    const last = Math.max(...approved.map((d) => Date.parse(d.expiresAt as string)));
    if (Number.isFinite(last) && (first === null || last < first)) first = last;
  }
  return first === null ? null : new Date(first).toISOString();
}

/** A tstzmultirange literal of `[from, to)` periods; malformed or empty ones are left out. */
export function tstzMultirange(periods: readonly { from: string; to: string }[]): string {
  const ranges = periods
    .filter((p) => Date.parse(p.from) < Date.parse(p.to))
    .map((p) => `["${new Date(p.from).toISOString()}","${new Date(p.to).toISOString()}")`);
  return `{${ranges.join(',')}}`;
}

/** The weekly hours as minutes of the Paris week; overlapping and adjacent slots merge in Postgres. */
export function weekMultirange(row: Pick<DispatchProviderRow, 'slots'>): string {
  const ranges = row.slots.map(weeklySlotRange).filter((r): r is [number, number] => r !== null);
  return int4Multirange(ranges);
}

const isCents = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** A zone the index can place: coordinates on the Earth and a positive radius. */
function usableZone(zone: ProviderZone | null): ProviderZone | null {
  if (!zone) return null;
  const { lat, lng, radiusKm } = zone;
  const finite = [lat, lng, radiusKm].every((v) => typeof v === 'number' && Number.isFinite(v));
  return finite && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && radiusKm > 0 ? zone : null;
}

/**
 * The offer rows a provider lists: one per service type, none once the account is closed. An
 * offer whose price is not a whole number of cents is left out, and a zone without usable
 * coordinates lists the offers for direct requests only: a malformed event never stops the index.
 */
export function offerRows(row: DispatchProviderRow): DispatchOfferRow[] {
  if (row.closed) return [];
  const zone = usableZone(row.zone);
  const week = weekMultirange(row);
  const unavailable = tstzMultirange(row.exceptions.filter((x) => x.kind === 'unavailable'));
  const extra = tstzMultirange(row.exceptions.filter((x) => x.kind === 'available'));
  const priced = Object.entries(row.services).filter(([, pricing]) =>
    pricing?.kind === 'hourly'
      ? isCents(pricing.hourlyRateCents)
      : pricing?.kind === 'fixed' && isCents(pricing.fixedPriceCents),
  );
  return priced.map(([serviceTypeId, pricing]) => ({
    offer_id: `${row.provider_id}:${serviceTypeId}`,
    provider_id: row.provider_id,
    service_type_id: serviceTypeId,
    pricing_kind: pricing.kind,
    hourly_rate_cents: pricing.kind === 'hourly' ? pricing.hourlyRateCents : null,
    fixed_price_cents: pricing.kind === 'fixed' ? pricing.fixedPriceCents : null,
    lat: zone?.lat ?? null,
    lng: zone?.lng ?? null,
    radius_km: zone?.radiusKm ?? null,
    earth: zone ? earthCube(zone.lat, zone.lng) : null,
    zone_box: zone ? zoneBox(zone.lat, zone.lng, zone.radiusKm) : null,
    week,
    unavailable,
    extra,
    verified: row.verified,
    verified_until: row.verified_until,
    rank_boost: row.rank_boost,
    pro: row.pro,
  }));
}

/** A slot the index can book: a valid instant and a positive whole number of minutes. */
export function isSlot(startsAt: unknown, durationMinutes: unknown): boolean {
  return (
    typeof startsAt === 'string' &&
    Number.isFinite(Date.parse(startsAt)) &&
    Number.isSafeInteger(durationMinutes) &&
    (durationMinutes as number) > 0
  );
}

/** `[startsAt, startsAt + duration)` as a tstzrange literal. */
export function slotRange(startsAt: string, durationMinutes: number): string {
  const start = new Date(startsAt).getTime();
  const end = start + durationMinutes * 60_000;
  return `["${new Date(start).toISOString()}","${new Date(end).toISOString()}")`;
}
