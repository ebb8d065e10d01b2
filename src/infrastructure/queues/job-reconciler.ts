import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { QUEUES } from '../../application/scheduling/jobs';
import { BullMqJobScheduler } from './bullmq-job-scheduler';
import { ScheduledJobsLedger } from './scheduled-jobs.ledger';

const PAGE = 1_000;

/**
 * Puts into Redis every job the ledger still expects that is due within the enqueue horizon: at
 * start, after each reconnection to Redis and periodically (`JOB_RECONCILE_INTERVAL_MS`). That
 * both repairs a Redis that lost jobs and moves jobs coming due from the ledger to the queues.
 * Re-adding a job Redis still holds changes nothing (same job id).
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobReconciler');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly ledger: ScheduledJobsLedger,
    private readonly scheduler: BullMqJobScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.PROCESS_ROLES.includes('workers')) return;
    const client = await this.scheduler.queue(QUEUES.deadlines).getBackend().connection.client;
    // The first 'ready' already happened; every later one follows a reconnection.
    client.on('ready', () => void this.reconcileSafely());
    this.timer = setInterval(
      () => void this.reconcileSafely(),
      this.config.JOB_RECONCILE_INTERVAL_MS,
    );
    this.timer.unref();
    await this.reconcileSafely();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Returns how many pending jobs were offered to Redis again. */
  reconcile(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  /** A whole pass begun after this call (one under way is waited out): it sees a clock just moved. */
  async reconcileFresh(): Promise<number> {
    await this.running?.catch(() => undefined);
    return this.reconcile();
  }

  private async reconcileSafely(): Promise<void> {
    try {
      const n = await this.reconcile();
      if (n > 0) this.logger.debug(`Offered ${n} pending jobs to Redis again`);
    } catch (error) {
      this.logger.warn(`Reconciliation failed, will retry: ${String(error)}`);
    }
  }

  private async pass(): Promise<number> {
    let total = 0;
    let after: { jobId: string; dueAt: string } | null = null;
    // Jobs coming due move from the ledger to Redis here; later ones stay in the ledger.
    const dueBefore = this.scheduler.horizon();
    while (!this.stopped) {
      const page = await this.ledger.pending(
        after?.jobId ?? null,
        after?.dueAt ?? null,
        PAGE,
        dueBefore,
      );
      if (page.length === 0) break;
      await this.scheduler.enqueue(page);
      total += page.length;
      const last = page[page.length - 1];
      after = { jobId: last.jobId, dueAt: last.dueAt };
    }
    return total;
  }
}
