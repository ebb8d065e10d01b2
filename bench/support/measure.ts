import { Pool, PoolClient } from 'pg';

export const nowNs = (): bigint => process.hrtime.bigint();

/**
 * Runs `writers` concurrent loops of `op` for `durationMs` and counts the completed
 * operations; `op` returns how many units (rows, events) it wrote.
 */
export async function runFor(
  durationMs: number,
  writers: number,
  op: (writer: number) => Promise<number>,
): Promise<{
  units: number;
  ops: number;
  seconds: number;
  perSecond: number;
  opsPerSecond: number;
}> {
  let units = 0;
  let ops = 0;
  const start = nowNs();
  const deadline = start + BigInt(durationMs) * 1_000_000n;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      while (nowNs() < deadline) {
        // `units += await ...` would read `units` before the await and lose concurrent updates.
        const written = await op(w);
        units += written;
        ops++;
      }
    }),
  );
  const seconds = Number(nowNs() - start) / 1e9;
  return { units, ops, seconds, perSecond: units / seconds, opsPerSecond: ops / seconds };
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Opens every connection of the pool before timing: a cold pg.Pool costs ~15x at 16 writers. */
export async function prewarm(pool: Pool, connections: number): Promise<void> {
  const clients: PoolClient[] = await Promise.all(
    Array.from({ length: connections }, () => pool.connect()),
  );
  await Promise.all(clients.map((c) => c.query('SELECT 1')));
  for (const c of clients) c.release();
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    line(rows[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}
