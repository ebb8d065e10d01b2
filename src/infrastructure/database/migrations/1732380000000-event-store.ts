import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Postgres event log. See docs/event-store.md for the ordering technique
 * (transaction ids filtered by the snapshot's xmin) and why each index exists.
 */
export class EventStore1732380000000 implements MigrationInterface {
  name = 'EventStore1732380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE es_streams (
        stream_name     text PRIMARY KEY,
        truncate_before bigint  NOT NULL DEFAULT 0,
        deleted         boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      CREATE TABLE es_events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_name     text        NOT NULL,
        category        text        NOT NULL,
        stream_revision bigint      NOT NULL,
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        schema_version  integer     NOT NULL DEFAULT 1,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT es_events_stream_revision UNIQUE (stream_name, stream_revision),
        CONSTRAINT es_events_event_id UNIQUE (event_id)
      )`);
    await q.query(
      `CREATE INDEX es_events_log_order ON es_events (transaction_id, global_position)`,
    );
    await q.query(
      `CREATE INDEX es_events_category_order ON es_events (category, transaction_id, global_position)`,
    );
    await q.query(`
CREATE FUNCTION es_append(p_stream text, p_expected text, p_events jsonb)
RETURNS TABLE (revision bigint, transaction_id text, last_position bigint, duplicate boolean)
LANGUAGE plpgsql AS $$
DECLARE
  v_current  bigint;
  v_deleted  boolean;
  v_exists   boolean;
  v_count    integer := jsonb_array_length(p_events);
  v_first_id uuid := (p_events -> 0 ->> 'id')::uuid;
  v_dup      record;
  v_matched  integer;
  v_last     bigint;
  v_mismatch boolean;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
  SELECT max(e.stream_revision) INTO v_current FROM es_events e WHERE e.stream_name = p_stream;
  SELECT s.deleted INTO v_deleted FROM es_streams s WHERE s.stream_name = p_stream;
  v_exists := v_current IS NOT NULL AND NOT coalesce(v_deleted, false);
  v_mismatch := (p_expected = 'no_stream' AND v_exists)
     OR (p_expected = 'stream_exists' AND NOT v_exists)
     OR (p_expected NOT IN ('any', 'no_stream', 'stream_exists') AND (NOT v_exists OR v_current <> p_expected::bigint));

  -- A committed retry with an exact revision or no_stream always mismatches, so the
  -- happy path skips the lookup; any/stream_exists cannot tell and always check.
  IF v_mismatch OR p_expected IN ('any', 'stream_exists') THEN
    SELECT e.stream_name, e.stream_revision INTO v_dup FROM es_events e WHERE e.event_id = v_first_id;
    IF FOUND THEN
      SELECT count(*) INTO v_matched
        FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(ev, n)
        JOIN es_events e ON e.event_id = (x.ev ->> 'id')::uuid
       WHERE e.stream_name = p_stream AND e.stream_revision = v_dup.stream_revision + x.n - 1;
      IF v_dup.stream_name = p_stream AND v_matched = v_count THEN
        RETURN QUERY SELECT e.stream_revision, e.transaction_id::text, e.global_position, true
          FROM es_events e WHERE e.stream_name = p_stream AND e.stream_revision = v_dup.stream_revision + v_count - 1;
        RETURN;
      END IF;
      RAISE EXCEPTION USING ERRCODE = 'ES002', MESSAGE = 'idempotency conflict', DETAIL = v_first_id::text;
    END IF;
  END IF;
  IF v_mismatch THEN
    RAISE EXCEPTION USING ERRCODE = 'ES001', MESSAGE = 'wrong expected version',
      DETAIL = CASE WHEN v_exists THEN v_current::text ELSE '' END;
  END IF;

  WITH ins AS (
    INSERT INTO es_events (stream_name, category, stream_revision, event_id, event_type, schema_version, data, metadata)
    SELECT p_stream, split_part(p_stream, '-', 1), coalesce(v_current, -1) + x.n,
           (x.ev ->> 'id')::uuid, x.ev ->> 'type', coalesce((x.ev ->> 'schemaVersion')::int, 1),
           x.ev -> 'data', coalesce(x.ev -> 'metadata', '{}'::jsonb)
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(ev, n)
    RETURNING global_position
  )
  SELECT max(global_position) INTO v_last FROM ins;
  -- es_streams only changes when a stream is created or revived; the revision lives in es_events.
  IF v_deleted IS NULL THEN
    INSERT INTO es_streams (stream_name) VALUES (p_stream);
  ELSIF v_deleted THEN
    UPDATE es_streams SET deleted = false WHERE stream_name = p_stream;
  END IF;

  RETURN QUERY SELECT coalesce(v_current, -1) + v_count, pg_current_xact_id()::text, v_last, false;
END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append(text, text, jsonb)`);
    await q.query(`DROP TABLE es_events`);
    await q.query(`DROP TABLE es_streams`);
  }
}
