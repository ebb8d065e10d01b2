import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';
import { partiesTable } from '../shared/parties';

export interface SolidarityTypeRow {
  solidarity_type_id: string;
  rev: number;
  label: string;
  description: string;
  status: 'active' | 'retired';
  defined_at: string;
  updated_at: string;
  retired_at: string | null;
}

export interface SolidarityMissionRow {
  mission_id: string;
  rev: number;
  status: 'open' | 'full' | 'cancelled' | 'completed';
  association_id: string;
  solidarity_type_id: string;
  solidarity_type_label: string;
  title: string;
  description: string;
  address: string;
  postal_code: string;
  city: string;
  lat: number;
  lng: number;
  /** `ll_to_earth(lat, lng)` as a cube literal (the dispatch index's `earthCube`). */
  earth: string;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  volunteers_needed: number;
  volunteers_count: number;
  proposed_at: string;
  filled_at: string | null;
  cancel_reason: string | null;
  cancelled_at: string | null;
  attendance_confirmed_at: string | null;
  updated_at: string;
}

export type SignUpStatus = 'signed_up' | 'withdrawn' | 'attended' | 'absent' | 'mission_cancelled';

/** One (mission, volunteer): the volunteer's sign-ups and the association's list of volunteers. */
export interface SolidaritySignUpRow {
  sign_up_key: string;
  mission_id: string;
  volunteer_id: string;
  status: SignUpStatus;
  signed_up_at: string;
  withdrew_at: string | null;
  updated_at: string;
}

export const SOLIDARITY_TYPES: TableSpec<SolidarityTypeRow> = {
  table: 'solidarity_types',
  key: 'solidarity_type_id',
  columns: [
    'solidarity_type_id',
    'rev',
    'label',
    'description',
    'status',
    'defined_at',
    'updated_at',
    'retired_at',
  ],
};

export const SOLIDARITY_MISSIONS: TableSpec<SolidarityMissionRow> = {
  table: 'solidarity_missions',
  key: 'mission_id',
  columns: [
    'mission_id',
    'rev',
    'status',
    'association_id',
    'solidarity_type_id',
    'solidarity_type_label',
    'title',
    'description',
    'address',
    'postal_code',
    'city',
    'lat',
    'lng',
    'earth',
    'starts_at',
    'ends_at',
    'duration_minutes',
    'volunteers_needed',
    'volunteers_count',
    'proposed_at',
    'filled_at',
    'cancel_reason',
    'cancelled_at',
    'attendance_confirmed_at',
    'updated_at',
  ],
};

export const SOLIDARITY_SIGN_UPS: TableSpec<SolidaritySignUpRow> = {
  table: 'solidarity_sign_ups',
  key: 'sign_up_key',
  columns: [
    'sign_up_key',
    'mission_id',
    'volunteer_id',
    'status',
    'signed_up_at',
    'withdrew_at',
    'updated_at',
  ],
};

/** Extension types are named with their schema (the `missions` migration creates them in `public`). */
export const SOLIDARITY_MISSIONS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'solidarity_types',
    view: 'rm_solidarity_types',
    ddl: [
      `CREATE TABLE solidarity_types (
         solidarity_type_id text PRIMARY KEY, rev bigint NOT NULL, label text NOT NULL,
         description text NOT NULL, status text NOT NULL, defined_at timestamptz NOT NULL,
         updated_at timestamptz NOT NULL, retired_at timestamptz
       )`,
    ],
  },
  {
    name: 'solidarity_missions',
    view: 'rm_solidarity_missions',
    ddl: [
      `CREATE TABLE solidarity_missions (
         mission_id text PRIMARY KEY, rev bigint NOT NULL, status text NOT NULL,
         association_id text NOT NULL, solidarity_type_id text NOT NULL,
         solidarity_type_label text NOT NULL, title text NOT NULL, description text NOT NULL,
         address text NOT NULL, postal_code text NOT NULL, city text NOT NULL,
         lat double precision NOT NULL, lng double precision NOT NULL, earth public.cube NOT NULL,
         starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL,
         duration_minutes integer NOT NULL, volunteers_needed integer NOT NULL,
         volunteers_count integer NOT NULL, proposed_at timestamptz NOT NULL,
         filled_at timestamptz, cancel_reason text, cancelled_at timestamptz,
         attendance_confirmed_at timestamptz, updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX solidarity_missions_open ON solidarity_missions USING gist (earth)
         WHERE status = 'open'`,
      `CREATE INDEX solidarity_missions_starts ON solidarity_missions (starts_at, mission_id)
         WHERE status = 'open'`,
      `CREATE INDEX solidarity_missions_association ON solidarity_missions (association_id, starts_at)`,
    ],
  },
  {
    name: 'solidarity_sign_ups',
    view: 'rm_solidarity_sign_ups',
    ddl: [
      `CREATE TABLE solidarity_sign_ups (
         sign_up_key text PRIMARY KEY, mission_id text NOT NULL, volunteer_id text NOT NULL,
         status text NOT NULL, signed_up_at timestamptz NOT NULL, withdrew_at timestamptz,
         updated_at timestamptz NOT NULL
       )`,
    ],
    indexes: [
      `CREATE INDEX solidarity_sign_ups_volunteer ON solidarity_sign_ups (volunteer_id)`,
      `CREATE INDEX solidarity_sign_ups_mission ON solidarity_sign_ups (mission_id)`,
    ],
  },
  partiesTable('rm_solidarity_parties'),
];
