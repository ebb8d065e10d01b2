import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group commit: several appends, to any streams, in one round trip and one commit.
 * Each append keeps its own outcome (a wrong expected revision or an idempotency
 * conflict rolls back only its own subtransaction), so a batch means exactly what
 * the same appends sent one by one would. Stream locks are taken in lock-key order,
 * so two batches never wait on each other in a cycle. See docs/event-store.md.
 */
export class EventStoreBatchAppend1732386000000 implements MigrationInterface {
  name = 'EventStoreBatchAppend1732386000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE FUNCTION es_append_batch(p_appends jsonb)
RETURNS TABLE (idx integer, revision bigint, transaction_id text, last_position bigint, duplicate boolean,
               error_code text, error_detail text)
LANGUAGE plpgsql AS $$
DECLARE
  v_item record;
  v_row  record;
  v_detail text;
  v_constraint text;
BEGIN
  FOR v_item IN
    SELECT (x.n - 1)::integer AS i, x.a ->> 's' AS stream, x.a ->> 'x' AS expected, x.a -> 'e' AS events
      FROM jsonb_array_elements(p_appends) WITH ORDINALITY AS x(a, n)
     ORDER BY hashtextextended(x.a ->> 's', 0), x.n
  LOOP
    BEGIN
      SELECT * INTO v_row FROM es_append(v_item.stream, v_item.expected, v_item.events);
      idx := v_item.i; revision := v_row.revision; transaction_id := v_row.transaction_id;
      last_position := v_row.last_position; duplicate := v_row.duplicate;
      error_code := NULL; error_detail := NULL;
      RETURN NEXT;
    EXCEPTION WHEN SQLSTATE 'ES001' OR SQLSTATE 'ES002' OR unique_violation THEN
      GET STACKED DIAGNOSTICS v_detail = PG_EXCEPTION_DETAIL, v_constraint = CONSTRAINT_NAME;
      idx := v_item.i; revision := NULL; transaction_id := NULL; last_position := NULL; duplicate := NULL;
      error_code := SQLSTATE;
      error_detail := CASE WHEN SQLSTATE = '23505' THEN v_constraint ELSE v_detail END;
      RETURN NEXT;
    END;
  END LOOP;
END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION es_append_batch(jsonb)`);
  }
}
