import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { JobOutcome, JobPayload, QueueName, ScheduledJob } from '../../application/scheduling/jobs';
import { PG_POOL } from '../database/database.tokens';

export interface PendingJob {
  jobId: string;
  queue: QueueName;
  payload: JobPayload;
}

/**
 * The durable record of every scheduled job. Redis may lose a job (a restart without its
 * append-only file, an eviction); the reconciler puts back whatever this ledger still expects.
 */
@Injectable()
export class ScheduledJobsLedger {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** Records the jobs and returns those still to run: a job already finished is never queued again. */
  async record(jobs: ScheduledJob[]): Promise<ScheduledJob[]> {
    if (jobs.length === 0) return [];
    const { rows } = await this.pool.query<{ job_id: string }>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])
           AS t(job_id, queue, kind, due_at, payload)
       ), inserted AS (
         INSERT INTO scheduled_jobs (job_id, queue, kind, due_at, payload, status)
         SELECT job_id, queue, kind, due_at, payload, 'scheduled' FROM input
         ON CONFLICT (job_id) DO NOTHING
         RETURNING job_id
       )
       SELECT job_id FROM inserted
       UNION
       SELECT s.job_id FROM scheduled_jobs s JOIN input i USING (job_id) WHERE s.status = 'scheduled'`,
      [
        jobs.map((j) => j.jobId),
        jobs.map((j) => j.queue),
        jobs.map((j) => j.payload.kind),
        jobs.map((j) => j.payload.dueAt),
        jobs.map((j) => JSON.stringify(j.payload)),
      ],
    );
    const pending = new Set(rows.map((r) => r.job_id));
    return jobs.filter((j) => pending.has(j.jobId));
  }

  async finish(
    jobId: string,
    status: 'completed' | 'failed' | 'obsolete',
    outcome: JobOutcome | { error: string },
  ): Promise<void> {
    await this.pool.query(
      `UPDATE scheduled_jobs SET status = $2, outcome = $3, finished_at = now() WHERE job_id = $1 AND status = 'scheduled'`,
      [jobId, status, JSON.stringify(outcome)],
    );
  }

  /** Marks the orders' jobs still scheduled obsolete and returns them, so their queued copies can go. */
  async retireOrders(
    orders: { orderId: string; code: string; kinds?: readonly string[] }[],
  ): Promise<PendingJob[]> {
    if (orders.length === 0) return [];
    const { rows } = await this.pool.query<{
      job_id: string;
      queue: QueueName;
      payload: JobPayload;
    }>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) AS t(order_id, code, kinds)
       )
       UPDATE scheduled_jobs s
          SET status = 'obsolete', finished_at = now(),
              outcome = jsonb_build_object('result', 'obsolete', 'code', i.code)
         FROM input i
        WHERE s.status = 'scheduled' AND s.payload ->> 'orderId' = i.order_id
          AND (i.kinds IS NULL OR s.kind = ANY (string_to_array(i.kinds, ',')))
       RETURNING s.job_id, s.queue, s.payload`,
      [
        orders.map((o) => o.orderId),
        orders.map((o) => o.code),
        orders.map((o) => (o.kinds ? o.kinds.join(',') : null)),
      ],
    );
    return rows.map((r) => ({ jobId: r.job_id, queue: r.queue, payload: r.payload }));
  }

  /** Jobs still expected to run and due before `dueBefore`, oldest due first, by keyset pages. */
  async pending(
    afterJobId: string | null,
    afterDueAt: string | null,
    limit: number,
    dueBefore: Date,
  ): Promise<(PendingJob & { dueAt: string })[]> {
    const { rows } = await this.pool.query<{
      job_id: string;
      queue: QueueName;
      payload: JobPayload;
      due_at: Date;
    }>(
      `SELECT job_id, queue, payload, due_at FROM scheduled_jobs
        WHERE status = 'scheduled' AND due_at <= $4
          AND ($1::timestamptz IS NULL OR (due_at, job_id) > ($1::timestamptz, $2::text))
        ORDER BY due_at, job_id LIMIT $3`,
      [afterDueAt, afterJobId, limit, dueBefore],
    );
    return rows.map((r) => ({
      jobId: r.job_id,
      queue: r.queue,
      payload: r.payload,
      dueAt: r.due_at.toISOString(),
    }));
  }

  async status(jobId: string): Promise<{ status: string; outcome: unknown } | null> {
    const { rows } = await this.pool.query<{ status: string; outcome: unknown }>(
      'SELECT status, outcome FROM scheduled_jobs WHERE job_id = $1',
      [jobId],
    );
    return rows[0] ?? null;
  }
}
