import { CommandBus } from '@nestjs/cqrs';
import { ConcurrencyError, IllegalStateError } from '../../domain/shared';
import { OrderCommandMessage } from '../orders/order.messages';
import { ManualClock } from '../shared/clock';
import { DeadlineJobs } from './deadline-jobs';
import { DeadlineJob } from './jobs';

const due = '2026-03-05T10:00:00.000Z';
const job = (overrides: Partial<DeadlineJob> = {}): DeadlineJob =>
  ({
    kind: 'order.delivery-deadline',
    orderId: 'o-1',
    dueAt: due,
    causationId: 'evt-1',
    correlationId: 'corr-1',
    ...overrides,
  }) as DeadlineJob;

function fakeBus(
  answer: () => Promise<unknown> = async () => ({ events: [{ type: 'OrderDeliveryLate' }] }),
) {
  const sent: OrderCommandMessage[] = [];
  const bus = {
    execute: jest.fn(async (m: OrderCommandMessage) => (sent.push(m), answer())),
  } as unknown as CommandBus;
  return { bus, sent };
}

describe('deadline jobs on a controlled clock', () => {
  it('before the due time the job is put back, nothing is sent', async () => {
    const { bus, sent } = fakeBus();
    const outcome = await new DeadlineJobs(bus, new ManualClock('2026-03-05T09:59:59.999Z')).run({
      jobId: 'j-1',
      payload: job(),
    });
    expect(outcome).toEqual({ result: 'not_due', dueAt: due });
    expect(sent).toHaveLength(0);
  });

  it('at the due time it sends MarkOrderLate as the system, now = the clock, caused by the event', async () => {
    const { bus, sent } = fakeBus();
    const outcome = await new DeadlineJobs(bus, new ManualClock(due)).run({
      jobId: 'j-1',
      payload: job(),
    });
    expect(outcome).toEqual({ result: 'done', detail: 'OrderDeliveryLate' });
    expect(sent[0].aggregateId).toBe('o-1');
    expect(sent[0].command).toEqual({
      type: 'MarkOrderLate',
      data: { orderId: 'o-1' },
      meta: { now: due, actorId: 'system', actorRole: 'system' },
    });
    expect(sent[0].causation).toEqual({ correlationId: 'corr-1', causationId: 'evt-1' });
  });

  it('a job delivered twice sends the same event ids, so the log keeps one', async () => {
    const { bus, sent } = fakeBus();
    const jobs = new DeadlineJobs(bus, new ManualClock(due));
    await jobs.run({ jobId: 'j-1', payload: job() });
    await jobs.run({ jobId: 'j-1', payload: job() });
    expect(sent[0].options.eventIds?.(0)).toBe(sent[1].options.eventIds?.(0));
    expect(sent[0].options.eventIds?.(0)).not.toBe(sent[0].options.eventIds?.(1));
  });

  it("auto-completion accepts the delivery on the buyer's behalf with the configured delay", async () => {
    const { bus, sent } = fakeBus();
    await new DeadlineJobs(bus, new ManualClock(due)).run({
      jobId: 'j-2',
      payload: job({
        kind: 'order.auto-complete',
        deliveryId: 'd-1',
        autoCompleteAfterDays: 3,
      } as Partial<DeadlineJob>),
    });
    expect(sent[0].command).toMatchObject({
      type: 'AcceptDelivery',
      data: { orderId: 'o-1', auto: true, autoCompleteAfterDays: 3 },
    });
  });

  it('a refusal by the aggregate (already delivered, withdrawn...) ends the job as obsolete', async () => {
    const { bus } = fakeBus(async () => {
      throw new IllegalStateError('ORDER_NOT_DELIVERED', 'no', { currentStatus: 'in_revision' });
    });
    const outcome = await new DeadlineJobs(bus, new ManualClock(due)).run({
      jobId: 'j-1',
      payload: job(),
    });
    expect(outcome).toMatchObject({ result: 'obsolete', code: 'ORDER_NOT_DELIVERED' });
  });

  it('a concurrency conflict or an outage is thrown, so BullMQ retries with backoff', async () => {
    const conflict = fakeBus(async () => {
      throw new ConcurrencyError('CONCURRENT_MODIFICATION', 'moved');
    });
    await expect(
      new DeadlineJobs(conflict.bus, new ManualClock(due)).run({ jobId: 'j-1', payload: job() }),
    ).rejects.toThrow('moved');
    const outage = fakeBus(async () => {
      throw new Error('connection refused');
    });
    await expect(
      new DeadlineJobs(outage.bus, new ManualClock(due)).run({ jobId: 'j-1', payload: job() }),
    ).rejects.toThrow('connection refused');
  });

  it("each kind sends its aggregate's own command", async () => {
    const { bus, sent } = fakeBus();
    const jobs = new DeadlineJobs(bus, new ManualClock(due));
    await jobs.run({
      jobId: 'a',
      payload: job({
        kind: 'custom-request.invitation-expiry',
        customRequestId: 'c-1',
        sellerId: 's-1',
        expiresAt: due,
      } as Partial<DeadlineJob>),
    });
    await jobs.run({
      jobId: 'b',
      payload: job({
        kind: 'dispute.response-deadline',
        disputeId: 'dp-1',
      } as Partial<DeadlineJob>),
    });
    await jobs.run({
      jobId: 'c',
      payload: job({
        kind: 'verification.document-expiry',
        providerId: 'p-1',
        documentId: 'doc-1',
      } as Partial<DeadlineJob>),
    });
    expect(sent.map((m) => [m.constructor.name, m.aggregateId, m.command.type])).toEqual([
      ['CustomRequestCommandMessage', 'c-1', 'ExpireInvitation'],
      ['DisputeCommandMessage', 'dp-1', 'LapseResponseDeadline'],
      ['VerificationCommandMessage', 'p-1', 'ExpireDocument'],
    ]);
  });
});
