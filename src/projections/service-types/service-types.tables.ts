import { ProjectionTable } from '../runner/projection';
import { TableSpec } from '../runner/row-buffer';

export interface ServiceTypeRow {
  service_type_id: string;
  rev: number;
  /** The current label's slug, for the best-effort "label taken" check of a rename. */
  slug: string;
  label: string;
  description: string;
  category: string;
  status: string;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}

export const SERVICE_TYPES: TableSpec<ServiceTypeRow> = {
  table: 'service_types',
  key: 'service_type_id',
  columns: [
    'service_type_id',
    'rev',
    'slug',
    'label',
    'description',
    'category',
    'status',
    'created_at',
    'updated_at',
    'retired_at',
  ],
};

export const SERVICE_TYPES_TABLES: readonly ProjectionTable[] = [
  {
    name: 'service_types',
    view: 'rm_service_types',
    ddl: [
      `CREATE TABLE service_types (
         service_type_id text PRIMARY KEY, rev bigint NOT NULL, slug text NOT NULL, label text NOT NULL,
         description text NOT NULL, category text NOT NULL, status text NOT NULL,
         created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, retired_at timestamptz
       )`,
    ],
    indexes: [
      `CREATE INDEX service_types_active ON service_types (category, label) WHERE status = 'active'`,
      `CREATE INDEX service_types_slug ON service_types (slug)`,
    ],
  },
];
