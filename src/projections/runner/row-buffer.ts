import { PoolClient } from 'pg';
import { ProjectionSession } from './projection';

/** A table written through a buffer: a text primary key and the columns the projection writes. */
export interface TableSpec<R> {
  table: string;
  key: keyof R & string;
  /** Every written column, the key included; generated columns are left out. */
  columns: readonly (keyof R & string)[];
}

/** Beyond this a rebuild forgets a table's rows and reads them again: memory stays bounded. */
const SESSION_ROWS_PER_TABLE = 400_000;

function quote(identifier: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(identifier))
    throw new Error(`Unsafe SQL identifier: ${identifier}`);
  return identifier;
}

/**
 * The rows a batch touches: loaded with one query per table, changed in memory event by
 * event, written back with one `json_populate_recordset` upsert. A batch of thousands of
 * events costs a handful of round trips instead of one per event.
 */
export class RowBuffer<R extends object> {
  private readonly rows: Map<string, R | null>;
  private readonly dirty = new Set<string>();
  /** Keys this batch asked for or wrote; a session may know many more. */
  private readonly asked = new Set<string>();
  private readonly select: string;
  private readonly upsert: string;

  constructor(
    readonly spec: TableSpec<R>,
    private readonly tx: PoolClient,
    /** Counter rows are locked, so no other transaction can hand out the same number. */
    forUpdate = false,
    session?: ProjectionSession,
  ) {
    let rows = session?.tables.get(spec.table) as Map<string, R | null> | undefined;
    if (session && (!rows || rows.size > SESSION_ROWS_PER_TABLE)) {
      rows = new Map();
      session.tables.set(spec.table, rows);
    }
    this.rows = rows ?? new Map();
    const table = quote(spec.table);
    const key = quote(spec.key);
    const cols = spec.columns.map(quote);
    this.select = `SELECT to_jsonb(t) AS r FROM ${table} t WHERE ${key} = ANY($1::text[])${forUpdate ? ' FOR UPDATE' : ''}`;
    const updates = cols.filter((c) => c !== key).map((c) => `${c} = EXCLUDED.${c}`);
    this.upsert =
      `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json) ` +
      (updates.length
        ? `ON CONFLICT (${key}) DO UPDATE SET ${updates.join(', ')}`
        : `ON CONFLICT (${key}) DO NOTHING`);
  }

  async prefetch(keys: Iterable<string | null | undefined>): Promise<void> {
    const missing = new Set<string>();
    for (const k of keys) {
      if (typeof k !== 'string') continue;
      this.asked.add(k);
      if (!this.rows.has(k)) missing.add(k);
    }
    if (missing.size === 0) return;
    const { rows } = await this.tx.query<{ r: R }>(this.select, [[...missing]]);
    for (const k of missing) this.rows.set(k, null);
    for (const { r } of rows) this.rows.set(String(r[this.spec.key]), r);
  }

  async get(key: string): Promise<R | undefined> {
    this.asked.add(key);
    if (!this.rows.has(key)) await this.prefetch([key]);
    return this.rows.get(key) ?? undefined;
  }

  /** Only after `prefetch` or `get` of the same key. */
  peek(key: string): R | undefined {
    return this.rows.get(key) ?? undefined;
  }

  put(row: R): R {
    const key = String(row[this.spec.key]);
    this.rows.set(key, row);
    this.dirty.add(key);
    this.asked.add(key);
    return row;
  }

  /** The existing rows this batch asked for or wrote. */
  touched(): R[] {
    const out: R[] = [];
    for (const k of this.asked) {
      const row = this.rows.get(k);
      if (row) out.push(row);
    }
    return out;
  }

  /** The rows known to this buffer (with a session, also earlier batches'), for changes that touch every row of a party (erasure). */
  loaded(): R[] {
    return [...this.rows.values()].filter((r): r is R => r !== null);
  }

  async flush(): Promise<void> {
    if (this.dirty.size === 0) return;
    const rows = [...this.dirty].map((k) => this.rows.get(k));
    this.dirty.clear();
    await this.tx.query(this.upsert, [JSON.stringify(rows)]);
  }
}

/** Insert-only rows (journal lines, issued invoices); a redelivered row is ignored by its key. */
export class InsertBuffer<R extends object> {
  private readonly pending: R[] = [];
  private readonly insert: string;

  constructor(
    spec: { table: string; columns: readonly (keyof R & string)[]; conflict: string },
    private readonly tx: PoolClient,
  ) {
    const table = quote(spec.table);
    const cols = spec.columns.map(quote).join(', ');
    this.insert =
      `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${table}, $1::json) ` +
      `ON CONFLICT (${spec.conflict}) DO NOTHING`;
  }

  add(row: R): void {
    this.pending.push(row);
  }

  get size(): number {
    return this.pending.length;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = this.pending.splice(0);
    await this.tx.query(this.insert, [JSON.stringify(rows)]);
  }
}

/** Is this stream revision newer than what the row already reflects? Redeliveries are not. */
export function isNewer(revision: bigint, applied: number | string | null | undefined): boolean {
  return applied === null || applied === undefined || revision > BigInt(applied);
}
