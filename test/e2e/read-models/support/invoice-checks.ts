import { Pool } from 'pg';

/**
 * Every series has numbers 1..n for each year, and within a series numbers follow the log
 * order of the events that issued them.
 */
export async function invoiceNumberingProblems(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ series: string; year: number; seq: number; number: string }>(
    `SELECT i.series, i.year, i.seq, i.number
       FROM invoices i JOIN es_events e ON e.event_id::text = i.source_event_id
      ORDER BY i.series, i.year, e.transaction_id, e.global_position, i.seq`,
  );
  const problems: string[] = [];
  let key = '';
  let expected = 0;
  for (const r of rows) {
    const k = `${r.series}/${r.year}`;
    if (k !== key) {
      key = k;
      expected = 1;
    }
    if (r.seq !== expected)
      problems.push(`${r.number}: expected sequence ${expected} in ${k}, got ${r.seq}`);
    if (r.number !== `${r.series}-${r.year}-${String(r.seq).padStart(6, '0')}`)
      problems.push(`${r.number}: malformed`);
    expected = r.seq + 1;
  }
  const counters = await pool.query(
    `SELECT s.series_key, s.last_number, (SELECT count(*)::int FROM invoices i WHERE i.series = s.prefix AND i.year = s.year) AS issued
       FROM invoice_series s`,
  );
  for (const c of counters.rows)
    if (c.last_number !== c.issued)
      problems.push(`${c.series_key}: counter ${c.last_number}, issued ${c.issued}`);
  return problems;
}
