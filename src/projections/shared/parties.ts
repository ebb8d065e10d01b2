import { PoolClient } from 'pg';
import { RecordedEvent } from '../../application/shared/event-store.port';
import type { Address } from '../../domain/identity';
import { isNewer, RowBuffer, TableSpec } from '../runner/row-buffer';
import { ProjectionSession, ProjectionTable } from '../runner/projection';

/** The account events a projection needs to name people, and to forget them. */
export const PARTY_EVENTS = [
  'AccountRegistered',
  'RoleActivated',
  'ProfileUpdated',
  'AccountErased',
] as const;

export interface PartyRow {
  account_id: string;
  rev: number;
  display_name: string | null;
  provider_reference: string | null;
  roles: string[];
  address: Address | null;
  registered_at: string | null;
  erased: boolean;
}

export const PARTIES: TableSpec<PartyRow> = {
  table: 'parties',
  key: 'account_id',
  columns: [
    'account_id',
    'rev',
    'display_name',
    'provider_reference',
    'roles',
    'address',
    'registered_at',
    'erased',
  ],
};

export function partiesTable(view?: string): ProjectionTable {
  return {
    name: 'parties',
    view,
    ddl: [
      `CREATE TABLE parties (
         account_id         text PRIMARY KEY,
         rev                bigint  NOT NULL,
         display_name       text,
         provider_reference text,
         roles              text[]  NOT NULL DEFAULT '{}',
         address            jsonb,
         registered_at      timestamptz,
         erased             boolean NOT NULL DEFAULT false
       )`,
    ],
    indexes: [`CREATE INDEX parties_provider_reference ON parties (provider_reference)`],
  };
}

export function isPartyEvent(event: RecordedEvent): boolean {
  return (PARTY_EVENTS as readonly string[]).includes(event.type);
}

export function partyKey(event: RecordedEvent): string | undefined {
  const id = (event.data as { accountId?: unknown }).accountId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * `data.personal` is plain only when the store hands it decrypted; a sealed or shredded
 * value reads as unknown, never as garbage.
 */
function personal(data: unknown): { displayName?: string; address?: Address | null } {
  const p = (data as { personal?: unknown }).personal;
  if (typeof p !== 'object' || p === null) return {};
  const { displayName, address } = p as { displayName?: unknown; address?: unknown };
  const out: { displayName?: string; address?: Address | null } = {};
  if (typeof displayName === 'string') out.displayName = displayName;
  if (address === null) out.address = null;
  else if (
    typeof address === 'object' &&
    address !== undefined &&
    typeof (address as Address).line1 === 'string'
  )
    out.address = address as Address;
  return out;
}

function blank(accountId: string): PartyRow {
  return {
    account_id: accountId,
    rev: -1,
    display_name: null,
    provider_reference: null,
    roles: [],
    address: null,
    registered_at: null,
    erased: false,
  };
}

/** Applies one account event; returns the party when it was just erased, so callers scrub their own copies. */
export async function applyPartyEvent(
  parties: RowBuffer<PartyRow>,
  event: RecordedEvent,
): Promise<PartyRow | null> {
  const accountId = partyKey(event);
  if (!accountId) return null;
  const row = (await parties.get(accountId)) ?? blank(accountId);
  if (!isNewer(event.revision, row.rev)) return null;
  row.rev = Number(event.revision);
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'AccountRegistered': {
      const p = personal(data);
      row.display_name = row.erased ? null : (p.displayName ?? null);
      row.provider_reference =
        typeof data.providerReference === 'string' ? data.providerReference : null;
      row.roles = Array.isArray(data.roles) ? (data.roles as string[]) : [];
      row.registered_at = typeof data.registeredAt === 'string' ? data.registeredAt : null;
      break;
    }
    case 'RoleActivated':
      if (typeof data.role === 'string' && !row.roles.includes(data.role))
        row.roles = [...row.roles, data.role];
      if (typeof data.providerReference === 'string')
        row.provider_reference = data.providerReference;
      break;
    case 'ProfileUpdated': {
      if (row.erased) break;
      const p = personal(data);
      if (p.displayName !== undefined) row.display_name = p.displayName;
      if (p.address !== undefined) row.address = p.address;
      break;
    }
    case 'AccountErased':
      row.display_name = null;
      row.address = null;
      row.erased = true;
      parties.put(row);
      return row;
    default:
      return null;
  }
  parties.put(row);
  return null;
}

export function partiesBuffer(tx: PoolClient, session?: ProjectionSession): RowBuffer<PartyRow> {
  return new RowBuffer(PARTIES, tx, false, session);
}
