import { DeadlineJobs } from '../../application/scheduling/deadline-jobs';
import { JobPayload } from '../../application/scheduling/jobs';
import { ReminderJobs } from '../../application/scheduling/reminder-jobs';
import { JobDispatcher } from './job-dispatcher';

const base = { dueAt: '2026-01-05T08:00:00.000Z', causationId: 'e-1', correlationId: 'c-1' };
const payout = { ...base, kind: 'payout.send', payoutId: 'p-1' } as unknown as JobPayload;
const deadline = { ...base, kind: 'order.delivery-deadline', orderId: 'o-1' } as JobPayload;
const reminder = {
  ...base,
  kind: 'order.seller-deadline-reminder',
  orderId: 'o-1',
  sellerId: 's-1',
  deliveryDueAt: base.dueAt,
} as JobPayload;

describe('the job dispatcher', () => {
  const ran: string[] = [];
  const dispatcher = new JobDispatcher(
    { run: async () => (ran.push('deadlines'), { result: 'done' }) } as unknown as DeadlineJobs,
    { run: async () => (ran.push('reminders'), { result: 'done' }) } as unknown as ReminderJobs,
  );

  it("leaves a context's job for later (a retry) until its module registered a handler", async () => {
    await expect(dispatcher.run('j-1', payout)).rejects.toThrow('payout.send');
  });

  it('runs the handler a context registered for its kind, and refuses a second one', async () => {
    dispatcher.register('payout.send', async ({ jobId, payload }) => {
      ran.push(`payout:${jobId}:${payload.payoutId}`);
      return { result: 'done' };
    });
    await expect(dispatcher.run('j-2', payout)).resolves.toEqual({ result: 'done' });
    expect(ran).toContain('payout:j-2:p-1');
    expect(() => dispatcher.register('payout.send', async () => ({ result: 'done' }))).toThrow('already registered');
  });

  it("runs the scheduler's own deadlines and reminders by their queue", async () => {
    ran.length = 0;
    await dispatcher.run('j-3', deadline);
    await dispatcher.run('j-4', reminder);
    expect(ran).toEqual(['deadlines', 'reminders']);
  });
});
