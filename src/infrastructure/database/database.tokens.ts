/** The shared `pg.Pool` (pre-warmed at start) used by the event store and raw-SQL read paths. */
export const PG_POOL = Symbol('PG_POOL');
