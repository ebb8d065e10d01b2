import { Injectable } from '@nestjs/common';
import { NoRecipientError, Notifications } from '../notifications/notifications.port';
import { JobRun, notDue } from '../scheduling/job-context';
import { JobScheduler } from '../scheduling/job-scheduler.port';
import {
  scheduled,
  type JobOutcome,
  type TenderDigestJob as DigestJobPayload,
} from '../scheduling/jobs';
import { Clock } from '../shared/clock';
import { DigestLinks } from './digest-links';
import { digestDueAt, digestWindow, nextDay, upcomingDigestDay } from './digest-calendar';
import { DigestRecipient, TenderDigestReader } from './tender-digest.port';

export const DIGEST_TEMPLATE = 'tenders.daily_digest';
/** Projects listed in one e-mail; the rest are counted (the open list shows them all). */
export const DIGEST_MAX_PROJECTS = 50;
const PAGE = 500;
const READ_MODEL_WAIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The day's run, one job id per day: scheduling it again (start-up, a replayed run) adds nothing. */
export function scheduleDigest(
  scheduler: JobScheduler,
  day: string,
  causationId: string,
  correlationId: string,
): Promise<void> {
  return scheduler.schedule([
    scheduled<DigestJobPayload>(
      { kind: 'tenders.daily-digest', day, dueAt: digestDueAt(day), causationId, correlationId },
      `tenders-daily-digest-${day}`,
    ),
  ]);
}

export const digestIdempotencyKey = (providerId: string, day: string) =>
  `${DIGEST_TEMPLATE}:${providerId}:${day}`;

/**
 * `tenders.daily-digest` (docs/tenders-digest.md), at 07:00 Paris time each day: every provider
 * whose digest is on gets one e-mail listing the projects posted since the previous digest that
 * are still open, match their preferences and are not hidden; nothing when nothing matches. Each
 * run first schedules the next day's (the calendar chain). One e-mail per provider and day: the
 * notification's idempotency key, so a retried or redelivered run sends nothing twice.
 */
@Injectable()
export class TenderDigestJob {
  constructor(
    private readonly reader: TenderDigestReader,
    private readonly notifications: Notifications,
    private readonly links: DigestLinks,
    private readonly clock: Clock,
    private readonly scheduler: JobScheduler,
  ) {}

  async run({ jobId, payload }: JobRun<DigestJobPayload>): Promise<JobOutcome> {
    await this.clock.sync();
    const early = notDue(this.clock, payload);
    if (early) return early;
    await scheduleDigest(this.scheduler, nextDay(payload.day), jobId, payload.correlationId);
    const window = digestWindow(payload.day);
    await this.waitForReadModel(window.to);
    let after: string | null = null;
    let sent = 0;
    let unreachable = 0;
    for (;;) {
      const page = await this.reader.recipients(window, {
        after,
        limit: PAGE,
        maxProjects: DIGEST_MAX_PROJECTS,
      });
      for (const recipient of page) {
        if (await this.send(payload.day, recipient)) sent++;
        else unreachable++;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].providerId;
    }
    return {
      result: 'done',
      detail: `${payload.day}: ${sent} digest(s) sent${unreachable ? `, ${unreachable} without an address` : ''}`,
    };
  }

  /** At start-up: the next digest (an earlier day's still pending runs from the durable record). */
  scheduleAtStartUp(): Promise<void> {
    const day = upcomingDigestDay(this.clock.now().toISOString());
    return scheduleDigest(this.scheduler, day, `tenders-start-up-${day}`, `tenders-digest-${day}`);
  }

  private async send(day: string, recipient: DigestRecipient): Promise<boolean> {
    const { providerId, total, projects } = recipient;
    try {
      await this.notifications.send({
        to: { accountId: providerId },
        template: DIGEST_TEMPLATE,
        data: {
          day,
          total,
          projects,
          unsubscribeUrl: this.links.url(providerId),
        },
        idempotencyKey: digestIdempotencyKey(providerId, day),
      });
      return true;
    } catch (error) {
      if (error instanceof NoRecipientError) return false;
      throw error;
    }
  }

  /** A project posted just before 07:00 must be in the read model, or it would miss every digest. */
  private async waitForReadModel(before: string): Promise<void> {
    const deadline = Date.now() + READ_MODEL_WAIT_MS;
    while (await this.reader.behind(before)) {
      if (Date.now() > deadline)
        throw new Error('The tender_digest read model is behind the digest window; retried');
      await sleep(200);
    }
  }
}
