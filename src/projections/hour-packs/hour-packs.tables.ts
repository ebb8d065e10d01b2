import type { ExistingHourPack } from '../../domain/plans';
import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';

/** One row per pack: the pack as its events left it (`state`), with the columns the lists filter on. */
export interface HourPackRow {
  pack_id: string;
  rev: number;
  client_id: string;
  status: string;
  service_type_id: string;
  purchased_at: string;
  expires_at: string;
  state: ExistingHourPack;
}

export const HOUR_PACKS: TableSpec<HourPackRow> = {
  table: 'hour_packs',
  key: 'pack_id',
  columns: [
    'pack_id',
    'rev',
    'client_id',
    'status',
    'service_type_id',
    'purchased_at',
    'expires_at',
    'state',
  ],
};

export const HOUR_PACKS_TABLES: readonly ProjectionTable[] = [
  {
    name: 'hour_packs',
    view: 'rm_hour_packs',
    ddl: [
      `CREATE TABLE hour_packs (
         pack_id text PRIMARY KEY, rev bigint NOT NULL, client_id text NOT NULL, status text NOT NULL,
         service_type_id text NOT NULL, purchased_at timestamptz NOT NULL, expires_at timestamptz NOT NULL,
         state jsonb NOT NULL
       )`,
    ],
    indexes: [`CREATE INDEX hour_packs_client ON hour_packs (client_id, purchased_at DESC)`],
  },
];
