import type { VerificationState } from '../../domain/identity';
import type {
  AvailabilityException,
  OfferPricing,
  ProviderZone,
  WeeklySlot,
} from '../../domain/missions/provider-offer.events';
import type { ProSubscriptions } from '../profiles/pro-status';
import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';

/** A service type of the catalogue, for its label. */
export interface DispatchServiceTypeRow {
  service_type_id: string;
  rev: number;
  label: string;
  category: string;
  retired: boolean;
}

/**
 * Everything the index knows of one provider, folded from three streams (its offer, its
 * verification, its account), each with the last revision applied. The offer rows are derived
 * from it whenever it changes.
 */
export interface DispatchProviderRow {
  provider_id: string;
  offer_rev: number | null;
  verification_rev: number | null;
  account_rev: number | null;
  /** Closed or erased account: no offer is listed any more. */
  closed: boolean;
  /** Service type id → pricing. */
  services: Record<string, OfferPricing>;
  zone: ProviderZone | null;
  slots: WeeklySlot[];
  exceptions: AvailabilityException[];
  verification: VerificationState;
  verified: boolean;
  /** When the first required document lapses; null: never (or not verified). */
  verified_until: string | null;
  /** Ranking bonus in km (a later plan sets it), bounded when ranking; 0 by default. */
  rank_boost: number;
  /** The provider's Pro subscriptions (docs/plans-pro.md), from the subscription events. */
  pro_subscriptions: ProSubscriptions;
  /** A Pro subscription runs: the ranking adds MISSION_PRO_RANK_BOOST_KM to `rank_boost`. */
  pro: boolean;
}

/** One (provider, service type): what `available()` scans. Literals are Postgres text forms. */
export interface DispatchOfferRow {
  offer_id: string;
  provider_id: string;
  service_type_id: string;
  pricing_kind: 'hourly' | 'fixed';
  hourly_rate_cents: number | null;
  fixed_price_cents: number | null;
  lat: number | null;
  lng: number | null;
  radius_km: number | null;
  /** `ll_to_earth(lat, lng)` as a cube literal, computed here (see earthCube). */
  earth: string | null;
  /** `earth_box(earth, radius)`: the cube around the zone (see zoneBox). */
  zone_box: string | null;
  /** Weekly hours in minutes of the Paris week, an int4multirange literal. */
  week: string;
  /** `unavailable` exceptions, a tstzmultirange literal. */
  unavailable: string;
  /** `available` exceptions, a tstzmultirange literal. */
  extra: string;
  verified: boolean;
  verified_until: string | null;
  rank_boost: number;
  pro: boolean;
}

/** A mission's slot, booked for its provider between confirmation and its end. */
export interface DispatchBookingRow {
  mission_id: string;
  rev: number;
  provider_id: string | null;
  starts_at: string;
  duration_minutes: number;
  booked: boolean;
  /** `[startsAt, startsAt + duration)` as a tstzrange literal while booked. */
  period: string | null;
}

export const DISPATCH_SERVICE_TYPES: TableSpec<DispatchServiceTypeRow> = {
  table: 'dispatch_service_types',
  key: 'service_type_id',
  columns: ['service_type_id', 'rev', 'label', 'category', 'retired'],
};

export const DISPATCH_PROVIDERS: TableSpec<DispatchProviderRow> = {
  table: 'dispatch_providers',
  key: 'provider_id',
  columns: [
    'provider_id',
    'offer_rev',
    'verification_rev',
    'account_rev',
    'closed',
    'services',
    'zone',
    'slots',
    'exceptions',
    'verification',
    'verified',
    'verified_until',
    'rank_boost',
    'pro_subscriptions',
    'pro',
  ],
};

export const DISPATCH_OFFER_COLUMNS: readonly (keyof DispatchOfferRow & string)[] = [
  'offer_id',
  'provider_id',
  'service_type_id',
  'pricing_kind',
  'hourly_rate_cents',
  'fixed_price_cents',
  'lat',
  'lng',
  'radius_km',
  'earth',
  'zone_box',
  'week',
  'unavailable',
  'extra',
  'verified',
  'verified_until',
  'rank_boost',
  'pro',
];

export const DISPATCH_BOOKINGS: TableSpec<DispatchBookingRow> = {
  table: 'dispatch_bookings',
  key: 'mission_id',
  columns: [
    'mission_id',
    'rev',
    'provider_id',
    'starts_at',
    'duration_minutes',
    'booked',
    'period',
  ],
};

/**
 * Types from extensions are named with their schema: the DDL runs with `search_path` set to the
 * generation's schema alone (the `missions` migration creates `cube`, `earthdistance` and
 * `btree_gist` in `public` first).
 */
export const DISPATCH_TABLES: readonly ProjectionTable[] = [
  {
    name: 'dispatch_service_types',
    view: 'rm_dispatch_service_types',
    ddl: [
      `CREATE TABLE dispatch_service_types (
         service_type_id text PRIMARY KEY, rev bigint NOT NULL, label text NOT NULL,
         category text NOT NULL, retired boolean NOT NULL
       )`,
    ],
  },
  {
    name: 'dispatch_providers',
    ddl: [
      `CREATE TABLE dispatch_providers (
         provider_id text PRIMARY KEY, offer_rev bigint, verification_rev bigint, account_rev bigint,
         closed boolean NOT NULL, services jsonb NOT NULL, zone jsonb, slots jsonb NOT NULL,
         exceptions jsonb NOT NULL, verification jsonb NOT NULL, verified boolean NOT NULL,
         verified_until timestamptz, rank_boost integer NOT NULL DEFAULT 0,
         pro_subscriptions jsonb NOT NULL DEFAULT '{}', pro boolean NOT NULL DEFAULT false
       )`,
    ],
  },
  {
    name: 'dispatch_offers',
    view: 'rm_dispatch_offers',
    ddl: [
      `CREATE TABLE dispatch_offers (
         offer_id text PRIMARY KEY, provider_id text NOT NULL, service_type_id text NOT NULL,
         pricing_kind text NOT NULL CHECK (pricing_kind IN ('hourly', 'fixed')),
         hourly_rate_cents bigint, fixed_price_cents bigint,
         lat double precision, lng double precision, radius_km double precision,
         earth public.cube, zone_box public.cube,
         week int4multirange NOT NULL, unavailable tstzmultirange NOT NULL, extra tstzmultirange NOT NULL,
         verified boolean NOT NULL, verified_until timestamptz, rank_boost integer NOT NULL DEFAULT 0,
         pro boolean NOT NULL DEFAULT false
       )`,
    ],
    indexes: [
      // The dispatch query: the type and the zones whose box holds the place, in one GiST scan
      // (btree_gist for the text).
      `CREATE INDEX dispatch_offers_zone ON dispatch_offers USING gist (service_type_id, zone_box)
         WHERE verified AND zone_box IS NOT NULL`,
      `CREATE INDEX dispatch_offers_provider ON dispatch_offers (provider_id, service_type_id)`,
    ],
  },
  {
    name: 'dispatch_bookings',
    view: 'rm_dispatch_bookings',
    ddl: [
      `CREATE TABLE dispatch_bookings (
         mission_id text PRIMARY KEY, rev bigint NOT NULL, provider_id text,
         starts_at timestamptz NOT NULL, duration_minutes integer NOT NULL,
         booked boolean NOT NULL, period tstzrange
       )`,
    ],
    indexes: [
      `CREATE INDEX dispatch_bookings_period ON dispatch_bookings USING gist (provider_id, period)
         WHERE booked`,
    ],
  },
];
