import type { RecordedEvent } from '../shared/event-store.port';
import { jobIdFor } from '../scheduling/jobs';
import { subscriptionJobs } from './subscription.reactor';

const settings = { reminderDays: 7, retryHours: [24, 72, 120], catalogCacheMs: 0 };
const recorded = (
  type: string,
  data: object,
  occurredAt = '2026-01-31T10:00:00.000Z',
): RecordedEvent => ({
  id: `evt-${type}`,
  streamName: 'subscription-sub-1',
  revision: 0n,
  position: { commit: 1n, prepare: 1n },
  type,
  schemaVersion: 1,
  data: { subscriptionId: 'sub-1', accountId: 'p-1', ...data },
  metadata: { occurredAt, correlationId: 'corr-1' },
  recordedAt: new Date(occurredAt),
});

describe('the subscription jobs an event calls for', () => {
  it('a started period: the renewal of period 2 at its end and the reminder 7 days before, ids from the event', () => {
    const event = recorded('SubscriptionStarted', {
      period: 1,
      periodEndsAt: '2026-02-28T10:00:00.000Z',
    });
    const jobs = subscriptionJobs(event, settings);
    expect(jobs.map((j) => [j.queue, j.payload])).toEqual([
      [
        'renewals',
        expect.objectContaining({
          kind: 'subscription.renew',
          period: 2,
          attempt: 1,
          dueAt: '2026-02-28T10:00:00.000Z',
          causationId: event.id,
        }),
      ],
      [
        'reminders',
        expect.objectContaining({
          kind: 'subscription.renewal-reminder',
          period: 2,
          renewsAt: '2026-02-28T10:00:00.000Z',
          dueAt: '2026-02-21T10:00:00.000Z',
        }),
      ],
    ]);
    expect(jobs[0].jobId).toBe(jobIdFor(event.id, 'subscription.renew'));
    // A replay of the same event schedules the same ids (the scheduler keeps the first).
    expect(subscriptionJobs(event, settings)).toEqual(jobs);
  });

  it('a refused renewal: the next attempt at nextAttemptAt, no reminder; none after the last', () => {
    const retry = subscriptionJobs(
      recorded('SubscriptionRenewalFailed', {
        period: 2,
        attempt: 1,
        nextAttemptAt: '2026-03-01T10:00:00.000Z',
      }),
      settings,
    );
    expect(retry.map((j) => j.payload)).toEqual([
      expect.objectContaining({
        kind: 'subscription.renew',
        period: 2,
        attempt: 2,
        dueAt: '2026-03-01T10:00:00.000Z',
      }),
    ]);
    expect(
      subscriptionJobs(
        recorded('SubscriptionRenewalFailed', { period: 2, attempt: 4, nextAttemptAt: null }),
        settings,
      ),
    ).toEqual([]);
  });

  it('a pause: the renewal of the same period at resumesAt; an extension: at the new end, no reminder already past', () => {
    const pause = subscriptionJobs(
      recorded(
        'SubscriptionPaused',
        { period: 2, resumesAt: '2026-03-28T10:00:00.000Z' },
        '2026-02-28T10:00:00.000Z',
      ),
      settings,
    );
    expect(pause.map((j) => [j.payload.kind, j.payload.dueAt])).toEqual([
      ['subscription.renew', '2026-03-28T10:00:00.000Z'],
      ['subscription.renewal-reminder', '2026-03-21T10:00:00.000Z'],
    ]);
    const late = subscriptionJobs(
      recorded(
        'SubscriptionPeriodExtended',
        { period: 1, periodEndsAt: '2026-03-02T10:00:00.000Z' },
        '2026-02-25T10:00:00.000Z',
      ),
      settings,
    );
    expect(late.map((j) => j.payload.kind)).toEqual(['subscription.renew']);
  });

  it('a cancellation or a card change schedules nothing', () => {
    expect(subscriptionJobs(recorded('SubscriptionCancelled', {}), settings)).toEqual([]);
    expect(subscriptionJobs(recorded('SubscriptionPaymentMethodReplaced', {}), settings)).toEqual(
      [],
    );
  });
});
